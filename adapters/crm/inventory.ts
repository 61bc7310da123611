import type { LineStatus, MobileLine, Page } from '../domain';
import type {
  ContractInventory, ContractServiceItem, DeviceItem, InventorySearch, LineServiceItem, TimTuoLine,
} from '../inventory-domain';
import { batchesOf } from '../batches';
import { count, decimal, optionalIsoDate } from '../legacy-values';
import { CRM_BATCH_LIMIT, crmPages } from './client';
import { lineStatus, mobileLineFromCrm } from './mapping';
import { optionalText, records, text, type CrmRecord, type SoapParams } from './soap';

/**
 * The CM8 inventory in CRM (seed 002 §7.2; ARCHITECTURE.md "CRM — inventory"): the aggregates CRM computes
 * (`GetConsistenzeAggregate`, several contracts per call), the detail pages (`ListaConsistenze`, one contract, one
 * page of at most 100) and the IMEI look-up (`GetImeiLinee`, at most 100 lines per call).
 */
/** One CRM call as the client makes it (client.ts): a fault "not found" goes to `onNotFound` when given. */
export type CrmCall = <R, N = never>(operation: string, params: SoapParams, read: (answer: CrmRecord) => R, onNotFound?: () => N) => Promise<R | N>;


const counted = (r: CrmRecord) => ({ count: count(text(r, 'totale')), status: lineStatus(text(r, 'stato')) });
const service = (r: CrmRecord) => ({ ...counted(r), description: text(r, 'descrizione') });

function inventoryFromCrm(r: CrmRecord): ContractInventory {
  return {
    contractNumber: text(r, 'numeroContratto'),
    lines: records(r, 'linee').map((g) => ({ ...counted(g), tariffPlan: text(g, 'pianoTariffario') })),
    lineServices: records(r, 'sts').map(service),
    timTuoPostpaid: records(r, 'timTuoAbbonamento').map(counted),
    timTuoPrepaid: records(r, 'timTuoRicaricabile').map(counted),
    devices: records(r, 'apparati').map((g) => ({ ...counted(g), nmuCode: text(g, 'codiceNmu'), serviceType: text(g, 'tipoServizio') })),
    contractServices: records(r, 'sac').map(service),
  };
}

const dates = (r: CrmRecord) => ({ activatedOn: optionalIsoDate(text(r, 'dataAttivazione')), ceasedOn: optionalIsoDate(text(r, 'dataCessazione')) });

const lineServiceFromCrm = (r: CrmRecord): LineServiceItem => ({
  lineNumber: text(r, 'numeroLinea'), description: text(r, 'descrizione'), apn: optionalText(r, 'apn'), ...dates(r),
  status: lineStatus(text(r, 'stato')), chargedToEntePercent: count(text(r, 'percentualeEnte')), monthlyFee: decimal(text(r, 'canone')),
});

const timTuoFromCrm = (r: CrmRecord): TimTuoLine => ({
  lineNumber: text(r, 'numeroLinea'), employeeCode: text(r, 'codiceDipendente'), employeeLastName: text(r, 'cognome'),
  employeeFirstName: text(r, 'nome'), employeeTaxCode: text(r, 'codiceFiscale'), ...dates(r), status: lineStatus(text(r, 'stato')),
});

const deviceFromCrm = (r: CrmRecord): DeviceItem => ({
  id: text(r, 'id'), lineNumber: text(r, 'numeroLinea'), nmuCode: text(r, 'codiceNmu'), serviceType: text(r, 'tipoServizio'),
  activatedOn: optionalIsoDate(text(r, 'dataAttivazione')), status: lineStatus(text(r, 'stato')),
});

const contractServiceFromCrm = (r: CrmRecord): ContractServiceItem => ({
  description: text(r, 'descrizione'), activatedOn: optionalIsoDate(text(r, 'dataAttivazione')), status: lineStatus(text(r, 'stato')),
});

/** Each detail list: CRM's `tipo`, its answer element and the mapping of a row. */
export const INVENTORY_DETAILS = {
  lines: { tipo: 'LINEE', element: 'linea', map: mobileLineFromCrm as (r: CrmRecord) => MobileLine },
  lineServices: { tipo: 'STS', element: 'sts', map: lineServiceFromCrm },
  timTuoPostpaid: { tipo: 'TIMTUO_ABBONAMENTO', element: 'timTuo', map: timTuoFromCrm },
  devices: { tipo: 'APPARATI', element: 'apparato', map: deviceFromCrm },
  contractServices: { tipo: 'SAC', element: 'sac', map: contractServiceFromCrm },
} as const;
export type InventoryDetail = keyof typeof INVENTORY_DETAILS;
export type InventoryItem<K extends InventoryDetail> = ReturnType<(typeof INVENTORY_DETAILS)[K]['map']>;

const CRM_SEARCH: Record<keyof InventorySearch, string> = {
  lineNumber: 'numeroLinea', iccid: 'iccid', lastName: 'cognome', employeeCode: 'codiceDipendente', taxCode: 'codiceFiscale', status: 'stato',
};
/** Our line states in CRM's words, for the `stato` search. */
const CRM_STATUS: Record<LineStatus, string> = { ACTIVE: 'ATTIVO', FROZEN: 'CONGELATO', SUSPENDED: 'SOSPESO', CEASED: 'CESSATO' };
const crmSearchValue = (field: keyof InventorySearch, value: string) => (field === 'status' ? CRM_STATUS[value as LineStatus] : value);

export interface CrmInventory {
  /** Aligned with the contract numbers: null where CRM holds no such contract. Calls of at most 100 contracts. */
  getAggregates(contractNumbers: readonly string[]): Promise<(ContractInventory | null)[]>;
  /** One page (limit ≤ 100, offset a multiple of limit, as the graph's pages are) of a contract's detail list. */
  listDetail<K extends InventoryDetail>(kind: K, contractNumber: string, search: InventorySearch,
    page: { offset: number; limit: number }): Promise<Page<InventoryItem<K>>>;
  /** Aligned with the line numbers: null where the line has no IMEI (ceased or unknown). */
  getImeis(lineNumbers: readonly string[]): Promise<(string | null)[]>;
}

export function createCrmInventory(call: CrmCall): CrmInventory {
  return {
    async getAggregates(contractNumbers) {
      const answers = await Promise.all(batchesOf(contractNumbers, CRM_BATCH_LIMIT).map((batch) =>
        call('GetConsistenzeAggregate', { numeroContratto: batch }, (a) => records(a, 'consistenza').map(inventoryFromCrm))));
      const byContract = new Map(answers.flat().map((i) => [i.contractNumber, i]));
      return contractNumbers.map((n) => byContract.get(n) ?? null);
    },

    async listDetail(kind, contractNumber, search, { offset, limit }) {
      const { tipo, element, map } = INVENTORY_DETAILS[kind];
      const ricerca = Object.fromEntries(Object.entries(search).filter(([, v]) => v)
        .map(([k, v]) => [CRM_SEARCH[k as keyof InventorySearch], crmSearchValue(k as keyof InventorySearch, v as string)]));
      const pages = crmPages(offset, limit);
      const answers = await Promise.all(pages.numbers.map((pagina) => call('ListaConsistenze', {
        tipo, numeroContratto: contractNumber, ricerca, pagina: String(pagina), dimensionePagina: String(pages.size),
      }, (a) => ({ total: count(text(a, 'totale')), items: records(a, element).map(map as (r: CrmRecord) => InventoryItem<typeof kind>) }))));
      const skipped = offset - (pages.numbers[0] - 1) * pages.size;
      return { totalCount: answers[0].total, items: answers.flatMap((a) => a.items).slice(skipped, skipped + limit) };
    },

    async getImeis(lineNumbers) {
      const answers = await Promise.all(batchesOf(lineNumbers, CRM_BATCH_LIMIT).map((batch) =>
        call('GetImeiLinee', { numero: batch }, (a) => records(a, 'imei').map((r) => [text(r, 'numero'), text(r, 'imei')] as const))));
      const byLine = new Map(answers.flat());
      return lineNumbers.map((n) => byLine.get(n) ?? null);
    },
  };
}

/** Where CRM serves a contract's price list (its convention's PDF); the gateway fetches it for a signed link. */
export const priceListPath = (contractNumber: string) => `/crm/contratti/${encodeURIComponent(contractNumber)}/listino.pdf`;
