import { badUserInput } from '../../../adapters/errors';
import { PAYMENT_ID } from '../../../adapters/payments';
import { CREDIT_TOP_UP, type CreditTopUp } from '../../runtime/dispositive/credit-top-up-target';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { topUpPraticaParameters } from '../../runtime/dispositive/payment-target';

/**
 * Issue 22 (CON-01; seed 000 "Consumi": "Credito residuo … RICARICA"; seed 001: every profile "fare la ricarica
 * online"): completes a top-up of a prepaid line's residual credit that the company's user paid on the provider's
 * page (startLineTopUp, line-top-up.ts beside the resolvers). The personal top-up's path (personal-top-up.ts) on the
 * line's credit: only a payment the provider charged goes on; CRM records the pratica "Ricarica manuale web/app" (no
 * ordine; no Appendix row: an Area Clienti operation) once per payment whatever the keys (`oncePer`), and eBill
 * credits the line keyed by the payment's id: one charge, one pratica, one credit, whatever the retries and crashes.
 */
interface CompletionInput { paymentId: string }

export const COMPLETE_LINE_TOP_UP: DispositiveDeclaration<CompletionInput, CreditTopUp> = {
  field: 'completeLineTopUp',
  appendixRows: [],
  capabilities: ['CON-01'],
  pratica: 'Ricarica manuale web/app',
  ordine: false,
  target: CREDIT_TOP_UP,
  validate(raw, at) {
    if (typeof raw.paymentId !== 'string' || !PAYMENT_ID.test(raw.paymentId)) throw badUserInput(at('paymentId'), 'must be the id startLineTopUp answered');
    return { paymentId: raw.paymentId };
  },
  targetId: (input) => input.paymentId,
  refusal({ payment, line }) {
    if (payment.status === 'REQUIRES_AUTHENTICATION') return 'The payment still waits for your confirmation on the payment provider\'s page (redirectUrl): the line is not topped up yet.';
    if (payment.status === 'FAILED') return 'The payment provider did not authorise this payment: nothing was charged.';
    if (line.kind !== 'PREPAID') return 'Only a prepaid line has a residual credit to top up.';
    return null;
  },
  oncePer: ({ payment }) => payment.id,
  crm: ({ payment }) => ({ parameters: topUpPraticaParameters(payment) }),
  async applyElsewhere({ target: { payment, line } }, { legacy }) {
    await legacy.ebill.topUpCredit({ lineNumber: line.number, cents: payment.cents, operationId: payment.id });
  },
};
