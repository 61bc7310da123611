import type { ResidualCredit } from '../domain';
import { residualCreditFromEbill } from './mapping';
import { record, records, text, type EbillRecord } from './protocol';
import { decimal, isoDateTime, legacyCents, legacyDate } from '../legacy-values';

/**
 * h-employee (issue 12). eBill's personal baskets (seed 002 §9.1.1-§9.1.3): the employee's own credit on a prepaid
 * line, which his personal top-ups feed (distinct from the company's credit), and those top-ups from every channel.
 */
export interface PersonalTopUpRecord {
  /** The operation eBill keyed it by: the payment's id for a top-up made through the graph. */
  operationId: string;
  lineNumber: string;
  at: string;
  amount: string;
  /** eBill's words: "Ricarica da altri canali", … */
  kind: string;
  detail: string;
}

/** A service SMS the line received (seed 002 §9.2.3). */
export interface ServiceSms { sender: string; kind: string; text: string; sentAt: string; deliveredAt: string | null; status: string }

export interface PersonalBasketClient {
  /** Aligned with `lineNumbers`: `null` where the line has no personal basket. */
  getPersonalCredit(lineNumbers: readonly string[]): Promise<(ResidualCredit | null)[]>;
  /** Credits the personal basket once per `operationId` (the payment's id): the same again credits nothing. A write. */
  creditPersonalTopUp(top: { lineNumber: string; cents: number; operationId: string }): Promise<ResidualCredit>;
  /** The line's personal top-ups from `from` to `to` (ISO dates, both included), newest first. */
  listPersonalTopUps(lineNumber: string, from: string, to: string): Promise<PersonalTopUpRecord[]>;
  /** The service SMS the line received from `from` to `to` (ISO dates, both included), newest first. */
  listServiceSms(lineNumber: string, from: string, to: string): Promise<ServiceSms[]>;
}

type Post = <T>(operation: string, body: Record<string, unknown>, read: (payload: EbillRecord) => T, kind?: 'read' | 'write') => Promise<T>;

const topUpFromEbill = (r: EbillRecord): PersonalTopUpRecord => ({
  operationId: text(r, 'idOp'), lineNumber: text(r, 'nrLinea'), at: isoDateTime(text(r, 'dtOra')), amount: decimal(text(r, 'imp')),
  kind: text(r, 'tipo'), detail: text(r, 'dettaglio'),
});

const smsFromEbill = (r: EbillRecord): ServiceSms => ({
  sender: text(r, 'mittente'), kind: text(r, 'tipologia'), text: text(r, 'testo'), sentAt: isoDateTime(text(r, 'dtInvio')),
  deliveredAt: text(r, 'dtConsegna') === '' ? null : isoDateTime(text(r, 'dtConsegna')), status: text(r, 'stato'),
});

export function personalBasketCalls(post: Post): PersonalBasketClient {
  return {
    async getPersonalCredit(lines) {
      if (lines.length === 0) return [];
      const found = await post('linee/credito-personale', { nrLinee: lines }, (p) => records(p, 'crediti').map(residualCreditFromEbill));
      const byLine = new Map(found.map((c) => [c.lineNumber, c]));
      return lines.map((l) => byLine.get(l) ?? null);
    },
    creditPersonalTopUp: ({ lineNumber, cents, operationId }) => post('linee/ricarica-personale',
      { idOp: operationId, nrLinea: lineNumber, imp: legacyCents(cents), canale: 'WEB' },
      (p) => residualCreditFromEbill(record(p, 'credito')), 'write'),
    listPersonalTopUps: (lineNumber, from, to) => post('linee/ricariche-personali',
      { nrLinea: lineNumber, dtDa: legacyDate(from), dtA: legacyDate(to) }, (p) => records(p, 'ricariche').map(topUpFromEbill)),
    listServiceSms: (lineNumber, from, to) => post('linee/sms-servizio',
      { nrLinea: lineNumber, dtDa: legacyDate(from), dtA: legacyDate(to) }, (p) => records(p, 'sms').map(smsFromEbill)),
  };
}

/** Where eBill serves a line's service SMS of a window as a CSV file: a signed download link names it. */
export const serviceSmsFilePath = (lineNumber: string, from: string, to: string) =>
  `/ebill/v1/linee/${encodeURIComponent(lineNumber)}/sms-servizio.csv?${new URLSearchParams({ dtDa: legacyDate(from), dtA: legacyDate(to) })}`;
