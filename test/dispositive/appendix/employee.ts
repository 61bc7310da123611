import type { TestStack } from '../../support/stack';
import { paidTopUp } from '../../support/checkout';
import { call, type Fixture, type Input, type Target } from './fixture';

/**
 * Seed 002 §9 (Appendix rows 33–49): the CM8 employee (EU) on his own line. gina.eu's prepaid line 3700034020; the
 * other employee, pasquale.eu, is the foreign user: his own payments are his, and gina's are unknown to him even
 * though he is also ROA of the contract of her line, which is why he is the one who sees her pratiche in the
 * histories (seed 002 §9.1.2: "monitorabile dal ROA").
 */

/** A personal top-up names its payment: the outcome's `topUp` carries its id. */
export const PAYMENT: Target = {
  field: 'topUp',
  selection: 'paymentId',
  idOf: (topUp) => topUp.paymentId,
  idSent: (input) => input.paymentId as string,
  unknown: (input) => ({ ...input, paymentId: 'pay_000000000000000000000000' }),
};

const completeTopUp = call('completePersonalTopUp', 'CompletePersonalTopUpInput', { target: PAYMENT });
/** A top-up paid on the provider's page before the row's mutation runs (made once per call and reused). */
const paid = (amount: string, key: string) => async (token: string, stack: TestStack): Promise<Input> =>
  ({ paymentId: await paidTopUp(stack, token, { number: '3700034020', amount, key }) });

export const EMPLOYEE_FIXTURES: Record<number, Fixture> = {
  33: { user: 'gina.eu', run: completeTopUp(paid('10', 'appendix-33-payment')), reuse: completeTopUp(paid('20', 'appendix-33-other-payment')),
    bad: { input: { paymentId: 'pay_123' }, field: 'input.paymentId' }, foreignUser: 'pasquale.eu', historyUser: 'pasquale.eu' },
};
