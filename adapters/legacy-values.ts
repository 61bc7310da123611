import type { Decimal, IsoDate, IsoDateTime, PaymentStatus } from './domain';
import { UnusableAnswer } from './legacy-answer';

/**
 * The value formats CRM, eBill and EBPFA share (`dd/mm/yyyy`, `221,12`, Italian payment words) and their domain
 * form. Every reader refuses what it does not recognise: a guessed value is worse than an unavailable one.
 */

/** `dd/mm/yyyy` → `yyyy-mm-dd`, refusing impossible dates such as 31/02. */
export function isoDate(legacy: string): IsoDate {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(legacy);
  const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : '';
  const d = new Date(`${iso}T00:00:00Z`);
  if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) throw new UnusableAnswer(`unreadable date "${legacy}"`);
  return iso;
}

/** Like `isoDate`, with an empty value meaning "no date". */
export const optionalIsoDate = (legacy: string): IsoDate | null => (legacy === '' ? null : isoDate(legacy));

/** `dd/mm/yyyy hh:mm` → ISO 8601. The billing systems print their timestamps in UTC. */
export function isoDateTime(legacy: string): IsoDateTime {
  const m = /^(\S+) (\d{2}):(\d{2})$/.exec(legacy);
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59) throw new UnusableAnswer(`unreadable timestamp "${legacy}"`);
  return `${isoDate(m[1])}T${m[2]}:${m[3]}:00Z`;
}

/** `yyyy-mm-dd` → `dd/mm/yyyy` for request parameters. */
export function legacyDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Cents → `"22,00"` for request bodies (the adapters never send a float). */
export function legacyCents(cents: number): string {
  return `${Math.trunc(cents / 100)},${String(Math.abs(cents % 100)).padStart(2, '0')}`;
}

/** `"221,12"` → `"221.12"` by string rewriting: amounts never pass through a float. */
export function decimal(legacy: string): Decimal {
  const m = /^(-?\d+),(\d{2})$/.exec(legacy);
  if (!m) throw new UnusableAnswer(`unreadable amount "${legacy}"`);
  return `${m[1]}.${m[2]}`;
}

export function count(legacy: string): number {
  if (!/^\d{1,9}$/.test(legacy)) throw new UnusableAnswer(`unreadable count "${legacy}"`);
  return Number(legacy);
}

/** Bimester 1..6 and a four-digit year, as both billing systems print them. */
export function bimester(legacy: string): number {
  if (!/^[1-6]$/.test(legacy)) throw new UnusableAnswer(`unreadable bimester "${legacy}"`);
  return Number(legacy);
}

export function year(legacy: string): number {
  if (!/^\d{4}$/.test(legacy)) throw new UnusableAnswer(`unreadable year "${legacy}"`);
  return Number(legacy);
}

/** eBill writes `DA_PAGARE`, EBPFA `DA PAGARE`. */
const PAYMENT_STATUS: Record<string, PaymentStatus> = { PAGATA: 'PAID', DA_PAGARE: 'TO_PAY', 'DA PAGARE': 'TO_PAY', SCADUTA: 'OVERDUE' };

export function paymentStatus(legacy: string): PaymentStatus {
  const status = PAYMENT_STATUS[legacy];
  if (!status) throw new UnusableAnswer(`unknown payment status "${legacy}"`);
  return status;
}
