import { pinnedLegacyToday } from '../../stack/settings/common';

/**
 * The stand-ins' calendar. The seed screens date from 2021; the fixture stores dates relative to "today" so that
 * they always fall inside the windows the capabilities use. `LEGACY_TODAY=YYYY-MM-DD` pins today (tests do).
 */
export function today(): Date {
  const pinned = pinnedLegacyToday();
  const base = pinned ? new Date(`${pinned}T12:00:00Z`) : new Date();
  return new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate(), 12));
}

export function daysAgo(days: number, from = today()): Date {
  return new Date(from.getTime() - days * 86_400_000);
}

export function monthsAgo(months: number, dayOfMonth?: number, from = today()): Date {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() - months, 1, 12));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0, 12)).getUTCDate();
  d.setUTCDate(Math.min(dayOfMonth ?? from.getUTCDate(), last));
  return d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `dd/mm/yyyy`, the legacy systems' date format. */
export function legacyDate(d: Date): string {
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** `dd/mm/yyyy hh:mm`. */
export function legacyDateTime(d: Date): string {
  return `${legacyDate(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Parses `dd/mm/yyyy` into a UTC noon date; `null` when malformed. */
export function parseLegacyDate(s: string): Date | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), 12));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The bimester (1..6) a date falls in. */
export const bimesterOf = (d: Date) => Math.floor(d.getUTCMonth() / 2) + 1;

/** `yyyy-mm` of the month after today's: the month a change "for next month only" applies to (seed 002 §7.3.3). */
export function nextMonth(from = today()): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1, 12));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}
