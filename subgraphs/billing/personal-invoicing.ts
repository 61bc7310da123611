import type { MobileLine } from '../../adapters/domain';
import { personalInvoicePdfPath, type PersonalInvoice, type PersonalInvoicing } from '../../adapters/ebill/personal-invoices';
import type { SubgraphContext } from '../runtime/server';
import { portalUrl } from './ebill-portal';

/**
 * h-invoice (issue 12). "La mia fattura" (seed 002 §9.2.1.2; BIL-12): "visibile solo dopo l'attivazione del servizio
 * TIM TUO sulla linea", a postpaid line's. CRM says whether TIM TUO is active (the record the company pages read),
 * eBill what it bills personally; both are asked together, batched per request, whatever the answer, and the page is
 * null unless TIM TUO is ACTIVE. A prepaid line has no personal invoice (its TIM TUO draws on the personal credit), and
 * asks nothing.
 */
export async function personalInvoicingOf(line: MobileLine, _args: unknown, { loaders }: SubgraphContext): Promise<PersonalInvoicing | null> {
  if (line.kind !== 'POSTPAID') return null;
  const [timTuo, invoicing] = await Promise.all([loaders.crm.timTuo.load(line.number), loaders.ebill.personalInvoicing.load(line.number)]);
  return timTuo?.status === 'ACTIVE' && invoicing?.service === 'TIM_TUO' ? invoicing : null;
}

/**
 * Issue 22 (BIL-12; seed 001 FATTURE E PAGAMENTI): the personal invoices of a customer-area company line with Dual
 * Billing, which eBill bills personally under that service (a CM8 employee's TIM TUO line is not one). One eBill call,
 * batched with any other line's of the request; CRM is not asked.
 */
export async function dualBillingInvoicesOf(line: MobileLine, _args: unknown, { loaders }: SubgraphContext): Promise<PersonalInvoice[] | null> {
  const invoicing = await loaders.ebill.personalInvoicing.load(line.number);
  return invoicing?.service === 'DUAL_BILLING' ? invoicing.invoices : null;
}

export const personalInvoicingResolvers = {
  PersonalInvoicing: {
    number: (p: PersonalInvoicing) => p.lineNumber,
    /** CONSULTA: the line's dual billing in eBill's publishing system. */
    consultUrl: (p: PersonalInvoicing) => `${portalUrl()}/tim-tuo/${encodeURIComponent(p.lineNumber)}`,
  },
  PersonalInvoice: {
    /** The PDF icon: a signed link, no legacy call; the gateway fetches the file from eBill when it is followed. */
    documentUrl: (invoice: PersonalInvoice, _args: unknown, { downloads, identity }: SubgraphContext) => downloads.urlFor({
      system: 'eBill', path: personalInvoicePdfPath(invoice.number), fileName: `${invoice.number}.pdf`, contentType: 'application/pdf',
    }, identity.userId),
  },
};
