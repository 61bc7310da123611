import type { Decimal, IsoDate, IsoDateTime, Page } from '../domain';
import { UnusableAnswer } from '../legacy-answer';
import { count, decimal, isoDate, legacyDate } from '../legacy-values';
import { records, text, type EbillRecord } from './protocol';

/**
 * h-consumption (issue 12). eBill's rating of an employee's own line for "Riepilogo consumi personali" (seed 002
 * §9.2.2, CON-09): the services with the employee's share, the options' bundles with their erosion, the traffic
 * events summed and in detail (at most the newest 3,000 of a search), and the detail as a file.
 */
export type TrafficScope = 'NATIONAL' | 'ROAMING';
export type CallType = 'COMPANY' | 'PERSONAL';
/** The categories of the seed's filters: postpaid Generico, Dati, Servizi interattivi, Eventi; prepaid Voce, SMS/MMS, Generico, Dati/Servizi a contenuto. */
export type TrafficCategory = 'GENERIC' | 'DATA' | 'INTERACTIVE_SERVICES' | 'EVENTS' | 'VOICE' | 'SMS_MMS' | 'DATA_AND_CONTENT';
/** What the consumption summary adds an event to. */
export type KindOfTraffic = 'VOICE' | 'SMS' | 'DATA' | 'OTHER';

export interface EmployeeService {
  lineNumber: string; description: string; activatedOn: IsoDate; status: 'ACTIVE' | 'SUSPENDED' | 'CEASED';
  /** "% ripartizione dipendente": the employee's share of the monthly fee. */
  employeeSharePercent: number; monthlyFee: Decimal;
}

export interface OptionBundle {
  lineNumber: string; option: string; scope: TrafficScope; activatedOn: IsoDate; unit: 'MINUTES' | 'SMS' | 'MB'; included: number; used: number;
}

/** The events of a period with the same category, call type, scope and kind: how many, and their net (over bundle) cost. */
export interface TrafficTotal { category: TrafficCategory; callType: CallType; scope: TrafficScope; kind: KindOfTraffic; events: number; amount: Decimal }

export interface TrafficEvent {
  type: string; detail: string | null; calledNumber: string | null; operator: string | null; at: IsoDateTime;
  /** `hh:mm:ss`. */
  duration: string | null; volumeKb: number | null;
  /** null where eBill prints "n.d.". */
  grossAmount: Decimal | null; netAmount: Decimal | null;
  option: string | null; rating: string | null; category: TrafficCategory; callType: CallType; scope: TrafficScope;
}

export interface TrafficCriteria { lineNumber: string; from: IsoDate; to: IsoDate; categories: TrafficCategory[]; callType: CallType | null; chargedOnly: boolean }

/** A page of a detail: `totalCount` events matched, of which the newest `reachable` can be paged through. */
export interface TrafficEventPage extends Page<TrafficEvent> { reachable: number }

export interface PersonalConsumptionClient {
  /** Aligned with `lineNumbers` (at most 50): each line's services (none for a prepaid line). */
  getEmployeeServices(lineNumbers: readonly string[]): Promise<EmployeeService[][]>;
  /** Aligned with `lineNumbers` (at most 50): the bundles of each line's options. */
  getOptionBundles(lineNumbers: readonly string[]): Promise<OptionBundle[][]>;
  /** The line's events from `from` to `to` (both included), summed. */
  getTrafficTotals(lineNumber: string, from: IsoDate, to: IsoDate): Promise<TrafficTotal[]>;
  /** One page of the line's events that match, newest first. */
  searchTrafficEvents(criteria: TrafficCriteria, page: { offset: number; limit: number }): Promise<TrafficEventPage>;
}

type Post = <T>(operation: string, body: Record<string, unknown>, read: (payload: EbillRecord) => T) => Promise<T>;

const CATEGORIES: Record<string, TrafficCategory> = {
  Generico: 'GENERIC', Dati: 'DATA', 'Servizi interattivi': 'INTERACTIVE_SERVICES', Eventi: 'EVENTS',
  Voce: 'VOICE', 'SMS/MMS': 'SMS_MMS', 'Dati/Servizi a contenuto': 'DATA_AND_CONTENT',
};
const CATEGORY_NAMES = Object.fromEntries(Object.entries(CATEGORIES).map(([name, c]) => [c, name])) as Record<TrafficCategory, string>;
const CALL_TYPES: Record<string, CallType> = { AZIENDALE: 'COMPANY', PERSONALE: 'PERSONAL' };
const LEGACY_CALL_TYPES: Record<CallType, string> = { COMPANY: 'AZIENDALE', PERSONAL: 'PERSONALE' };
const SCOPES: Record<string, TrafficScope> = { NAZIONALE: 'NATIONAL', ROAMING: 'ROAMING' };
const KINDS: Record<string, KindOfTraffic> = { FONIA: 'VOICE', SMS: 'SMS', DATI: 'DATA', ALTRO: 'OTHER' };
const UNITS: Record<string, OptionBundle['unit']> = { MIN: 'MINUTES', SMS: 'SMS', MB: 'MB' };
const STATUSES: Record<string, EmployeeService['status']> = { ATTIVO: 'ACTIVE', SOSPESO: 'SUSPENDED', CESSATO: 'CEASED' };

/** A legacy word looked up in its table; an unknown one is an unusable answer, never a guess. */
function word<T>(table: Record<string, T>, r: EbillRecord, field: string): T {
  const value = table[text(r, field)];
  if (value === undefined) throw new UnusableAnswer(`unknown ${field} "${text(r, field)}"`);
  return value;
}

/** eBill prints "n.d." or nothing where it has no value. */
const optional = (r: EbillRecord, field: string) => (['', 'n.d.'].includes(text(r, field)) ? null : text(r, field));

/**
 * A called number as the pages show it: its last three digits hidden (3399902***). eBill already prints them so; the
 * adapter hides them again, so that a number never leaves the graph whole whatever eBill prints.
 */
export function maskedNumber(called: string | null): string | null {
  if (called === null || called.includes('*')) return called;
  return called.length > 5 ? `${called.slice(0, -3)}***` : `${called.slice(0, 2)}${'*'.repeat(Math.max(0, called.length - 2))}`;
}

/** `dd/mm/yyyy hh:mm:ss` → ISO 8601. */
function eventTime(legacy: string): IsoDateTime {
  const m = /^(\S+) (\d{2}):(\d{2}):(\d{2})$/.exec(legacy);
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) throw new UnusableAnswer(`unreadable timestamp "${legacy}"`);
  return `${isoDate(m[1])}T${m[2]}:${m[3]}:${m[4]}Z`;
}

const amountOrNull = (r: EbillRecord, field: string) => { const v = optional(r, field); return v === null ? null : decimal(v); };

const serviceFromEbill = (r: EbillRecord): EmployeeService => ({
  lineNumber: text(r, 'nrLinea'), description: text(r, 'descrizione'), activatedOn: isoDate(text(r, 'dtAtt')), status: word(STATUSES, r, 'stato'),
  employeeSharePercent: count(text(r, 'percDip')), monthlyFee: decimal(text(r, 'canone')),
});

const bundleFromEbill = (r: EbillRecord): OptionBundle => ({
  lineNumber: text(r, 'nrLinea'), option: text(r, 'opzione'), scope: word(SCOPES, r, 'ambito'), activatedOn: isoDate(text(r, 'dtAtt')),
  unit: word(UNITS, r, 'unita'), included: count(text(r, 'incluso')), used: count(text(r, 'consumato')),
});

const totalFromEbill = (r: EbillRecord): TrafficTotal => ({
  category: word(CATEGORIES, r, 'categoria'), callType: word(CALL_TYPES, r, 'tipoChiamata'), scope: word(SCOPES, r, 'ambito'),
  kind: word(KINDS, r, 'classe'), events: count(text(r, 'eventi')), amount: decimal(text(r, 'imp')),
});

const eventFromEbill = (r: EbillRecord): TrafficEvent => ({
  type: text(r, 'tipologia'), detail: optional(r, 'dettaglio'), calledNumber: maskedNumber(optional(r, 'chiamato')), operator: optional(r, 'operatore'),
  at: eventTime(text(r, 'dtOra')), duration: optional(r, 'durata'), volumeKb: optional(r, 'kbyte') === null ? null : count(text(r, 'kbyte')),
  grossAmount: amountOrNull(r, 'impLordo'), netAmount: amountOrNull(r, 'impNetto'), option: optional(r, 'opzione'), rating: optional(r, 'tariffazione'),
  category: word(CATEGORIES, r, 'categoria'), callType: word(CALL_TYPES, r, 'tipoChiamata'), scope: word(SCOPES, r, 'ambito'),
});

/** The criteria in eBill's words, for the JSON search and the file's query string alike. */
function legacyCriteria(c: TrafficCriteria) {
  return {
    nrLinea: c.lineNumber, dtDa: legacyDate(c.from), dtA: legacyDate(c.to), categorie: c.categories.map((x) => CATEGORY_NAMES[x]),
    tipoChiamata: c.callType === null ? '' : LEGACY_CALL_TYPES[c.callType], soloAPagamento: c.chargedOnly ? 'SI' : 'NO',
  };
}

const byLine = <T extends { lineNumber: string }>(lines: readonly string[], all: T[]) => lines.map((line) => all.filter((r) => r.lineNumber === line));

export function personalConsumptionCalls(post: Post): PersonalConsumptionClient {
  return {
    getEmployeeServices: async (lines) => (lines.length === 0 ? [] :
      byLine(lines, await post('linee/servizi-dipendente', { nrLinee: lines }, (p) => records(p, 'servizi').map(serviceFromEbill)))),
    getOptionBundles: async (lines) => (lines.length === 0 ? [] :
      byLine(lines, await post('linee/opzioni-attive', { nrLinee: lines }, (p) => records(p, 'opzioni').map(bundleFromEbill)))),
    getTrafficTotals: (lineNumber, from, to) => post('linee/traffico-riepilogo',
      { nrLinea: lineNumber, dtDa: legacyDate(from), dtA: legacyDate(to) }, (p) => records(p, 'riepilogo').map(totalFromEbill)),
    searchTrafficEvents: (criteria, { offset, limit }) => post('linee/traffico-dettaglio',
      // The graph's pages line up with eBill's: offsets are multiples of the page size (pageWindow's callers check it).
      { ...legacyCriteria(criteria), pag: Math.floor(offset / limit) + 1, dimPag: limit },
      (p) => {
        const totalCount = count(text(p, 'tot'));
        return { totalCount, reachable: Math.min(totalCount, count(text(p, 'max'))), items: records(p, 'eventi').map(eventFromEbill) };
      }),
  };
}

export type TrafficFileFormat = 'CSV' | 'XLSX';

/** Where eBill serves a detail as a file (the newest 3,000 events): a signed download link names it. */
export const trafficFilePath = (criteria: TrafficCriteria, format: TrafficFileFormat) => {
  const { nrLinea, categorie, ...rest } = legacyCriteria(criteria);
  const query = new URLSearchParams({ ...rest, categorie: categorie.join(',') });
  return `/ebill/v1/linee/${encodeURIComponent(nrLinea)}/traffico-dettaglio.${format.toLowerCase()}?${query}`;
};
