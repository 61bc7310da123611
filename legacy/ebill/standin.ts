import type { StandInOptions } from '../runtime/server';
import { parseLargeCustomers } from '../data/large';
import { ebillProtocol } from './protocol';
import { openEbillStore } from './store';

/** The eBill stand-in as `startStandIn` / `runStandIn` take it, configured from the environment. */
export function ebillStandIn(env: NodeJS.ProcessEnv = process.env): StandInOptions {
  const store = openEbillStore(env.DATA_DIR || '.data', parseLargeCustomers(env.LARGE_CUSTOMERS));
  return {
    name: 'ebill',
    protocol: ebillProtocol(store, env.EBILL_API_KEY || 'onegraph-ebill'),
    defaultFault: { latencyMs: 90, jitterMs: 30 },
    onClose: () => store.close(),
  };
}
