import type { AvailableTraffic, Decimal, IsoDateTime, ResidualCredit } from '../domain';
import { UnusableAnswer } from '../legacy-answer';
import { count, decimal, isoDateTime } from '../legacy-values';
import { availableTrafficFromEbill, residualCreditFromEbill } from './mapping';
import { record, records, text, type EbillRecord } from './protocol';

/**
 * h-prepaid (issue 12). eBill's TIM TUO prepaid options (seed 002 §9.2.1.3; legacy/ebill/tim-tuo-prepaid.ts): the
 * traffic packages and plafonds an employee activates on his prepaid line, charged to his personal credit, and the
 * national traffic left of them ("La mia SIM", §9.1.1). eBill's words are translated here, both ways.
 */
export type PrepaidFamily = 'NATIONAL_PACKAGE' | 'EXTRA_DATA_PLAFOND' | 'EXTRA_EU_ROAMING_DAILY_PACKAGE' | 'EXTRA_EU_ROAMING_DATA_PLAFOND';
export type PrepaidOptionCode = 'S1' | 'S4' | 'M4' | 'M20' | 'L4' | 'L20' | 'PLUS_1GB' | 'PLUS_4GB' | 'PLUS_20GB'
  | 'EXTRA_EU_DAILY' | 'EXTRA_EU_DAILY_EXCLUSIVE' | 'EXTRA_EU_500MB' | 'EXTRA_EU_500MB_EXCLUSIVE';
export type PrepaidAction = 'ACTIVATE' | 'CEASE';

/** An option of the price list: its family, price and allowance. */
export interface PrepaidOption { code: PrepaidOptionCode; family: PrepaidFamily; name: string; price: Decimal; dataMb: number; minutes: number; sms: number }

/** A request as eBill holds it: its charge is settled when made, its effect once eBill applied it. */
export interface PrepaidChange {
  operationId: string;
  family: PrepaidFamily;
  option: PrepaidOptionCode | null;
  action: PrepaidAction;
  /** CHARGED to the personal credit, DISCARDED (the credit did not cover the price), NONE (a cessation costs nothing). */
  charge: 'CHARGED' | 'DISCARDED' | 'NONE';
  price: Decimal;
  status: 'IN_PROGRESS' | 'APPLIED' | 'DISCARDED';
  requestedAt: IsoDateTime;
  /** When eBill applies (applied) it. */
  effectiveAt: IsoDateTime;
}

export interface ActivePrepaidOption { family: PrepaidFamily; option: PrepaidOptionCode; since: IsoDateTime }

/** A line's TIM TUO prepaid options as eBill has them now, with the price list. */
export interface LinePrepaidOptions {
  lineNumber: string;
  catalogue: PrepaidOption[];
  active: ActivePrepaidOption[];
  /** The request eBill has not applied yet: the line takes no other until then (seed 002 §9.2.1.3). */
  inProgress: PrepaidChange | null;
  /** A data plafond was charged this calendar month: no other until next month. */
  dataPlafondThisMonth: boolean;
  /** This month's and the previous one's requests, newest first. */
  changes: PrepaidChange[];
}

export interface PrepaidChangeRequest { lineNumber: string; family: PrepaidFamily; option: PrepaidOptionCode | null; action: PrepaidAction }

export interface TimTuoPrepaidClient {
  /** Aligned with `lineNumbers`: every line answers (no option, no request: empty lists). */
  getTimTuoPrepaid(lineNumbers: readonly string[]): Promise<LinePrepaidOptions[]>;
  /** Records a request and settles its charge once per `operationId` (the CRM pratica id). A write. */
  changeTimTuoPrepaid(operationId: string, change: PrepaidChangeRequest): Promise<{ change: PrepaidChange; credit: ResidualCredit | null }>;
  /** Aligned with `lineNumbers`: the national traffic left of the active package and plafond; null without one. */
  getPersonalTraffic(lineNumbers: readonly string[]): Promise<(AvailableTraffic | null)[]>;
}

const FAMILY: Record<string, PrepaidFamily> = {
  PACCHETTO_NAZ: 'NATIONAL_PACKAGE', PLAFOND_DATI: 'EXTRA_DATA_PLAFOND', PACCHETTO_EXTRA_UE: 'EXTRA_EU_ROAMING_DAILY_PACKAGE', PLAFOND_EXTRA_UE: 'EXTRA_EU_ROAMING_DATA_PLAFOND',
};
const OPTION: Record<string, PrepaidOptionCode> = {
  S1: 'S1', S4: 'S4', M4: 'M4', M20: 'M20', L4: 'L4', L20: 'L20', PLUS_1GB: 'PLUS_1GB', PLUS_4GB: 'PLUS_4GB', PLUS_20GB: 'PLUS_20GB',
  GIORNALIERO_EXTRA_UE: 'EXTRA_EU_DAILY', GIORNALIERO_EXTRA_UE_EXCLUSIVE: 'EXTRA_EU_DAILY_EXCLUSIVE',
  PLAFOND_500MB_EXTRA_UE: 'EXTRA_EU_500MB', PLAFOND_500MB_EXTRA_UE_EXCLUSIVE: 'EXTRA_EU_500MB_EXCLUSIVE',
};
const ACTION = { ATTIVA: 'ACTIVATE', CESSA: 'CEASE' } as const;
const CHARGE = { ADDEBITATA: 'CHARGED', SCARTATA: 'DISCARDED', NON_DOVUTO: 'NONE' } as const;
const STATUS = { IN_LAVORAZIONE: 'IN_PROGRESS', APPLICATA: 'APPLIED', SCARTATA: 'DISCARDED' } as const;

function known<T>(words: Record<string, T>, legacy: string): T {
  const value = words[legacy];
  if (value === undefined) throw new UnusableAnswer(`unknown value ${legacy}`);
  return value;
}
/** Our word → eBill's. */
const legacyWord = <T extends string>(words: Record<string, T>, ours: T) => Object.keys(words).find((k) => words[k] === ours)!;

const optionFromEbill = (r: EbillRecord): PrepaidOption => ({
  code: known(OPTION, text(r, 'codice')), family: known(FAMILY, text(r, 'famiglia')), name: text(r, 'descrizione'), price: decimal(text(r, 'imp')),
  dataMb: count(text(r, 'mb')), minutes: count(text(r, 'min')), sms: count(text(r, 'sms')),
});

const changeFromEbill = (r: EbillRecord): PrepaidChange => ({
  operationId: text(r, 'idOp'),
  family: known(FAMILY, text(r, 'famiglia')),
  option: text(r, 'opzione') === '' ? null : known(OPTION, text(r, 'opzione')),
  action: known(ACTION, text(r, 'azione')),
  charge: known(CHARGE, text(r, 'esito')),
  price: decimal(text(r, 'imp')),
  status: known(STATUS, text(r, 'stato')),
  requestedAt: isoDateTime(text(r, 'dtRichiesta')),
  effectiveAt: isoDateTime(text(r, 'dtEffetto')),
});

function lineFromEbill(r: EbillRecord, catalogue: PrepaidOption[]): LinePrepaidOptions {
  return {
    lineNumber: text(r, 'nrLinea'),
    catalogue,
    active: records(r, 'attive').map((a) => ({ family: known(FAMILY, text(a, 'famiglia')), option: known(OPTION, text(a, 'opzione')), since: isoDateTime(text(a, 'dtAtt')) })),
    inProgress: r.inCorso ? changeFromEbill(record(r, 'inCorso')) : null,
    dataPlafondThisMonth: text(r, 'plafondDatiMese') === 'SI',
    changes: records(r, 'richieste').map(changeFromEbill),
  };
}

type Post = <T>(operation: string, body: Record<string, unknown>, read: (payload: EbillRecord) => T, kind?: 'read' | 'write') => Promise<T>;
type Lookup = <T>(keys: readonly string[], operation: string, requestField: string, answerField: string, keyField: string, map: (r: EbillRecord) => T) => Promise<(T | null)[]>;

export function timTuoPrepaidCalls(post: Post, lookup: Lookup): TimTuoPrepaidClient {
  return {
    async getTimTuoPrepaid(lines) {
      if (lines.length === 0) return [];
      return post('linee/tim-tuo-ric', { nrLinee: lines }, (p) => {
        const catalogue = records(p, 'listino').map(optionFromEbill);
        const byLine = new Map(records(p, 'linee').map((r) => [text(r, 'nrLinea'), r]));
        // eBill answers every line asked (an unknown one with empty lists): a missing one is an answer we cannot use.
        return lines.map((line) => {
          const answer = byLine.get(line);
          if (!answer) throw new UnusableAnswer(`line ${line} missing from linee/tim-tuo-ric`);
          return lineFromEbill(answer, catalogue);
        });
      });
    },
    changeTimTuoPrepaid: (operationId, { lineNumber, family, option, action }) => post('linee/tim-tuo-ric/variazione', {
      idOp: operationId, nrLinea: lineNumber, famiglia: legacyWord(FAMILY, family), azione: legacyWord(ACTION, action),
      ...(option && { opzione: legacyWord(OPTION, option) }),
    }, (p) => ({ change: changeFromEbill(record(p, 'richiesta')), credit: p.credito ? residualCreditFromEbill(record(p, 'credito')) : null }), 'write'),
    getPersonalTraffic: (lines) => lookup(lines, 'linee/traffico-personale', 'nrLinee', 'traffico', 'nrLinea', availableTrafficFromEbill),
  };
}

