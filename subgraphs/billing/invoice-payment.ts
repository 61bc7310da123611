import { badUserInput, legacyRejected } from '../../adapters/errors';
import type { Payment, PaymentMethodKind } from '../../adapters/payments';
import { decimal, legacyCents } from '../../adapters/legacy-values';
import { currentRequestScope } from '../../observability/request-scope';
import { toCents } from '../runtime/cents';
import { authorisedTarget } from '../runtime/dispositive/engine';
import type { Resolvers, SubgraphContext } from '../runtime/server';
import { isInvoiceNumber } from './arguments';
import type { PlacedInvoice } from './accounts';
import { findVisibleInvoice } from './invoices';
import { INVOICE, type PaidInvoice } from './invoice-payment-target';
import { checkThirdPartyKey, THIRD_PARTY_INVOICE } from './third-party-invoice-target';
import type { Invoice } from '../../adapters/domain';

/**
 * Issue 22 (BIL-04; seed 000 "Fatture": "pagare le fatture scoperte (una per volta)"). Paying an invoice online up to
 * the provider's page; completeInvoicePayment (operations/invoice-payment.ts) records it once the provider charged it.
 *
 * An invoice has one payment under way at a time, whoever starts it and from however many tabs: the provider's
 * idempotency key is the invoice and the attempt (`invoice:<number>:<n>`, n = the failed payments + 1), so two tabs
 * starting together create one payment, and a tab starting while one waits is answered that one. Only a payment the
 * bank refused (or abandoned after wrong codes) lets a new one start: two payments of one invoice can never both be
 * charged. Starting writes nothing in the systems of record.
 */
interface PaymentChoice { kind: PaymentMethodKind; returnUrl: string | null }

/** The method and the return page of a start, or BAD_USER_INPUT naming the field. */
function validateChoice(raw: Record<string, unknown>): PaymentChoice {
  if (raw.method !== 'CARD' && raw.method !== 'PAYPAL') throw badUserInput('input.method', 'must be CARD or PAYPAL');
  const returnUrl = raw.returnUrl ?? null;
  if (returnUrl !== null && (typeof returnUrl !== 'string' || !/^https?:\/\/\S{1,500}$/.test(returnUrl))) throw badUserInput('input.returnUrl', 'must be an http(s) URL');
  return { kind: raw.method, returnUrl: returnUrl as string | null };
}

const rejected = (why: string) => legacyRejected('Payments', why, currentRequestScope()?.correlationId ?? '');

/** The invoice's payment under way, if any: charged (waiting to be recorded) or waiting for the customer. */
const underWay = (payments: Payment[]) =>
  payments.find((p) => p.status === 'SUCCEEDED') ?? payments.find((p) => p.status === 'REQUIRES_AUTHENTICATION') ?? null;

/**
 * The invoice's payment at the provider: the one under way if any, else a new one for its amount (see above). Shared
 * by the viewer's own invoices (BIL-04) and another customer's (BIL-06): an invoice has one payment under way, whoever
 * pays it.
 */
async function paymentOf(invoice: Invoice, kind: PaymentMethodKind, returnUrl: string | null, context: SubgraphContext, mayShare: (p: Payment) => boolean): Promise<Payment> {
  if (invoice.paymentStatus === 'PAID') throw rejected('This invoice is already paid.');
  const { payments } = context.legacy;
  const shared = (p: Payment | null) => {
    if (p && !mayShare(p)) throw rejected('Another payment of this invoice is under way: try again later.');
    return p;
  };
  const before = await payments.listPayments(invoice.number);
  const current = shared(underWay(before));
  if (current) return current;
  const attempt = before.filter((p) => p.status === 'FAILED').length + 1;
  const payment = await payments.createPayment({
    idempotencyKey: `invoice:${invoice.number}:${attempt}`, cents: toCents(invoice.amount), customer: context.identity.userId,
    reference: invoice.number, method: { kind, save: false }, returnUrl,
  });
  if (payment !== 'conflict' && payment !== 'unknown method') return payment;
  // Another tab (or user) created this attempt with another method or return page a moment ago: that one is the payment.
  const racing = shared(underWay(await payments.listPayments(invoice.number)));
  if (!racing) throw rejected('Another payment of this invoice was just refused: start again.');
  return racing;
}

async function startInvoicePayment(raw: Record<string, unknown>, context: SubgraphContext): Promise<Payment> {
  if (typeof raw.number !== 'string' || !isInvoiceNumber(raw.number)) throw badUserInput('input.number', 'must be an invoice number like 7X00412066');
  const { kind, returnUrl } = validateChoice(raw);
  const { target: invoice } = await authorisedTarget(INVOICE, raw.number, 'startInvoicePayment', context);
  // The company's users share its invoice's payment, whoever of them started it.
  return paymentOf(invoice, kind, returnUrl, context, () => true);
}

/** BIL-06: another customer's invoice, identified by its number and N° Linea (third-party-invoice-target.ts). */
async function startThirdPartyInvoicePayment(raw: Record<string, unknown>, context: SubgraphContext): Promise<Payment> {
  const { number, lineNumber } = checkThirdPartyKey(raw.number, raw.lineNumber, (field) => `input.${field}`);
  const { kind, returnUrl } = validateChoice(raw);
  const { target } = await authorisedTarget(THIRD_PARTY_INVOICE, `${number}:${lineNumber}`, 'startThirdPartyInvoicePayment', context);
  // Another customer's payment is never handed to a third party (nor his to anyone): only the payer's own is shared.
  return paymentOf(target.invoice, kind, returnUrl, context, (p) => p.customer === context.identity.userId);
}

const amountOf = (cents: number) => decimal(legacyCents(cents));

export const invoicePaymentResolvers = {
  Mutation: {
    startInvoicePayment: (_root, { input }: { input: Record<string, unknown> }, context) => startInvoicePayment(input, context),
    startThirdPartyInvoicePayment: (_root, { input }: { input: Record<string, unknown> }, context) => startThirdPartyInvoicePayment(input, context),
  },
  InvoicePayment: {
    amount: (p: Payment) => amountOf(p.cents),
    invoice: (p: Payment, _args, context): Promise<PlacedInvoice | null> => findVisibleInvoice(context, p.reference),
  },
  PaidInvoice: {
    paymentId: ({ payment }: PaidInvoice) => payment.id,
    orderNumber: ({ payment }: PaidInvoice) => payment.orderNumber,
    amount: ({ payment }: PaidInvoice) => amountOf(payment.cents),
    paidWith: ({ payment }: PaidInvoice) => payment.charge?.maskedMethod ?? '',
    invoice: ({ invoice }: PaidInvoice) => invoice,
  },
} satisfies Resolvers;
