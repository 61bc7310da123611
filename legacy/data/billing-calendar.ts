import { today } from '../runtime/clock';

/**
 * The billing calendar both billing stand-ins share: one invoice per bimester, issued on the 10th of the month after
 * the bimester and due 30 days later. Fixtures name invoices by bimester ("bimester 2, to pay"); placing them on the
 * newest such bimester already issued keeps them inside the 12-month window whatever day the stand-in runs.
 */
export interface BillingPeriod { bimester: number; year: number; issuedOn: Date; dueOn: Date }

const DAY_MS = 86_400_000;

export function billingPeriod(bimester: number, year: number): BillingPeriod {
  const issuedOn = new Date(Date.UTC(year, bimester * 2, 10, 12));
  return { bimester, year, issuedOn, dueOn: new Date(issuedOn.getTime() + 30 * DAY_MS) };
}

/**
 * Issue 22 (BIL-05): the period of the newest issued bimester, `years` earlier: where the fixtures place invoices
 * left unpaid long ago (3 years: on the 5-year unpaid list; 6 years: beyond it).
 */
export function periodYearsBack(years: number, until = today()): BillingPeriod {
  const [newest] = issuedPeriods(1, until);
  return billingPeriod(newest.bimester, newest.year - years);
}

/** The `count` newest periods whose invoice was issued on or before `until`, newest first. */
export function issuedPeriods(count: number, until = today()): BillingPeriod[] {
  const periods: BillingPeriod[] = [];
  let year = until.getUTCFullYear();
  let bimester = Math.floor(until.getUTCMonth() / 2) + 1;
  while (periods.length < count) {
    const period = billingPeriod(bimester, year);
    if (period.issuedOn.getTime() <= until.getTime()) periods.push(period);
    bimester -= 1;
    if (bimester === 0) {
      bimester = 6;
      year -= 1;
    }
  }
  return periods;
}

/** A stable 0..1 value per key: generated amounts and statuses come out the same on every start. */
export function unitHash(key: string): number {
  let h = 2_166_136_261;
  for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 16_777_619) >>> 0;
  return h / 4_294_967_296;
}

/** Cents between `min` and `max` euros, stable per key. */
export function generatedCents(key: string, min: number, max: number): number {
  return Math.round((min + unitHash(key) * (max - min)) * 100);
}

export type GeneratedPayment = 'PAID' | 'TO_PAY' | 'OVERDUE';

/** Not yet due → to pay; due within the last two months → mostly paid, some overdue; older → paid. */
export function generatedPayment(period: BillingPeriod, key: string, until = today()): GeneratedPayment {
  const due = period.dueOn.getTime();
  if (due > until.getTime()) return 'TO_PAY';
  if (due > until.getTime() - 60 * DAY_MS && unitHash(`${key}:late`) < 0.3) return 'OVERDUE';
  return 'PAID';
}

/**
 * Places fixture invoices named by bimester: each takes the newest period of its bimester (periods newest first).
 * Returns, per period, the pinned invoice that claimed it, if any.
 */
export function claimPeriods<T extends { bimester: number }>(periods: BillingPeriod[], pinned: T[]): (T | undefined)[] {
  const unclaimed = [...pinned];
  return periods.map((period) => {
    const i = unclaimed.findIndex((p) => p.bimester === period.bimester);
    return i >= 0 ? unclaimed.splice(i, 1)[0] : undefined;
  });
}
