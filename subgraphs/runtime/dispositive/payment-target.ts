import type { MobileLine, ResidualCredit } from '../../../adapters/domain';
import { legacyCents } from '../../../adapters/legacy-values';
import type { Payment } from '../../../adapters/payments';
import { lastMonths } from '../calendar';
import { linePlace } from '../lines';
import type { SubgraphContext } from '../server';
import type { TargetKind } from './targets';

/**
 * h-employee (issue 12). A personal top-up's payment (seed 002 §9.1.2) as the record a completion acts on: the
 * payment as the provider has it, the line it tops up (which places it for the grants: the employee's own line),
 * whether eBill already credited it, and the line's personal credit. A payment of another customer is unknown, at
 * the same cost as a made-up id: one provider call, nothing else.
 */
export interface PaidTopUp {
  payment: Payment;
  line: MobileLine;
  /** eBill holds a personal top-up under the payment's id. */
  credited: boolean;
  /** The line's personal credit as eBill has it (after the top-up, once reloaded); null without a personal basket. */
  personalCredit: ResidualCredit | null;
}

/** What CRM records of a charged top-up in its pratica "Ricarica manuale web/app": the provider's payment. */
export const topUpPraticaParameters = (payment: Payment) => ({
  idPagamento: payment.id,
  numeroOrdinePagamento: payment.orderNumber,
  importo: legacyCents(payment.cents),
  pagatoCon: payment.charge?.maskedMethod ?? '',
});

/** How far back eBill's personal top-ups are looked at to know whether a payment was credited (seed 002 §9.1.3). */
export const PERSONAL_TOP_UP_MONTHS = 6;

async function withBasket(payment: Payment, line: MobileLine, { legacy }: SubgraphContext): Promise<PaidTopUp> {
  const [history, [personalCredit]] = await Promise.all([
    legacy.ebill.listPersonalTopUps(line.number, ...personalTopUpWindow()),
    legacy.ebill.getPersonalCredit([line.number]),
  ]);
  return { payment, line, credited: history.some((t) => t.operationId === payment.id), personalCredit: personalCredit ?? null };
}

/** The window of the personal top-up history: the last 6 months up to today (seed 002 §9.1.3), as [from, to]. */
export function personalTopUpWindow(): [from: string, to: string] {
  const { from, to } = lastMonths(PERSONAL_TOP_UP_MONTHS);
  return [from, to];
}

export const PAID_TOP_UP: TargetKind<PaidTopUp> = {
  recordKind: 'MobileLine',
  outcomeField: 'topUp',
  label: 'This payment',
  plausible: /^pay_[0-9a-f]{24}$/,
  async load(id, context) {
    const payment = await context.legacy.payments.getPayment(id);
    // A line's credit top-up (credit-top-up-target.ts) or an invoice's payment references no bare line: not this.
    if (!payment || payment.customer !== context.identity.userId || !/^\d{1,15}$/.test(payment.reference)) return null;
    const line = await context.loaders.crm.mobileLines.load(payment.reference);
    return line ? withBasket(payment, line, context) : null;
  },
  place: (topUp) => linePlace(topUp.line),
  crmTarget: (topUp) => ({ kind: 'MobileLine', id: topUp.line.number }),
  // The top-up changes eBill only: the basket read again, the payment and the line as they were.
  reload: (topUp, context) => withBasket(topUp.payment, topUp.line, context),
};
