import type { Decimal, IsoDate } from '../domain';
import { UnusableAnswer } from '../legacy-answer';
import { bimester, decimal, isoDate, year } from '../legacy-values';
import { records, text, type EbillRecord } from './protocol';

/**
 * h-invoice (issue 12). eBill's personal invoicing of a TIM TUO postpaid line (seed 002 §9.2.1.2 "La mia fattura"):
 * the invoice mode and traffic documentation (CM8: web only, complete), the address the publication of each invoice
 * is notified to, and the employee's six newest personal invoices.
 */
export interface PersonalInvoice {
  number: string;
  lineNumber: string;
  bimester: number;
  year: number;
  issuedOn: IsoDate;
  dueOn: IsoDate;
  amount: Decimal;
  /** Covered: eBill says "Pagata"; "Scoperta" is not. */
  paid: boolean;
  /** eBill's word, as the page prints it: "Pagata", "Scoperta". */
  paymentStatus: string;
}
export interface PersonalInvoicing {
  lineNumber: string;
  /**
   * Issue 22: the service eBill bills the line personally under: a CM8 employee's TIM TUO, or the Dual Billing of a
   * customer-area company line (BIL-12).
   */
  service: 'TIM_TUO' | 'DUAL_BILLING';
  invoiceMode: 'WEB_ONLY';
  trafficDocumentation: 'FULL';
  notificationEmail: string | null;
  invoices: PersonalInvoice[];
}

export interface PersonalInvoicingClient {
  /** Aligned with `lineNumbers`: `null` where eBill does not bill the line personally. */
  getPersonalInvoicing(lineNumbers: readonly string[]): Promise<(PersonalInvoicing | null)[]>;
  /** Sets the line's notification e-mail once per `operationId` (the client's key): the same again writes nothing. A write. */
  setNotificationEmail(change: { operationId: string; lineNumber: string; email: string }): Promise<string>;
}

type Post = <T>(operation: string, body: Record<string, unknown>, read: (payload: EbillRecord) => T, kind?: 'read' | 'write') => Promise<T>;

function known<T extends string>(legacy: string, word: string, value: T): T {
  if (legacy !== word) throw new UnusableAnswer(`unknown value ${legacy}`);
  return value;
}

const invoiceFromEbill = (lineNumber: string) => (r: EbillRecord): PersonalInvoice => ({
  number: text(r, 'nrFatt'), lineNumber, bimester: bimester(text(r, 'bim')), year: year(text(r, 'anno')),
  issuedOn: isoDate(text(r, 'dtEmis')), dueOn: isoDate(text(r, 'dtScad')), amount: decimal(text(r, 'imp')),
  paid: text(r, 'stPag') === 'Pagata', paymentStatus: text(r, 'stPag'),
});

function invoicingFromEbill(r: EbillRecord): PersonalInvoicing {
  const lineNumber = text(r, 'nrLinea');
  return {
    lineNumber,
    service: text(r, 'servizio') === 'DUAL BILLING' ? 'DUAL_BILLING' : known(text(r, 'servizio'), 'TIM TUO', 'TIM_TUO'),
    // The only mode and documentation of Convenzione Mobile 8 (seed 002 §9.2.1.2): anything else is not ours to show.
    invoiceMode: known(text(r, 'modalitaFattura'), 'SOLO WEB', 'WEB_ONLY'),
    trafficDocumentation: known(text(r, 'docTraffico'), 'COMPLETA', 'FULL'),
    notificationEmail: text(r, 'emailNotifica') || null,
    invoices: records(r, 'fatture').map(invoiceFromEbill(lineNumber)),
  };
}

export function personalInvoicingCalls(post: Post): PersonalInvoicingClient {
  return {
    async getPersonalInvoicing(lines) {
      if (lines.length === 0) return [];
      const found = await post('tim-tuo/fatture-personali', { nrLinee: lines }, (p) => records(p, 'linee').map(invoicingFromEbill));
      const byLine = new Map(found.map((i) => [i.lineNumber, i]));
      return lines.map((l) => byLine.get(l) ?? null);
    },
    setNotificationEmail: ({ operationId, lineNumber, email }) => post('tim-tuo/email-notifica',
      { idOp: operationId, nrLinea: lineNumber, email }, (p) => text(p, 'emailNotifica'), 'write'),
  };
}

/** Where eBill serves a personal invoice's PDF: a signed download link names it. */
export const personalInvoicePdfPath = (number: string) => `/ebill/v1/tim-tuo/fatture/${encodeURIComponent(number)}/pdf`;
