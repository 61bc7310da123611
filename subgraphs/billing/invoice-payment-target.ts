import { issuedByEbill, type Invoice } from '../../adapters/domain';
import { PAYMENT_ID, type Payment } from '../../adapters/payments';
import type { TargetKind } from '../runtime/dispositive/targets';
import type { SubgraphContext } from '../runtime/server';
import { INVOICE_NUMBER, isInvoiceNumber } from './arguments';
import { placedIn, type PlacedInvoice } from './accounts';
import { findVisibleInvoice } from './invoices';
import { unpaidListWindow } from './windows';

/**
 * Issue 22 (BIL-04). The records an online payment of an invoice acts on: the invoice itself (starting a payment),
 * and a payment of an invoice at the provider (completing it). Both are placed where the invoice is, so the grants
 * and the Mutation's @allow decide on the invoice; an invoice the viewer may not see answers like an unknown one.
 */
export interface PaidInvoice {
  /** The payment as the provider has it: the graph learns the outcome there, never from the client. */
  payment: Payment;
  /** The invoice the payment pays (the payment's reference), as the system that issued it has it. */
  invoice: PlacedInvoice;
}

/** An invoice number of the right shape that no billing system issues (series 00). */
const NO_SUCH_INVOICE = '0000000000';

const invoicePlace = (invoice: PlacedInvoice) => ({ companyId: invoice.companyId, contractNumber: invoice.contractNumber });

/** The invoice read again past the request's loaders, from the system that issued it: after a payment, it is paid. */
async function freshInvoice(invoice: PlacedInvoice, { legacy }: SubgraphContext): Promise<PlacedInvoice> {
  // The unpaid list's window holds the 12-month list's too: whichever list the invoice was paid from.
  const window = unpaidListWindow();
  const [found] = issuedByEbill(invoice)
    ? await legacy.ebill.getInvoices([invoice.number])
    : (await legacy.ebpfa.listInvoices([invoice.accountCode], window.from, window.to)).filter((i: Invoice) => i.number === invoice.number);
  if (!found) throw new Error('an invoice vanished from its billing system right after its payment');
  return placedIn({ code: invoice.accountCode, companyId: invoice.companyId, contractNumber: invoice.contractNumber, ceasedCustomerOnly: false })(found);
}

/** An invoice the viewer may see (the 12-month list's), by number. */
export const INVOICE: TargetKind<PlacedInvoice> = {
  recordKind: 'Invoice',
  outcomeField: 'invoice',
  label: 'This invoice',
  plausible: INVOICE_NUMBER,
  load: (number, context) => findVisibleInvoice(context, number),
  place: invoicePlace,
  // The pratica is the contract's: CRM knows contracts, the invoices are the billing systems'.
  crmTarget: (invoice) => ({ kind: 'Contract', id: invoice.contractNumber }),
  reload: freshInvoice,
};

/** A payment of an invoice the viewer may see, by the provider's payment id. */
export const PAID_INVOICE: TargetKind<PaidInvoice> = {
  recordKind: 'Invoice',
  outcomeField: 'payment',
  label: 'This payment',
  plausible: PAYMENT_ID,
  async load(id, context) {
    const payment = await context.legacy.payments.getPayment(id);
    // An unknown payment (or a top-up's, whose reference is a line) looks for an invoice no one has, so that it costs
    // what another company's payment costs: the timing tells no payment id that exists from one that does not.
    const reference = payment && isInvoiceNumber(payment.reference) ? payment.reference : NO_SUCH_INVOICE;
    const invoice = await findVisibleInvoice(context, reference);
    return payment && invoice ? { payment, invoice } : null;
  },
  place: ({ invoice }) => invoicePlace(invoice),
  crmTarget: ({ invoice }) => INVOICE.crmTarget(invoice),
  // The payment changes the billing system only: the invoice read again, the payment as it was.
  reload: async ({ payment, invoice }, context) => ({ payment, invoice: await freshInvoice(invoice, context) }),
};
