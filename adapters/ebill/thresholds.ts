import type { Decimal, IsoDate } from '../domain';
import { count, decimal, isoDate, legacyCents, legacyDate, optionalIsoDate } from '../legacy-values';
import { UnusableAnswer } from '../legacy-answer';
import { record, records, text, type EbillRecord } from './protocol';

/**
 * Spending thresholds as eBill holds them (seed 002 §7.5; issue 11): domain types, eBill's words ↔ ours, the calls
 * and the paths of the files eBill serves. The client's `post` and `lookup` (client.ts) do the HTTP.
 */
export type ThresholdKind = 'SPENDING' | 'EXTRA_EU_ROAMING_DATA';
export type ThresholdNature = 'INFORMATIVE' | 'DISPOSITIVE';
export type ThresholdPeriod = 'DAILY' | 'MONTHLY';

export interface SpendingThreshold {
  lineNumber: string;
  contractNumber: string;
  kind: ThresholdKind;
  /** As eBill names it, e.g. "SOGLIA INFO SPESA PA". */
  description: string;
  nature: ThresholdNature;
  period: ThresholdPeriod;
  value: Decimal;
  spent: Decimal;
  available: Decimal;
  /** Share of the value spent, e.g. "84.00"; a 0 € threshold is "100.00". */
  erosionPercent: Decimal;
  active: boolean;
  activatedOn: IsoDate;
  ceasedOn: IsoDate | null;
  /** A dispositive threshold reached: the line's paid traffic is blocked. */
  lineBlocked: boolean;
  /** How many changes eBill applied to it: the fact a change of it records is "the change after this version". */
  version: number;
}

export interface ThresholdNotification {
  id: string; contractNumber: string; sentOn: IsoDate; recipient: string; subject: string; lineNumbers: string[];
}

export interface ThresholdSearch {
  contractNumbers: string[]; lineNumber?: string; kind?: ThresholdKind; nature?: ThresholdNature; period?: ThresholdPeriod;
}

/**
 * A change of one line's threshold of one kind, applied by eBill once per operation id (the CRM pratica id), and
 * and, with `version`, only while the threshold is at that version, the one the change was asked against (0: eBill
 * never changed one).
 */
export type ThresholdChange = { version?: number } & (
  | { operation: 'ACTIVATE'; lineNumber: string; contractNumber: string; kind: ThresholdKind; nature: ThresholdNature; period: ThresholdPeriod; cents: number }
  | { operation: 'CHANGE'; lineNumber: string; kind: ThresholdKind; nature?: ThresholdNature; period?: ThresholdPeriod; cents?: number }
  | { operation: 'CEASE'; lineNumber: string; kind: ThresholdKind });

const KIND: Record<ThresholdKind, string> = { SPENDING: 'SPESA', EXTRA_EU_ROAMING_DATA: 'DATI_EXTRA_UE' };
const NATURE: Record<ThresholdNature, string> = { INFORMATIVE: 'INFO', DISPOSITIVE: 'DISPO' };
const PERIOD: Record<ThresholdPeriod, string> = { DAILY: 'GIORNO', MONTHLY: 'MESE' };
const OPERATION: Record<ThresholdChange['operation'], string> = { ACTIVATE: 'attiva', CHANGE: 'varia', CEASE: 'cessa' };

function ours<T extends string>(words: Record<T, string>, legacy: string): T {
  const found = (Object.keys(words) as T[]).find((k) => words[k] === legacy);
  if (!found) throw new UnusableAnswer(`unknown value ${legacy}`);
  return found;
}

export function thresholdFromEbill(r: EbillRecord): SpendingThreshold {
  return {
    lineNumber: text(r, 'nrLinea'),
    contractNumber: text(r, 'cdCtr'),
    kind: ours(KIND, text(r, 'tipoSoglia')),
    description: text(r, 'descrizione'),
    nature: ours(NATURE, text(r, 'natura')),
    period: ours(PERIOD, text(r, 'periodo')),
    value: decimal(text(r, 'imp')),
    spent: decimal(text(r, 'impCons')),
    available: decimal(text(r, 'valDisp')),
    erosionPercent: decimal(text(r, 'erosione')),
    active: text(r, 'stato') === 'ATTIVO',
    activatedOn: isoDate(text(r, 'dtAtt')),
    ceasedOn: optionalIsoDate(text(r, 'dtCess')),
    lineBlocked: text(r, 'bloccata') === 'SI',
    version: count(text(r, 'versione')),
  };
}

export function notificationFromEbill(r: EbillRecord): ThresholdNotification {
  const lines = r.nrLinee;
  if (!Array.isArray(lines)) throw new UnusableAnswer('"nrLinee" is not a list');
  return {
    id: text(r, 'idNotifica'), contractNumber: text(r, 'cdCtr'), sentOn: isoDate(text(r, 'dtInvio')),
    recipient: text(r, 'destinatario'), subject: text(r, 'oggetto'), lineNumbers: lines.map(String),
  };
}

export function searchBody(search: ThresholdSearch, contracts: string[], pag: number, dimPag: number) {
  return {
    cdCtr: contracts,
    ...(search.lineNumber !== undefined && { nrLinea: search.lineNumber }),
    ...(search.kind !== undefined && { tipoSoglia: KIND[search.kind] }),
    ...(search.nature !== undefined && { natura: NATURE[search.nature] }),
    ...(search.period !== undefined && { periodo: PERIOD[search.period] }),
    pag, dimPag,
  };
}

/** The write's path below /ebill/v1/ and its body, keyed by `idOp`. */
export function changeCall(operationId: string, change: ThresholdChange): { operation: string; body: Record<string, unknown> } {
  const base = { idOp: operationId, nrLinea: change.lineNumber, tipoSoglia: KIND[change.kind], ...(change.version !== undefined && { versione: String(change.version) }) };
  const operation = `soglie/${OPERATION[change.operation]}`;
  switch (change.operation) {
    case 'ACTIVATE':
      return { operation, body: { ...base, cdCtr: change.contractNumber, natura: NATURE[change.nature], periodo: PERIOD[change.period], imp: legacyCents(change.cents) } };
    case 'CHANGE':
      return { operation, body: {
        ...base,
        ...(change.nature && { natura: NATURE[change.nature] }),
        ...(change.period && { periodo: PERIOD[change.period] }),
        ...(change.cents !== undefined && { imp: legacyCents(change.cents) }),
      } };
    case 'CEASE':
      return { operation, body: base };
  }
}

export const changedThreshold = (payload: EbillRecord) => thresholdFromEbill(record(payload, 'soglia'));
export const thresholdList = (payload: EbillRecord) => records(payload, 'soglie').map(thresholdFromEbill);

export function notificationsBody(contracts: string[], from: IsoDate, to: IsoDate) {
  return { cdCtr: contracts, dtDa: legacyDate(from), dtA: legacyDate(to) };
}

/** Where eBill serves the thresholds' files: a signed download link names these paths. */
export const thresholdFiles = {
  /** The CSV of every line of the contract, or of one of its lines (`nrLinea`: what a viewer of that line only may download). */
  contractCsv: (contract: string, line?: string) =>
    `/ebill/v1/soglie/csv?cdCtr=${encodeURIComponent(contract)}${line === undefined ? '' : `&nrLinea=${encodeURIComponent(line)}`}`,
  notificationAttachment: (id: string) => `/ebill/v1/soglie/notifiche/${encodeURIComponent(id)}/allegato`,
};

