import { badUserInput, legacyRejected, notFound } from '../../adapters/errors';
import type { Payment, PaymentMethodKind } from '../../adapters/payments';
import { decimal, legacyCents } from '../../adapters/legacy-values';
import { currentRequestScope } from '../../observability/request-scope';
import { creditTopUpReference, toppedUpLine } from '../runtime/dispositive/credit-top-up-target';
import { authorisedTarget } from '../runtime/dispositive/engine';
import type { PaidTopUp } from '../runtime/dispositive/payment-target';
import { MOBILE_LINE } from '../runtime/dispositive/targets';
import type { Resolvers, SubgraphContext } from '../runtime/server';
import { checkIdempotencyKey } from '../runtime/validators/idempotency-key';
import { checkPersonalTopUp } from '../runtime/validators/money';
import { checkMobileNumber } from '../runtime/validators/phone';

/**
 * h-employee (issue 12). The employee's personal top-up (seed 002 §9.1.2, MOB-19) up to the provider's page (and,
 * issue 22, the customer area's top-up of a line's residual credit, CON-01, on the same path), and
 * his saved payment methods (the line's personal credit and top-ups: my-sim.ts). Starting a payment writes nothing in the systems of record: no pratica until the payment is charged
 * (completePersonalTopUp, a dispositive declaration).
 */
interface StartInput {
  number: string; cents: number; method: { id: string } | { kind: PaymentMethodKind; save: boolean }; returnUrl: string | null;
}

const METHOD_ID = /^pm_[0-9a-f]{16}$/;

function validateStart(raw: Record<string, unknown>): StartInput {
  const number = checkMobileNumber(raw.number, 'input.number');
  const cents = checkPersonalTopUp(raw.amount, 'input.amount');
  const saved = raw.paymentMethodId ?? null;
  const kind = raw.newMethod ?? null;
  if ((saved === null) === (kind === null)) throw badUserInput('input.paymentMethodId', 'give either a saved paymentMethodId or a newMethod');
  if (saved !== null && (typeof saved !== 'string' || !METHOD_ID.test(saved))) throw badUserInput('input.paymentMethodId', 'must be the id of one of your saved payment methods');
  if (kind !== null && kind !== 'CARD' && kind !== 'PAYPAL') throw badUserInput('input.newMethod', 'must be CARD or PAYPAL');
  const returnUrl = raw.returnUrl ?? null;
  if (returnUrl !== null && (typeof returnUrl !== 'string' || !/^https?:\/\/\S{1,500}$/.test(returnUrl))) throw badUserInput('input.returnUrl', 'must be an http(s) URL');
  return {
    number, cents, returnUrl: returnUrl as string | null,
    method: saved !== null ? { id: saved as string } : { kind: kind as PaymentMethodKind, save: raw.saveMethod === true },
  };
}

const rejected = (why: string) => legacyRejected('Payments', why, currentRequestScope()?.correlationId ?? '');

/** The two top-ups of a prepaid line that start here: what the provider's payment references, per Mutation field. */
const TOP_UPS = {
  // h-employee (issue 12): the employee's personal credit (MOB-19); his own line (EU on it).
  startPersonalTopUp: (line: string) => line,
  // issue 22: the line's residual credit, by the company's users who see the line (CON-01).
  startLineTopUp: creditTopUpReference,
} as const;

/**
 * startPersonalTopUp / startLineTopUp: a prepaid line the field's @allow lets the viewer top up (a referent who sees
 * the line may not top up the employee's personal credit), a cut of the seed, a saved method or a new one; the
 * provider's payment under the client's key (the same key answers the same payment: a double click pays once).
 */
async function startTopUp(field: keyof typeof TOP_UPS, raw: Record<string, unknown>, context: SubgraphContext): Promise<Payment> {
  const key = checkIdempotencyKey(raw.idempotencyKey, 'input.idempotencyKey');
  const input = validateStart(raw);
  const { target: line } = await authorisedTarget(MOBILE_LINE, input.number, field, context);
  if (line.kind !== 'PREPAID') throw rejected('Only a prepaid line has a credit to top up.');
  if (line.status !== 'ACTIVE' && line.status !== 'FROZEN') throw rejected(`Only an active line can be topped up: the line is ${line.status.toLowerCase()}.`);
  const payment = await context.legacy.payments.createPayment({
    idempotencyKey: `${context.identity.userId}:${key}`, cents: input.cents, customer: context.identity.userId,
    reference: TOP_UPS[field](line.number), method: input.method, returnUrl: input.returnUrl,
  });
  if (payment === 'conflict') throw badUserInput('input.idempotencyKey', 'was already used for another top-up');
  if (payment === 'unknown method') throw badUserInput('input.paymentMethodId', 'must be the id of one of your saved payment methods');
  return payment;
}

const amountOf = (cents: number) => decimal(legacyCents(cents));

export const personalTopUpResolvers = {
  Query: {
    paymentMethods: (_root, _args, { legacy, identity }) => legacy.payments.listMethods(identity.userId),
  },
  Mutation: {
    startPersonalTopUp: (_root, { input }: { input: Record<string, unknown> }, context) => startTopUp('startPersonalTopUp', input, context),
    startLineTopUp: (_root, { input }: { input: Record<string, unknown> }, context) => startTopUp('startLineTopUp', input, context),
    async deletePaymentMethod(_root, { input }: { input: { id: unknown } }, { legacy, identity }) {
      if (typeof input.id !== 'string' || !METHOD_ID.test(input.id)) throw badUserInput('input.id', 'must be the id of one of your saved payment methods');
      if (!await legacy.payments.deleteMethod(identity.userId, input.id)) throw notFound('This payment method');
      return legacy.payments.listMethods(identity.userId);
    },
  },
  PersonalTopUpPayment: {
    amount: (p: Payment) => amountOf(p.cents),
    line: (p: Payment, _args, { loaders }) => loaders.crm.mobileLines.load(toppedUpLine(p.reference)),
  },
  PersonalTopUp: {
    paymentId: (t: PaidTopUp) => t.payment.id,
    orderNumber: (t: PaidTopUp) => t.payment.orderNumber,
    amount: (t: PaidTopUp) => amountOf(t.payment.cents),
    paidWith: (t: PaidTopUp) => t.payment.charge?.maskedMethod ?? '',
    personalCredit: (t: PaidTopUp) => t.personalCredit?.amount ?? null,
  },
} satisfies Resolvers;
