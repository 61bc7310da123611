import type { Invoice } from '../../adapters/domain';
import { lastMonths, type DayRange } from '../runtime/calendar';

/** BIL-01, BIL-02: invoices are listed for the last 12 months. */
export const invoiceListWindow = (): DayRange => lastMonths(12);

/** BIL-05 (issue 22): the invoices still to pay are listed up to 5 years back (seed 000 "profondità temporale < 5 anni"). */
export const unpaidListWindow = (): DayRange => lastMonths(60);

/**
 * How far back a ceased customer's invoices are fetched before his last bimesters are kept. CC is a profile of the
 * 12 months after cessation (profiles.md), and the 6 bimesters before cessation were issued in the 12 months before
 * it: 24 months reach all of them.
 */
export const ceasedCustomerLookback = (): DayRange => lastMonths(24);

/** Seed 000 / profiles.md: a Cliente Cessato sees the invoices of the last 6 bimesters only. */
export const CEASED_CUSTOMER_BIMESTERS = 6;

/**
 * The CC window rule: of one ceased account's invoices, those of its last 6 *billed* bimesters. The bimesters are
 * counted on the account's own invoices rather than on the calendar because a ceased contract stops being billed:
 * counted back from today, 6 bimesters would mostly fall after the last invoice (reference-data.md: 8 bimesters
 * invoiced before cessation 3 months ago, the last 6 visible).
 */
export function ceasedCustomerInvoices<I extends Invoice>(invoices: I[]): I[] {
  const periodOf = (invoice: Invoice) => invoice.year * 10 + invoice.bimester;
  const periods = [...new Set(invoices.map(periodOf))].sort((a, b) => b - a);
  const visible = new Set(periods.slice(0, CEASED_CUSTOMER_BIMESTERS));
  return invoices.filter((invoice) => visible.has(periodOf(invoice)));
}
