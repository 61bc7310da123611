import type { StandInOptions } from '../runtime/server';
import { readStandInSettings } from '../runtime/settings';
import { ebillProtocol } from './protocol';
import { openEbillStore } from './store';
import { openPersonalBaskets } from './personal';
import { openPersonalAccounts } from './personal-account';

/** The eBill stand-in as `startStandIn` / `runStandIn` take it, configured from the environment. */
export function ebillStandIn(env?: Record<string, string | undefined>): StandInOptions {
  const settings = readStandInSettings(env);
  const store = openEbillStore(settings.dataDir, settings.largeCustomers);
  const personal = openPersonalBaskets(settings.dataDir);
  // h-tuopost (issue 12): the personal billing accounts of TIM TUO on postpaid lines.
  const accounts = openPersonalAccounts(settings.dataDir);
  return {
    name: 'ebill',
    protocol: ebillProtocol(store, settings.ebillApiKey, { ...personal.routes, ...accounts.routes }, [...personal.files, ...accounts.files]),
    settings,
    defaultFault: { latencyMs: 90, jitterMs: 30 },
    onClose: () => {
      store.close();
      personal.close();
      accounts.close();
    },
  };
}
