import { badUserInput } from '../../../adapters/errors';
import { today } from '../../runtime/calendar';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { isIsoDate } from '../../runtime/scalars';
import { checkAttachmentId, DOCUMENT_TYPES } from '../../runtime/validators/attachment';
import { INVOICE_NUMBER } from '../arguments';
import type { PlacedInvoice } from '../accounts';
import { INVOICE } from '../invoice-payment-target';
import { checkThirdPartyKey, THIRD_PARTY_INVOICE, type ThirdPartyInvoice } from '../third-party-invoice-target';
import type { Invoice } from '../../../adapters/domain';
import type { TargetKind } from '../../runtime/dispositive/targets';

/**
 * Issue 22 (BIL-04, BIL-05; seed 000 "Fatture": "segnalare il pagamento di una fattura, qualora risulti ancora
 * scoperta"): the customer paid an invoice elsewhere (bank transfer, post office) and it still shows to pay. A
 * pratica "Segnalazione pagamento fattura" for the back office, which matches the payment: the receipt is a required
 * upload (PDF, JPEG, PNG) CRM claims with the pratica, and nothing changes in eBill or EBPFA until it is matched.
 * One report per invoice whatever the keys (`oncePer`: a second tab is answered the same pratica).
 */
interface PaymentReport { number: string; lineNumber?: string; paidOn: string; receipt: string }

/** The date and receipt of a report, or BAD_USER_INPUT naming the field. */
function checkReport(raw: Record<string, unknown>, at: (field: string) => string): { paidOn: string; receipt: string } {
  if (typeof raw.paidOn !== 'string' || !isIsoDate(raw.paidOn)) throw badUserInput(at('paidOn'), 'must be a date, YYYY-MM-DD');
  if (raw.paidOn > today()) throw badUserInput(at('paidOn'), 'must not be in the future');
  return { paidOn: raw.paidOn, receipt: checkAttachmentId(raw.receipt, at('receipt')) };
}

/**
 * A report of a payment made elsewhere, on the target that finds the invoice: the viewer's own (BIL-04, BIL-05) or
 * another customer's that he identified (BIL-06). The same rules, receipt and pratica; `oncePer` decides whose reports
 * are one.
 */
function reportOf<T>(declaration: {
  field: string; capabilities: readonly string[]; target: TargetKind<T>; invoiceOf(target: T): Invoice;
  identify(raw: Record<string, unknown>, at: (field: string) => string): { number: string; lineNumber?: string };
  targetId(input: PaymentReport): string; oncePer(target: T): string;
}): DispositiveDeclaration<PaymentReport, T> {
  const { invoiceOf } = declaration;
  return {
    field: declaration.field,
    appendixRows: [],
    capabilities: declaration.capabilities,
    pratica: 'Segnalazione pagamento fattura',
    ordine: false,
    target: declaration.target,
    validate: (raw, at) => ({ ...declaration.identify(raw, at), ...checkReport(raw, at) }),
    targetId: declaration.targetId,
    refusal(target, input, at) {
      const invoice = invoiceOf(target);
      if (invoice.paymentStatus === 'PAID') return 'This invoice is already paid: there is no payment to report.';
      if (invoice.issuedOn !== null && input.paidOn < invoice.issuedOn) return badUserInput(at('paidOn'), 'must not be before the invoice was issued');
      return null;
    },
    attachments: (input) => [{ field: 'receipt', id: input.receipt, types: DOCUMENT_TYPES }],
    oncePer: declaration.oncePer,
    crm: (target, input) => ({ parameters: { numeroFattura: invoiceOf(target).number, dataPagamento: input.paidOn, importo: invoiceOf(target).amount } }),
  };
}

export const REPORT_INVOICE_PAYMENT = reportOf<PlacedInvoice>({
  field: 'reportInvoicePayment',
  capabilities: ['BIL-04', 'BIL-05'],
  target: INVOICE,
  invoiceOf: (invoice) => invoice,
  identify(raw, at) {
    if (typeof raw.number !== 'string' || !INVOICE_NUMBER.test(raw.number)) throw badUserInput(at('number'), 'must be an invoice number like 7X00412066');
    return { number: raw.number };
  },
  targetId: (input) => input.number,
  oncePer: (invoice) => invoice.number,
});

/**
 * Issue 22 (BIL-06; seed 000 "Fatture di terzi": "Segnalazione pagamento non riscontrato della fattura di un altro
 * Cliente"): the payer reports his payment of another customer's invoice, identified by number and N° Linea. The pratica
 * is filed in his company; one per invoice and payer's company (never answered the owner's own report, which is
 * another company's pratica).
 */
export const REPORT_THIRD_PARTY_INVOICE_PAYMENT = reportOf<ThirdPartyInvoice>({
  field: 'reportThirdPartyInvoicePayment',
  capabilities: ['BIL-06'],
  target: THIRD_PARTY_INVOICE,
  invoiceOf: ({ invoice }) => invoice,
  identify: (raw, at) => checkThirdPartyKey(raw.number, raw.lineNumber, at),
  targetId: (input) => `${input.number}:${input.lineNumber}`,
  oncePer: ({ invoice, payer }) => `${invoice.number}:${payer.companyId}`,
});
