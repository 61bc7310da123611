import type { StandInOptions } from '../runtime/server';
import { parseLargeCustomers } from '../data/large';
import { crmProtocol } from './protocol';
import { openCrmStore } from './store';

/** The CRM stand-in as `startStandIn` / `runStandIn` take it, configured from the environment. */
export function crmStandIn(env: NodeJS.ProcessEnv = process.env): StandInOptions {
  const store = openCrmStore(env.DATA_DIR || '.data', parseLargeCustomers(env.LARGE_CUSTOMERS));
  return {
    name: 'crm',
    protocol: crmProtocol(store, { user: env.CRM_USER || 'onegraph', password: env.CRM_PASSWORD || 'onegraph' }),
    defaultFault: { latencyMs: 60, jitterMs: 20 },
    onClose: () => store.close(),
  };
}
