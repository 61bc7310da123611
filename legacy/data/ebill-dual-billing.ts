import type { PersonalInvoiceSeed } from './ebill-personal-invoices';

/**
 * Issue 22 (BIL-12; seed 001 FATTURE E PAGAMENTI: "visualizzare e scaricare le fatture personali, se sulla linea
 * aziendale è attivo il servizio Dual Billing"). Company lines of the customer area on which eBill bills part of the
 * traffic to the line's user under the service DUAL BILLING (not the CM8 employee's TIM TUO): company A's UT line
 * 3343860902, with seven bimesters billed so that "the last 6" leaves one out. Dates are absolute, like the TIM TUO
 * invoices': the list has no time window, only the six newest.
 */
export const DUAL_BILLING_LINES: readonly { lineNumber: string; notificationEmail: string | null }[] = [
  { lineNumber: '3343860902', notificationEmail: null },
];

const issued = (year: number, bimester: number) => new Date(Date.UTC(year, 2 * bimester, 12, 12)).toISOString().slice(0, 10);
const due = (iso: string) => new Date(new Date(`${iso}T12:00:00Z`).getTime() + 30 * 86_400_000).toISOString().slice(0, 10);

export const DUAL_BILLING_INVOICES: readonly PersonalInvoiceSeed[] = ([
  [5, 2025, 1_845, 'Pagata'], [6, 2025, 2_210, 'Pagata'], [1, 2026, 960, 'Pagata'], [2, 2026, 3_075, 'Pagata'],
  [3, 2026, 1_420, 'Pagata'], [4, 2026, 2_630, 'Pagata'], [5, 2026, 1_985, 'Scoperta'],
] as const).map(([bimester, year, cents, paymentStatus]) => {
  const issuedOn = issued(year, bimester);
  return { number: `8D${String(year).slice(2)}${bimester}60902`, lineNumber: '3343860902', bimester, year, issuedOn, dueOn: due(issuedOn), cents, paymentStatus };
});
