import type { StandInOptions } from '../runtime/server';
import { parseLargeCustomers } from '../data/large';
import { ebpfaProtocol } from './protocol';
import { openEbpfaStore } from './store';

/** The EBPFA stand-in as `startStandIn` / `runStandIn` take it, configured from the environment. */
export function ebpfaStandIn(env: NodeJS.ProcessEnv = process.env): StandInOptions {
  const store = openEbpfaStore(env.DATA_DIR || '.data', parseLargeCustomers(env.LARGE_CUSTOMERS));
  return {
    name: 'ebpfa',
    protocol: ebpfaProtocol(store, env.EBPFA_API_KEY || 'onegraph-ebpfa'),
    defaultFault: { latencyMs: 150, jitterMs: 50 },
    onClose: () => store.close(),
  };
}
