import { afterAll, beforeAll } from 'vitest';
import { createCrmClient, type CrmClient } from '../../adapters/crm';
import type { ResilienceSettings } from '../../adapters/resilience/settings';
import { crmStandIn } from '../../legacy/crm/standin';
import { startTestStandIn, type TestStandIn } from './stand-in-admin';

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
