import type { StandInOptions } from '../runtime/server';
import { readStandInSettings } from '../runtime/settings';
import { ebpfaProtocol } from './protocol';
import { openEbpfaStore } from './store';

/** The EBPFA stand-in as `startStandIn` / `runStandIn` take it, configured from the environment. */
export function ebpfaStandIn(env?: Record<string, string | undefined>): StandInOptions {
  const settings = readStandInSettings(env);
  const store = openEbpfaStore(settings.dataDir, settings.largeCustomers);
  return {
    name: 'ebpfa',
    protocol: ebpfaProtocol(store, settings.ebpfaApiKey),
    settings,
    defaultFault: { latencyMs: 150, jitterMs: 50 },
    onClose: () => store.close(),
  };
}
