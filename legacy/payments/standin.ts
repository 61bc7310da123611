import type { StandInOptions } from '../runtime/server';
import { readStandInSettings } from '../runtime/settings';
import { paymentsProtocol } from './protocol';
import { openPaymentsStore } from './store';

/** The payment provider's stand-in (seed 002 §9.1.2) as `startStandIn` / `runStandIn` take it, configured from the environment. */
export function paymentsStandIn(env?: Record<string, string | undefined>): StandInOptions {
  const settings = readStandInSettings(env);
  const store = openPaymentsStore(settings.dataDir);
  return {
    name: 'payments',
    protocol: paymentsProtocol(store, settings.paymentsSecretKey),
    settings,
    defaultFault: { latencyMs: 120, jitterMs: 40 },
    onClose: () => store.close(),
  };
}
