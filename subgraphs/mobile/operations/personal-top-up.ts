import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { PAID_TOP_UP, topUpPraticaParameters, type PaidTopUp } from '../../runtime/dispositive/payment-target';

/**
 * Seed 002 §9.1.2 (Appendix row 33), MOB-19: completes a personal top-up the employee paid on the provider's page
 * (startPersonalTopUp, personal-top-up.ts beside the resolvers). The graph learns the outcome from the provider, never
 * from the client: only a payment the provider charged goes on. Then, through the engine:
 * - CRM records the pratica "Ricarica manuale web/app" (no ordine), under the client's key;
 * - eBill credits the personal basket, keyed by the payment's id: whatever the retries, double clicks and crashes
 *   between the two writes, the charge (the provider's, once per payment) is credited once.
 * A payment already credited answers its first outcome under the same key, and is refused under another. Two
 * completions racing under two keys both pass that rule; the payment's id is the pratica's business key (`oncePer`),
 * so CRM records one pratica and answers it to both, and eBill credits once.
 */
interface CompletionInput { paymentId: string }

const PAYMENT_ID = /^pay_[0-9a-f]{24}$/;

export const COMPLETE_PERSONAL_TOP_UP: DispositiveDeclaration<CompletionInput, PaidTopUp> = {
  field: 'completePersonalTopUp',
  appendixRows: [33],
  capabilities: ['MOB-19'],
  pratica: 'Ricarica manuale web/app',
  ordine: false,
  target: PAID_TOP_UP,
  validate(raw, at) {
    if (typeof raw.paymentId !== 'string' || !PAYMENT_ID.test(raw.paymentId)) throw badUserInput(at('paymentId'), 'must be the id startPersonalTopUp answered');
    return { paymentId: raw.paymentId };
  },
  targetId: (input) => input.paymentId,
  refusal({ payment, line, credited }) {
    if (payment.status === 'REQUIRES_AUTHENTICATION') return 'The payment still waits for your confirmation on the payment provider\'s page (redirectUrl).';
    if (payment.status === 'FAILED') return 'The payment provider did not authorise this payment: nothing was charged.';
    if (line.kind !== 'PREPAID') return 'Only a prepaid line has a personal credit to top up.';
    if (credited) return 'This payment has already been credited to the line\'s personal credit.';
    return null;
  },
  oncePer: ({ payment }) => payment.id,
  crm: ({ payment }) => ({ parameters: topUpPraticaParameters(payment) }),
  async applyElsewhere({ target: { payment, line } }, { legacy }) {
    await legacy.ebill.creditPersonalTopUp({ lineNumber: line.number, cents: payment.cents, operationId: payment.id });
  },
};
