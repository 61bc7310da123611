import { afterAll, beforeAll } from 'vitest';
import { createCrmClient, type CrmClient } from '../../adapters/crm';
import type { ResilienceSettings } from '../../adapters/resilience/settings';
import { crmStandIn } from '../../legacy/crm/standin';
import { BREAKER_NEVER_OPENS } from './resilience';
import { standInUnderTest, startTestStandIn, type TestStandIn } from './stand-in-admin';

/**
 * For a test file of the resilience policy: the CRM stand-in on a real socket for the whole file, and CRM clients
 * each with its own breaker (so that tests do not share one), all closed when the file is done.
 */
export function crmWithClients(defaults: ResilienceSettings) {
  let crm: TestStandIn | undefined;
  const clients = new Set<CrmClient>();
  beforeAll(async () => {
    crm = await startTestStandIn(crmStandIn);
  });
  afterAll(async () => {
    await Promise.all([...clients].map((c) => c.close()));
    await crm?.stop();
  });
  return {
    get crm(): TestStandIn { return crm!; },
    client(settings: ResilienceSettings = defaults): CrmClient {
      const c = createCrmClient({ url: crm!.url, resilience: settings });
      clients.add(c);
      const close = c.close.bind(c);
      // A client a test closes itself is not closed again at the end.
      return Object.assign(c, { close: () => (clients.delete(c), close()) });
    },
  };
}

/**
 * The CRM stand-in and one real adapter for the calling test file (like `ebillUnderTest`): started before its tests,
 * stopped after. Read them inside a test, once `beforeAll` has run.
 */
export function crmUnderTest(): { crm: () => TestStandIn; client: () => CrmClient } {
  const { standIn, client } = standInUnderTest(crmStandIn, (url) => createCrmClient({ url, resilience: BREAKER_NEVER_OPENS }));
  return { crm: standIn, client };
}
