import { createCrmClient, createCrmLoaders, type CrmClient } from '../../adapters/crm';
import { createEbillClient, createEbillLoaders, type EbillClient } from '../../adapters/ebill';
import { createEbpfaClient, createEbpfaLoaders, type EbpfaClient } from '../../adapters/ebpfa';
import type { SubgraphSettings } from './settings';

/**
 * The legacy clients of one subgraph process (one keep-alive pool per system, shared by all requests) and the
 * DataLoaders of one GraphQL request (never shared: a loader caches, and a cache must not outlive its user).
 */
export interface LegacyClients { crm: CrmClient; ebill: EbillClient; ebpfa: EbpfaClient }

export function createLegacyClients(settings: Pick<SubgraphSettings, 'crm' | 'ebill' | 'ebpfa'>): LegacyClients {
  return {
    crm: createCrmClient(settings.crm),
    ebill: createEbillClient(settings.ebill),
    ebpfa: createEbpfaClient(settings.ebpfa),
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
