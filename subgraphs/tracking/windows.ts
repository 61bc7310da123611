import type { IsoDate } from '../../adapters/domain';
import { badUserInput } from '../../adapters/errors';
import { addDays, addMonths, lastMonths, today, type DayRange } from '../runtime/calendar';

/** TRK-01, TRK-03: orders and requests of the last 6 months. */
export const trackingWindow = (): DayRange => lastMonths(6);

/** How far back the CM8 requests history may be asked for. */
const HISTORY_REACH_MONTHS = 24;
/** Seed 002 §7.3.1: "l'elenco delle pratiche create nei 10 giorni precedenti" the date entered. */
const HISTORY_DAYS = 10;

/**
 * TRK-04: the days whose requests the history shows for `before` (default today): the 10 days before it and the
 * day itself, so that the default also shows what was opened today. A date in the future or beyond the reach is
 * refused rather than answered with an empty list that would look like "no requests".
 */
export function requestsHistoryWindow(before: IsoDate | null | undefined, now: IsoDate = today()): DayRange {
  const day = before ?? now;
  if (day > now) throw badUserInput('before', 'must not be in the future');
  if (day < addMonths(now, -HISTORY_REACH_MONTHS)) throw badUserInput('before', 'must be within the last 2 years');
  return { from: addDays(day, -HISTORY_DAYS), to: day };
}
