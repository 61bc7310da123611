import { createEbillClient, type EbillClient } from '../../adapters/ebill';
import { ebillStandIn } from '../../legacy/ebill/standin';
import { BREAKER_NEVER_OPENS } from './resilience';
import { standInUnderTest, type TestStandIn } from './stand-in-admin';

/**
 * The eBill stand-in and the real adapter for the calling test file: started before its tests, stopped after. Read
 * them inside a test, once `beforeAll` has run.
 */
export function ebillUnderTest(): { ebill: () => TestStandIn; client: () => EbillClient } {
  const { standIn, client } = standInUnderTest(ebillStandIn, (url) => createEbillClient({ url, resilience: BREAKER_NEVER_OPENS }));
  return { ebill: standIn, client };
}
