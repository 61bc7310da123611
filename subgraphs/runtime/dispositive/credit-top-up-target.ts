import type { MobileLine } from '../../../adapters/domain';
import { PAYMENT_ID, type Payment } from '../../../adapters/payments';
import { linePlace } from '../lines';
import type { TargetKind } from './targets';

/**
 * Issue 22 (CON-01; seed 000 "Consumi": "verificare il credito residuo di una linea, ricaricarla"). A top-up of a
 * prepaid line's residual credit by the company's users, as the record its completion acts on: the payment as the
 * provider has it and the line it tops up (which places it for the grants). The personal top-up's twin
 * (payment-target.ts): the same provider and exactly-once path, but eBill credits the line's credit, not the
 * employee's personal basket.
 */
export interface CreditTopUp { payment: Payment; line: MobileLine }

/**
 * The provider's reference of a credit top-up: the line, marked apart from a personal top-up's bare line number, so
 * that neither completion takes the other's payment.
 */
const CREDIT_PREFIX = 'credito-';
export const creditTopUpReference = (lineNumber: string) => `${CREDIT_PREFIX}${lineNumber}`;

/** The line a top-up's payment is for, whichever kind of top-up it is. */
export const toppedUpLine = (reference: string) => (reference.startsWith(CREDIT_PREFIX) ? reference.slice(CREDIT_PREFIX.length) : reference);

export const CREDIT_TOP_UP: TargetKind<CreditTopUp> = {
  recordKind: 'MobileLine',
  outcomeField: 'topUp',
  label: 'This payment',
  plausible: PAYMENT_ID,
  async load(id, context) {
    const payment = await context.legacy.payments.getPayment(id);
    // Only the user who paid completes his payment; another's, a personal top-up's or an invoice's is unknown here.
    if (!payment || payment.customer !== context.identity.userId || !payment.reference.startsWith(CREDIT_PREFIX)) return null;
    const line = await context.loaders.crm.mobileLines.load(toppedUpLine(payment.reference));
    return line ? { payment, line } : null;
  },
  place: (topUp) => linePlace(topUp.line),
  crmTarget: (topUp) => ({ kind: 'MobileLine', id: topUp.line.number }),
  // The top-up changes eBill only (the credit, read by the outcome's line): the payment and the line as they were.
  reload: async (topUp) => topUp,
};
