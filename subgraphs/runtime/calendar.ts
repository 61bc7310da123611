import type { IsoDate } from '../../adapters/domain';
import { pinnedLegacyToday } from '../../stack/settings/common';

/**
 * The calendar of the windows the capabilities use ("last 12 months", "last 6 months", "10 days before"), in ISO
 * dates like the domain types. Today is the legacy systems' today: `LEGACY_TODAY` pins it for the stand-ins and the
 * tests, and a window computed on another clock would miss the records the fixture placed relative to it.
 */
export function today(): IsoDate {
  return pinnedLegacyToday() ?? new Date().toISOString().slice(0, 10);
}

const asDate = (day: IsoDate) => new Date(`${day}T12:00:00Z`);
const asIso = (date: Date): IsoDate => date.toISOString().slice(0, 10);

export function addDays(day: IsoDate, days: number): IsoDate {
  const date = asDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return asIso(date);
}

/** Calendar months; a day the target month lacks (31 March − 1 month) becomes its last day. */
export function addMonths(day: IsoDate, months: number): IsoDate {
  const date = asDate(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, 12));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return asIso(target);
}

/** A closed range of days, both ends included, as the legacy list operations take it. */
export interface DayRange { from: IsoDate; to: IsoDate }

/** The `months` calendar months ending with `until` (included): 12 months up to 2026-11-23 start on 2025-11-24. */
export const lastMonths = (months: number, until: IsoDate = today()): DayRange =>
  ({ from: addDays(addMonths(until, -months), 1), to: until });

export const isWithin = (day: IsoDate, range: DayRange) => day >= range.from && day <= range.to;
