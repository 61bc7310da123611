import { afterAll, beforeAll } from 'vitest';
import { createEbillClient, type EbillClient } from '../../adapters/ebill';
import { ebillStandIn } from '../../legacy/ebill/standin';
import { BREAKER_NEVER_OPENS } from './resilience';
import { startTestStandIn, type TestStandIn } from './stand-in-admin';

/**
 * The eBill stand-in and the real adapter for the calling test file: started before its tests, stopped after. Read
 * them inside a test, once `beforeAll` has run.
 */
export function ebillUnderTest(): { ebill: () => TestStandIn; client: () => EbillClient } {
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
