import type { Invoice } from '../../adapters/domain';
import { readSubgraphSettings } from '../runtime/settings';

/**
 * Seed 002 §7.4.1-§7.4.4, §7.4.9 (BIL-08; issue 11): the links the CM8 pages open in eBill's web application, and the
 * TEM module the seed marks "attualmente non disponibile". Links only: nothing is read to make them.
 */
let portal: string | undefined;
export const portalUrl = () => (portal ??= readSubgraphSettings().ebillPortalUrl.replace(/\/$/, ''));

export const ebillAccess = () => ({
  portalUrl: `${portalUrl()}/`,
  postpaidOnlineTrafficUrl: `${portalUrl()}/traffico-online/abbonamenti`,
  prepaidOnlineTrafficUrl: `${portalUrl()}/traffico-online/ricaricabili`,
});

/** The eye icon of §7.4.1: the invoice's details and billed traffic, for mobile invoices (eBill's). */
export const billedTrafficUrl = (invoice: Invoice) =>
  (invoice.kind === 'MOBILE' ? `${portalUrl()}/fatture/${encodeURIComponent(invoice.number)}/traffico` : null);

export const TEM_MODULE = { available: false, message: 'The TEM module (TIM Expense Manager) is not available at the moment.' } as const;
