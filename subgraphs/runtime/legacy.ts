import { createCrmClient, createCrmLoaders, type CrmClient } from '../../adapters/crm';
import { createEbillClient, createEbillLoaders, type EbillClient } from '../../adapters/ebill';
import { createEbpfaClient, createEbpfaLoaders, type EbpfaClient } from '../../adapters/ebpfa';
import { createPaymentsClient, type PaymentsClient } from '../../adapters/payments';
import { createIdpAdmin, type IdpAdmin } from '../../adapters/idp/admin';
import type { SubgraphSettings } from './settings';

/**
 * The legacy clients of one subgraph process (one keep-alive pool per system, shared by all requests) and the
 * DataLoaders of one GraphQL request (never shared: a loader caches, and a cache must not outlive its user).
 */
/** `payments`: the payment provider of the personal top-ups (h-employee, issue 12); `idp`: the IdP's admin API (issue 20). */
export interface LegacyClients { crm: CrmClient; ebill: EbillClient; ebpfa: EbpfaClient; payments: PaymentsClient; idp: IdpAdmin }

export function createLegacyClients(settings: Pick<SubgraphSettings, 'crm' | 'ebill' | 'ebpfa' | 'payments'> & Partial<Pick<SubgraphSettings, 'idp'>>): LegacyClients {
  return {
    crm: createCrmClient(settings.crm),
    ebill: createEbillClient(settings.ebill),
    ebpfa: createEbpfaClient(settings.ebpfa),
    payments: createPaymentsClient(settings.payments),
    idp: createIdpAdmin(settings.idp ?? { url: '', adminKey: '' }),
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
  await Promise.all([clients.crm.close(), clients.ebill.close(), clients.ebpfa.close(), clients.payments.close()]);
}
