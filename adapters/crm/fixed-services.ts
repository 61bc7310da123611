import type { Address, FixedLineType, IsoDate, Page, RecordFilter } from '../domain';
import { batchesOf } from '../batches';
import { UnusableAnswer } from '../legacy-answer';
import { count, isoDate } from '../legacy-values';
import { crmPages } from './client';
import type { CrmCall } from './inventory';
import { address, filterParams, fixedType } from './mapping';
import { optionalRecord, records, text, texts, type CrmRecord } from './soap';

/**
 * Issue 21, the fixed side of "Linee e Servizi" as CRM holds it: the inventory grouped by site or by service
 * (`ConsistenzaLineeFisse`, FIX-01), the TiAvviso and IVR services of fixed lines (`GetServiziLineeFisse`, FIX-04),
 * the intelligent numbers' routing plans (`GetPianiInstradamento`, FIX-06) and the offers of fixed contracts
 * (`GetOfferteFisso`, FIX-07). Look-ups take at most 100 ids per call.
 */
export type FixedInventoryGrouping = 'SITE' | 'SERVICE';
export interface FixedInventoryGroup { site: Address | null; service: FixedLineType | null; lineCount: number; lineNumbers: string[] }

export type FixedServiceKind = 'TI_AVVISO' | 'IVR';
export interface FixedLineService { lineNumber: string; service: FixedServiceKind; active: boolean; activatedOn: IsoDate; setting: string }

export type IntelligentNumberKind = 'FREEPHONE' | 'SINGLE_NUMBER' | 'SHARED_COST';
export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
export interface RoutingPlan {
  number: string;
  kind: IntelligentNumberKind;
  destinations: { site: string; answeringNumber: string; percentage: number }[];
  authorisedCallers: string[];
  districts: string[];
  openingHours: { days: Weekday[]; from: string; to: string }[];
  closedOn: IsoDate[];
}

export interface FixedOffer { contractNumber: string; offer: string; tucontiProfile: string; officeEvolution: boolean }

export interface CrmFixed {
  /** A page of groups of the filter's fixed lines (an empty filter: none). */
  inventory(filter: RecordFilter, grouping: FixedInventoryGrouping, page: { offset: number; limit: number }): Promise<Page<FixedInventoryGroup>>;
  /** The services of each line, aligned with the numbers (none: an empty list). */
  getLineServices(numbers: readonly string[]): Promise<FixedLineService[][]>;
  /** The routing plan of each intelligent number, aligned with the numbers: null where the number has none. */
  getRoutingPlans(numbers: readonly string[]): Promise<(RoutingPlan | null)[]>;
  /** The offer of each fixed contract, aligned with the numbers: null where CRM records none. */
  getOffers(contractNumbers: readonly string[]): Promise<(FixedOffer | null)[]>;
}

const word = <T>(words: Record<string, T>, what: string) => (legacy: string): T => {
  const value = words[legacy];
  if (value === undefined) throw new UnusableAnswer(`unknown ${what} ${legacy}`);
  return value;
};
const serviceKind = word<FixedServiceKind>({ TIAVVISO: 'TI_AVVISO', IVR: 'IVR' }, 'fixed service');
const numberKind = word<IntelligentNumberKind>({ VERDE: 'FREEPHONE', UNICO: 'SINGLE_NUMBER', RIPARTITO: 'SHARED_COST' }, 'intelligent number kind');
const weekday = word<Weekday>({ LUN: 'MONDAY', MAR: 'TUESDAY', MER: 'WEDNESDAY', GIO: 'THURSDAY', VEN: 'FRIDAY', SAB: 'SATURDAY', DOM: 'SUNDAY' }, 'weekday');
/** Our weekdays in CRM's words, for the plan a change sends. */
export const CRM_WEEKDAY: Record<Weekday, string> = {
  MONDAY: 'LUN', TUESDAY: 'MAR', WEDNESDAY: 'MER', THURSDAY: 'GIO', FRIDAY: 'VEN', SATURDAY: 'SAB', SUNDAY: 'DOM',
};

function groupFromCrm(r: CrmRecord): FixedInventoryGroup {
  const service = texts(r, 'servizio')[0];
  return { site: address(optionalRecord(r, 'sede')), service: service ? fixedType(service) : null, lineCount: count(text(r, 'numeroLinee')), lineNumbers: texts(r, 'numeroLinea') };
}

function planFromCrm(r: CrmRecord): RoutingPlan {
  return {
    number: text(r, 'numero'),
    kind: numberKind(text(r, 'tipo')),
    destinations: records(r, 'sede').map((s) => ({ site: text(s, 'nome'), answeringNumber: text(s, 'numeroRisposta'), percentage: count(text(s, 'percentuale')) })),
    authorisedCallers: texts(r, 'cliAutorizzato'),
    districts: texts(r, 'distretto'),
    openingHours: records(r, 'fascia').map((f) => ({ days: texts(f, 'giorno').map(weekday), from: text(f, 'dalle'), to: text(f, 'alle') })),
    closedOn: texts(r, 'chiusura').map(isoDate),
  };
}

export function createCrmFixed(call: CrmCall, limit: number): CrmFixed {
  async function byBatches<T>(ids: readonly string[], operation: string, param: string, element: string, map: (r: CrmRecord) => T): Promise<T[]> {
    const answers = await Promise.all(batchesOf(ids, limit).map((batch) => call(operation, { [param]: batch }, (answer) => records(answer, element).map(map))));
    return answers.flat();
  }
  return {
    async inventory(filter, grouping, { offset, limit }) {
      if (!filter.companyIds?.length && !filter.contractNumbers?.length && !filter.lineNumbers?.length) return { totalCount: 0, items: [] };
      const pages = crmPages(offset, limit);
      const answers = await Promise.all(pages.numbers.map((page) => call('ConsistenzaLineeFisse', {
        filtro: filterParams(filter), raggruppamento: grouping === 'SITE' ? 'SEDE' : 'SERVIZIO', pagina: String(page), dimensionePagina: String(pages.size),
      }, (a) => ({ total: count(text(a, 'totale')), groups: records(a, 'gruppo').map(groupFromCrm) }))));
      const skipped = offset - (pages.numbers[0] - 1) * pages.size;
      return { totalCount: answers[0].total, items: answers.flatMap((a) => a.groups).slice(skipped, skipped + limit) };
    },
    async getLineServices(numbers) {
      const services = await byBatches(numbers, 'GetServiziLineeFisse', 'numero', 'servizioLinea', (r): FixedLineService => ({
        lineNumber: text(r, 'numeroLinea'), service: serviceKind(text(r, 'servizio')), active: text(r, 'stato') === 'ATTIVO',
        activatedOn: isoDate(text(r, 'dataAttivazione')), setting: text(r, 'impostazione'),
      }));
      return numbers.map((n) => services.filter((s) => s.lineNumber === n));
    },
    async getRoutingPlans(numbers) {
      const plans = new Map((await byBatches(numbers, 'GetPianiInstradamento', 'numero', 'numeroIntelligente', planFromCrm)).map((p) => [p.number, p]));
      return numbers.map((n) => plans.get(n) ?? null);
    },
    async getOffers(contractNumbers) {
      const offers = new Map((await byBatches(contractNumbers, 'GetOfferteFisso', 'numeroContratto', 'offertaFisso', (r): FixedOffer => ({
        contractNumber: text(r, 'numeroContratto'), offer: text(r, 'offerta'), tucontiProfile: text(r, 'profiloTuconti'), officeEvolution: text(r, 'evoluzioneUfficio') === 'SI',
      }))).map((o) => [o.contractNumber, o]));
      return contractNumbers.map((n) => offers.get(n) ?? null);
    },
  };
}
