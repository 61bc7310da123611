/**
 * h-invoice (issue 12). eBill's personal invoicing of TIM TUO postpaid lines (seed 002 §9.2.1.2 "La mia fattura"): the
 * e-mail the invoices' publication is notified to, and the employee's personal invoices. 3312548662 is the seed's
 * screen (invoice of bimester 4/2021, issued 10/06/2021, due 12/07/2021, 33,45 €, "Scoperta"); 3312548681 has eight
 * bimesters since its TIM TUO began (02/03/2021), so that "the last 6" leaves two out. Dates are the seed's, absolute:
 * the page has no time window, only the six newest.
 */
export interface PersonalInvoiceLineSeed { lineNumber: string; notificationEmail: string | null }
export interface PersonalInvoiceSeed {
  number: string; lineNumber: string; bimester: number; year: number; issuedOn: string; dueOn: string; cents: number;
  /** eBill's word for the payment: "Pagata" or "Scoperta" (not yet covered). */
  paymentStatus: 'Pagata' | 'Scoperta';
}

export const PERSONAL_INVOICE_LINES: readonly PersonalInvoiceLineSeed[] = [
  { lineNumber: '3312548662', notificationEmail: 'collaudo10@timnews.collaudo.tim.it' },
  // No address yet: the page offers "USA EMAIL DI REGISTRAZIONE".
  { lineNumber: '3312548681', notificationEmail: null },
];

const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day, 12)).toISOString().slice(0, 10);

/** The seed's calendar: bimester 4/2021 is issued on 10/06/2021 and due 32 days later (12/07/2021). */
function invoice(lineNumber: string, bimester: number, year: number, cents: number, paymentStatus: PersonalInvoiceSeed['paymentStatus']): PersonalInvoiceSeed {
  const issued = iso(year, 2 * bimester - 2, 10);
  const due = new Date(`${issued}T12:00:00Z`);
  due.setUTCDate(due.getUTCDate() + 32);
  return {
    number: `8T${String(year).slice(2)}${bimester}${lineNumber.slice(-5)}`, lineNumber, bimester, year, issuedOn: issued,
    dueOn: due.toISOString().slice(0, 10), cents, paymentStatus,
  };
}

export const PERSONAL_INVOICES: readonly PersonalInvoiceSeed[] = [
  invoice('3312548662', 4, 2021, 3_345, 'Scoperta'),
  ...([[2, 2021, 1_210], [3, 2021, 2_480], [4, 2021, 1_995], [5, 2021, 3_120], [6, 2021, 875], [1, 2022, 4_260], [2, 2022, 1_540]] as const)
    .map(([bimester, year, cents]) => invoice('3312548681', bimester, year, cents, 'Pagata')),
  invoice('3312548681', 3, 2022, 2_215, 'Scoperta'),
];
