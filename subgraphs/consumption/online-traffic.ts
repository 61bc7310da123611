import type { OnlineTraffic } from '../../adapters/ebill/online-traffic';

/**
 * Seed 002 §7.4.3, §7.4.4 (CON-04): a line's traffic not yet billed, grouped by month (newest first) with the month's
 * total, as the online traffic pages show it. Sums in cents: amounts never pass through a float.
 */
const cents = (amount: string) => { const [units, decimals = '0'] = amount.split('.'); return Number(units) * 100 + Number(decimals.padEnd(2, '0')); };
const euros = (total: number) => `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`;

export function trafficByMonth(rows: OnlineTraffic[]) {
  const months = [...new Set(rows.map((r) => r.month))].sort().reverse();
  return months.map((month) => {
    const items = rows.filter((r) => r.month === month);
    return { month, total: euros(items.reduce((sum, r) => sum + cents(r.amount), 0)), items };
  });
}
