import { afterAll, beforeAll } from 'vitest';
import { createEbillClient, type EbillClient } from '../../adapters/ebill';
import { ebillStandIn } from '../../legacy/ebill/standin';
import { startTestStandIn, type TestStandIn } from './stand-in-admin';
import { BREAKER_NEVER_OPENS } from './resilience';

/**
 * h-invoice: the eBill stand-in and the real adapter for the calling test file, started before its tests and stopped
 * after them; read them inside a test, once `beforeAll` has run.
 */
export function useEbillStandIn(): { ebill: () => TestStandIn; client: () => EbillClient } {
  let ebill: TestStandIn;
  let client: EbillClient;
  beforeAll(async () => {
    ebill = await startTestStandIn(ebillStandIn);
    client = createEbillClient({ url: ebill.url, resilience: BREAKER_NEVER_OPENS });
  });
  afterAll(async () => {
    await client?.close();
    await ebill?.stop();
  });
  return { ebill: () => ebill, client: () => client };
}
