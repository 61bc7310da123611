import { createCrmClient, createCrmLoaders, type CrmClient } from '../../adapters/crm';
import { createEbillClient, createEbillLoaders, type EbillClient } from '../../adapters/ebill';
import { createEbpfaClient, createEbpfaLoaders, type EbpfaClient } from '../../adapters/ebpfa';

/**
 * The legacy clients of one subgraph process (one keep-alive pool per system, shared by all requests) and the
 * DataLoaders of one GraphQL request (never shared: a loader caches, and a cache must not outlive its user).
 */
export interface LegacyClients { crm: CrmClient; ebill: EbillClient; ebpfa: EbpfaClient }

export function legacyClientsFromEnv(env = process.env): LegacyClients {
  return {
    crm: createCrmClient({ url: required(env, 'CRM_URL'), user: env.CRM_USER, password: env.CRM_PASSWORD }),
    ebill: createEbillClient({ url: required(env, 'EBILL_URL'), apiKey: env.EBILL_API_KEY }),
    ebpfa: createEbpfaClient({ url: required(env, 'EBPFA_URL'), apiKey: env.EBPFA_API_KEY }),
  };
}

export function createLoaders(clients: LegacyClients) {
  return {
    crm: createCrmLoaders(clients.crm),
    ebill: createEbillLoaders(clients.ebill),
    ebpfa: createEbpfaLoaders(clients.ebpfa),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;

export async function closeLegacyClients(clients: LegacyClients): Promise<void> {
  await Promise.all([clients.crm.close(), clients.ebill.close(), clients.ebpfa.close()]);
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} must be set (the base URL of the legacy system)`);
  return value;
}
