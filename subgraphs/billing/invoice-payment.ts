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
interface StartInput { number: string; kind: PaymentMethodKind; returnUrl: string | null }

function validateStart(raw: Record<string, unknown>): StartInput {
  if (typeof raw.number !== 'string' || !isInvoiceNumber(raw.number)) throw badUserInput('input.number', 'must be an invoice number like 7X00412066');
  if (raw.method !== 'CARD' && raw.method !== 'PAYPAL') throw badUserInput('input.method', 'must be CARD or PAYPAL');
  const returnUrl = raw.returnUrl ?? null;
  if (returnUrl !== null && (typeof returnUrl !== 'string' || !/^https?:\/\/\S{1,500}$/.test(returnUrl))) throw badUserInput('input.returnUrl', 'must be an http(s) URL');
  return { number: raw.number, kind: raw.method, returnUrl: returnUrl as string | null };
}

const rejected = (why: string) => legacyRejected('Payments', why, currentRequestScope()?.correlationId ?? '');

/** The invoice's payment under way, if any: charged (waiting to be recorded) or waiting for the customer. */
const underWay = (payments: Payment[]) =>
  payments.find((p) => p.status === 'SUCCEEDED') ?? payments.find((p) => p.status === 'REQUIRES_AUTHENTICATION') ?? null;

async function startInvoicePayment(raw: Record<string, unknown>, context: SubgraphContext): Promise<Payment> {
  const input = validateStart(raw);
  const { target: invoice } = await authorisedTarget(INVOICE, input.number, 'startInvoicePayment', context);
  if (invoice.paymentStatus === 'PAID') throw rejected('This invoice is already paid.');
  const { payments } = context.legacy;
  const before = await payments.listPayments(invoice.number);
  const current = underWay(before);
  if (current) return current;
  const attempt = before.filter((p) => p.status === 'FAILED').length + 1;
  const payment = await payments.createPayment({
    idempotencyKey: `invoice:${invoice.number}:${attempt}`, cents: toCents(invoice.amount), customer: context.identity.userId,
    reference: invoice.number, method: { kind: input.kind, save: false }, returnUrl: input.returnUrl,
  });
  if (payment !== 'conflict' && payment !== 'unknown method') return payment;
  // Another tab (or user) created this attempt with another method or return page a moment ago: that one is the payment.
  const racing = underWay(await payments.listPayments(invoice.number));
  if (!racing) throw rejected('Another payment of this invoice was just refused: start again.');
  return racing;
}

const amountOf = (cents: number) => decimal(legacyCents(cents));

export const invoicePaymentResolvers = {
  Mutation: {
    startInvoicePayment: (_root, { input }: { input: Record<string, unknown> }, context) => startInvoicePayment(input, context),
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
