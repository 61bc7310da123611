import type { OnlineTraffic } from '../../adapters/ebill/online-traffic';
import { sumAmounts } from '../runtime/cents';

/**
 * Seed 002 §7.4.3, §7.4.4 (CON-04): a line's traffic not yet billed, grouped by month (newest first) with the month's
 * total, as the online traffic pages show it. Sums in cents: amounts never pass through a float.
 */
export function trafficByMonth(rows: OnlineTraffic[]) {
  const months = [...new Set(rows.map((r) => r.month))].sort().reverse();
  return months.map((month) => {
    const items = rows.filter((r) => r.month === month);
    return { month, total: sumAmounts(items.map((r) => r.amount)), items };
  });
}
