import { badUserInput } from '../../../adapters/errors';

/**
 * Euro amounts as clients send them (the Decimal scalar's "25" or "25.50", a comma tolerated) and the top-up cuts
 * the portals allow (seed 002): a company's one-shot top-up 7, 22, 44 or 88 €; a timed top-up of 5 to 50 € every
 * 7, 15 or 30 days; an employee's personal top-up 10, 20, 25, 30, 50, 100 or 150 €. Amounts are handled in cents.
 */
const AMOUNT = /^\d{1,7}(?:[.,]\d{1,2})?$/;

export const COMPANY_ONE_SHOT_TOP_UPS_EUR = [7, 22, 44, 88] as const;
export const PERSONAL_TOP_UPS_EUR = [10, 20, 25, 30, 50, 100, 150] as const;
export const TIMED_TOP_UP_RANGE_EUR = { min: 5, max: 50 } as const;
export const TIMED_TOP_UP_EVERY_DAYS = [7, 15, 30] as const;

/** The amount in cents; BAD_USER_INPUT for anything but a positive amount with at most 2 decimals. */
export function checkEuroAmount(raw: unknown, field: string): number {
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : '';
  if (!AMOUNT.test(text)) throw badUserInput(field, 'must be an amount in euro with at most 2 decimals, e.g. "25.50"');
  const [units, decimals = ''] = text.split(/[.,]/);
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  if (cents <= 0) throw badUserInput(field, 'must be more than 0 €');
  return cents;
}

const euros = (cuts: readonly number[]) => cuts.map((c) => `${c} €`).join(', ');

function checkCut(raw: unknown, field: string, cuts: readonly number[]): number {
  const cents = checkEuroAmount(raw, field);
  if (!cuts.some((c) => c * 100 === cents)) throw badUserInput(field, `must be one of ${euros(cuts)}`);
  return cents;
}

export const checkCompanyOneShotTopUp = (raw: unknown, field: string) => checkCut(raw, field, COMPANY_ONE_SHOT_TOP_UPS_EUR);
export const checkPersonalTopUp = (raw: unknown, field: string) => checkCut(raw, field, PERSONAL_TOP_UPS_EUR);

/** A timed top-up: the amount (5 to 50 €) and how often, in days. */
export function checkTimedTopUp(amount: unknown, everyDays: unknown, fields: { amount: string; everyDays: string }): { cents: number; everyDays: number } {
  const cents = checkEuroAmount(amount, fields.amount);
  const { min, max } = TIMED_TOP_UP_RANGE_EUR;
  if (cents < min * 100 || cents > max * 100) throw badUserInput(fields.amount, `must be between ${min} € and ${max} €`);
  if (!(TIMED_TOP_UP_EVERY_DAYS as readonly unknown[]).includes(everyDays)) {
    throw badUserInput(fields.everyDays, `must be one of ${TIMED_TOP_UP_EVERY_DAYS.join(', ')} days`);
  }
  return { cents, everyDays: everyDays as number };
}

/** The largest credit that can trigger a threshold-based company recharge (seed 002 §7.3.4: "tra 0 e 5€"). */
export const THRESHOLD_TOP_UP_MAX_TRIGGER_EUR = 5;

/** A threshold-based top-up: the amount (5 to 50 €, as a timed one) credited when the credit falls to the threshold. */
export function checkThresholdTopUp(amount: unknown, threshold: unknown, fields: { amount: string; threshold: string }): { cents: number; thresholdCents: number } {
  const cents = checkEuroAmount(amount, fields.amount);
  const { min, max } = TIMED_TOP_UP_RANGE_EUR;
  if (cents < min * 100 || cents > max * 100) throw badUserInput(fields.amount, `must be between ${min} € and ${max} €`);
  const thresholdCents = checkEuroAmount(threshold, fields.threshold);
  if (thresholdCents > THRESHOLD_TOP_UP_MAX_TRIGGER_EUR * 100) throw badUserInput(fields.threshold, `must be at most ${THRESHOLD_TOP_UP_MAX_TRIGGER_EUR} €`);
  return { cents, thresholdCents };
}
