import type { StandInOptions } from '../runtime/server';
import { readStandInSettings } from '../runtime/settings';
import { ebillProtocol } from './protocol';
import { openEbillStore } from './store';
import { openPersonalBaskets } from './personal';
import { openPersonalInvoicing } from './personal-invoices';

/** The eBill stand-in as `startStandIn` / `runStandIn` take it, configured from the environment. */
export function ebillStandIn(env?: Record<string, string | undefined>): StandInOptions {
  const settings = readStandInSettings(env);
  const store = openEbillStore(settings.dataDir, settings.largeCustomers);
  const personal = openPersonalBaskets(settings.dataDir);
  // h-invoice (issue 12): TIM TUO's personal invoicing ("La mia fattura"), its own SQLite file like the baskets.
  const invoicing = openPersonalInvoicing(settings.dataDir);
  return {
    name: 'ebill',
    protocol: ebillProtocol(store, settings.ebillApiKey, { ...personal.routes, ...invoicing.routes }, [...personal.files, ...invoicing.files]),
    settings,
    defaultFault: { latencyMs: 90, jitterMs: 30 },
    onClose: () => {
      store.close();
      personal.close();
      invoicing.close();
    },
  };
}
