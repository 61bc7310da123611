import { issuedByEbill, type Invoice } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import { legacyCents } from '../../../adapters/legacy-values';
import { PAYMENT_ID, type Payment } from '../../../adapters/payments';
import { toCents } from '../../runtime/cents';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import type { TargetKind } from '../../runtime/dispositive/targets';
import { PAID_THIRD_PARTY_INVOICE, type PaidThirdPartyInvoice } from '../third-party-invoice-target';
import { PAID_INVOICE, type PaidInvoice } from '../invoice-payment-target';

/**
 * Issue 22 (BIL-04; seed 000 "Fatture", "Pagamento online delle Fatture"): records an invoice the customer paid on
 * the provider's page (startInvoicePayment, invoice-payment.ts beside the resolvers). The graph learns the outcome
 * from the provider, never from the client: only a charged payment goes on; a declined or abandoned one is refused
 * and the invoice stays to pay. Then, through the engine:
 * - CRM records the pratica "Pagamento online fattura" (no ordine; no Appendix row: an Area Clienti operation) under
 *   the client's key, and once per invoice whatever the keys (`oncePer`: two tabs, a retry after a crash);
 * - the system that issued the invoice (eBill for mobile and unified, EBPFA for fixed) records the payment, keyed by the
 *   payment's id: the invoice turns paid once, whatever the retries and crashes between the two writes.
 * Charged once (the provider, one payment under way per invoice), recorded once (CRM, per invoice), paid once (the
 * billing system, per payment): test/resilience/crash-invoice-payment.test.ts.
 */
interface CompletionInput { paymentId: string }

/** What a completion acts on: the provider's payment and the invoice it pays, as the billing system has it. */
interface InvoiceAndPayment { payment: Payment; invoice: Invoice }

/**
 * A completion of an invoice's online payment, on the target that finds the invoice: the viewer's own (BIL-04) or
 * another customer's that he identified (BIL-06, third-party-invoice-target.ts). The same rules, pratica and writes.
 */
function completionOf<T extends InvoiceAndPayment>(field: string, capabilities: readonly string[], target: TargetKind<T>, starter: string): DispositiveDeclaration<CompletionInput, T> {
  return {
    field,
    appendixRows: [],
    capabilities,
    pratica: 'Pagamento online fattura',
    ordine: false,
    target,
    validate(raw, at) {
      if (typeof raw.paymentId !== 'string' || !PAYMENT_ID.test(raw.paymentId)) throw badUserInput(at('paymentId'), `must be the id ${starter} answered`);
      return { paymentId: raw.paymentId };
    },
    targetId: (input) => input.paymentId,
    refusal({ payment, invoice }) {
      if (payment.status === 'REQUIRES_AUTHENTICATION') return 'The payment still waits for your confirmation on the payment provider\'s page (redirectUrl): the invoice is not paid yet.';
      if (payment.status === 'FAILED') return 'The payment provider did not authorise this payment: nothing was charged and the invoice is still to pay.';
      if (invoice.paymentStatus === 'PAID') return 'This invoice is already paid.';
      if (payment.cents !== toCents(invoice.amount)) return 'This payment is not for the invoice\'s amount.';
      return null;
    },
    oncePer: ({ invoice }) => invoice.number,
    crm: ({ payment, invoice }) => ({
      parameters: {
        numeroFattura: invoice.number,
        idPagamento: payment.id,
        numeroOrdinePagamento: payment.orderNumber,
        importo: legacyCents(payment.cents),
        pagatoCon: payment.charge?.maskedMethod ?? '',
      },
    }),
    async applyElsewhere({ target: { payment, invoice } }, { legacy }) {
      const paid = { number: invoice.number, paymentId: payment.id, cents: payment.cents };
      await (issuedByEbill(invoice) ? legacy.ebill.payInvoice(paid) : legacy.ebpfa.payInvoice(paid));
    },
  };
}

export const COMPLETE_INVOICE_PAYMENT = completionOf<PaidInvoice>('completeInvoicePayment', ['BIL-04'], PAID_INVOICE, 'startInvoicePayment');

/**
 * Issue 22 (BIL-06; seed 000 "Fatture di terzi"): another customer's invoice paid online by the user who identified it.
 * Its pratica is filed in the payer's company; once per invoice like the owner's own payment (the same pratica and
 * business key: the invoice is paid once, whoever pays it).
 */
export const COMPLETE_THIRD_PARTY_INVOICE_PAYMENT = completionOf<PaidThirdPartyInvoice>(
  'completeThirdPartyInvoicePayment', ['BIL-06'], PAID_THIRD_PARTY_INVOICE, 'startThirdPartyInvoicePayment');
