import type { StandInOptions } from '../runtime/server';
import { readStandInSettings } from '../runtime/settings';
import { paymentsProtocol } from './protocol';
import { openPaymentsStore } from './store';
import { openCardSetups } from './setups';

/** The payment provider's stand-in (seed 002 §9.1.2) as `startStandIn` / `runStandIn` take it, configured from the environment. */
export function paymentsStandIn(env?: Record<string, string | undefined>): StandInOptions {
  const settings = readStandInSettings(env);
  const store = openPaymentsStore(settings.dataDir);
  // h-tuopost (issue 12): the card verifications of TIM TUO's card direct debit.
  const setups = openCardSetups(settings.dataDir);
  return {
    name: 'payments',
    protocol: paymentsProtocol(store, settings.paymentsSecretKey, setups),
    settings,
    defaultFault: { latencyMs: 120, jitterMs: 40 },
    onClose: () => {
      store.close();
      setups.close();
    },
  };
}
