import type { IsoDate } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import { isIsoDate } from '../scalars';

/**
 * A window of days a client asks for (from, to, both included): real dates, in order, not in the future, not
 * longer than the legacy systems answer for, not further back than they keep. Refused rather than answered with
 * an empty list that would look like "nothing happened".
 */
export interface DateWindowRules {
  today: IsoDate;
  /** The longest window, in days. */
  maxDays: number;
  /** The oldest day that may be asked for. */
  earliest: IsoDate;
}

const DAY_MS = 86_400_000;
const days = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

export function checkDateWindow(window: { from: unknown; to: unknown }, fields: { from: string; to: string }, rules: DateWindowRules): { from: IsoDate; to: IsoDate } {
  for (const key of ['from', 'to'] as const) {
    const value = window[key];
    if (typeof value !== 'string' || !isIsoDate(value)) throw badUserInput(fields[key], 'must be a date like 2026-03-31');
  }
  const from = window.from as IsoDate;
  const to = window.to as IsoDate;
  if (from > to) throw badUserInput(fields.from, `must not be after ${fields.to}`);
  if (to > rules.today) throw badUserInput(fields.to, 'must not be in the future');
  if (from < rules.earliest) throw badUserInput(fields.from, `must not be before ${rules.earliest}`);
  if (days(from, to) > rules.maxDays) throw badUserInput(fields.from, `the window may span at most ${rules.maxDays} days`);
  return { from, to };
}
