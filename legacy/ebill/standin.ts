import type { StandInOptions } from '../runtime/server';
import { readStandInSettings } from '../runtime/settings';
import { ebillProtocol } from './protocol';
import { openEbillStore } from './store';
import { openPersonalBaskets } from './personal';
import { openPersonalConsumption } from './personal-consumption';

/** The eBill stand-in as `startStandIn` / `runStandIn` take it, configured from the environment. */
export function ebillStandIn(env?: Record<string, string | undefined>): StandInOptions {
  const settings = readStandInSettings(env);
  const store = openEbillStore(settings.dataDir, settings.largeCustomers);
  const personal = openPersonalBaskets(settings.dataDir);
  // h-consumption (issue 12): the employees' personal consumption (personal-consumption.ts).
  const consumption = openPersonalConsumption(settings.dataDir);
  return {
    name: 'ebill',
    protocol: ebillProtocol(store, settings.ebillApiKey, { ...personal.routes, ...consumption.routes }, [...personal.files, ...consumption.files]),
    settings,
    defaultFault: { latencyMs: 90, jitterMs: 30 },
    onClose: () => {
      store.close();
      personal.close();
      consumption.close();
    },
  };
}
