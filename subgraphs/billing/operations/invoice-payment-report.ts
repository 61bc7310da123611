import { badUserInput } from '../../../adapters/errors';
import { today } from '../../runtime/calendar';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { isIsoDate } from '../../runtime/scalars';
import { checkAttachmentId, DOCUMENT_TYPES } from '../../runtime/validators/attachment';
import { INVOICE_NUMBER } from '../arguments';
import type { PlacedInvoice } from '../accounts';
import { INVOICE } from '../invoice-payment-target';

/**
 * Issue 22 (BIL-04, BIL-05; seed 000 "Fatture": "segnalare il pagamento di una fattura, qualora risulti ancora
 * scoperta"): the customer paid an invoice elsewhere (bank transfer, post office) and it still shows to pay. A
 * pratica "Segnalazione pagamento fattura" for the back office, which matches the payment: the receipt is a required
 * upload (PDF, JPEG, PNG) CRM claims with the pratica, and nothing changes in eBill or EBPFA until it is matched.
 * One report per invoice whatever the keys (`oncePer`: a second tab is answered the same pratica).
 */
interface PaymentReport { number: string; paidOn: string; receipt: string }

export const REPORT_INVOICE_PAYMENT: DispositiveDeclaration<PaymentReport, PlacedInvoice> = {
  field: 'reportInvoicePayment',
  appendixRows: [],
  capabilities: ['BIL-04', 'BIL-05'],
  pratica: 'Segnalazione pagamento fattura',
  ordine: false,
  target: INVOICE,
  validate(raw, at) {
    if (typeof raw.number !== 'string' || !INVOICE_NUMBER.test(raw.number)) throw badUserInput(at('number'), 'must be an invoice number like 7X00412066');
    if (typeof raw.paidOn !== 'string' || !isIsoDate(raw.paidOn)) throw badUserInput(at('paidOn'), 'must be a date, YYYY-MM-DD');
    if (raw.paidOn > today()) throw badUserInput(at('paidOn'), 'must not be in the future');
    return { number: raw.number, paidOn: raw.paidOn, receipt: checkAttachmentId(raw.receipt, at('receipt')) };
  },
  targetId: (input) => input.number,
  refusal(invoice, input, at) {
    if (invoice.paymentStatus === 'PAID') return 'This invoice is already paid: there is no payment to report.';
    if (invoice.issuedOn !== null && input.paidOn < invoice.issuedOn) return badUserInput(at('paidOn'), 'must not be before the invoice was issued');
    return null;
  },
  attachments: (input) => [{ field: 'receipt', id: input.receipt, types: DOCUMENT_TYPES }],
  oncePer: (invoice) => invoice.number,
  crm: (invoice, input) => ({ parameters: { numeroFattura: invoice.number, dataPagamento: input.paidOn, importo: invoice.amount } }),
};
