import type { StandInOptions } from '../runtime/server';
import { readStandInSettings } from '../runtime/settings';
import { crmProtocol } from './protocol';
import { openCrmStore } from './store';

/** The CRM stand-in as `startStandIn` / `runStandIn` take it, configured from the environment. */
export function crmStandIn(env?: Record<string, string | undefined>): StandInOptions {
  const settings = readStandInSettings(env);
  const store = openCrmStore(settings.dataDir, settings.largeCustomers);
  return {
    name: 'crm',
    protocol: crmProtocol(store, settings.crm),
    settings,
    defaultFault: { latencyMs: 60, jitterMs: 20 },
    onClose: () => store.close(),
  };
}
