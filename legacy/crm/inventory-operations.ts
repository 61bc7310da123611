import type { StandInReply } from '../runtime/server';
import {
  aggregateInventory, DETAIL_KINDS, detailPage, deviceXml, imeiOf, sacXml, stsXml, timTuoXml,
  type DetailSearch, type ListedKind, type DeviceRow, type SacRow, type StsRow, type TimTuoRow,
} from './inventory';
import { mobileLinesXml } from './line-services';
import { BATCH_LIMIT } from './operations';
import { invalidRequest, optionalText, record, soapAnswer, text, texts, type SoapRecord } from './soap';
import type { CrmStore, MobileLineRow } from './store';

/**
 * The inventory operations of the CRM stand-in (ARCHITECTURE.md, "CRM — inventory"):
 * - `GetConsistenzeAggregate` (`numeroContratto`* ≤100): per contract the six aggregates of seed 002 §7.2.1;
 * - `ListaConsistenze` (`tipo`, `numeroContratto`, `ricerca`, `pagina`, `dimensionePagina` ≤100): a page of §7.2.2;
 * - `GetImeiLinee` (`numero`* ≤100): the IMEI each line's SIM was last seen in.
 */
function limited(params: SoapRecord, name: string): string[] {
  const values = texts(params, name);
  if (values.length > BATCH_LIMIT) throw invalidRequest(`al massimo ${BATCH_LIMIT} ${name}`);
  return values;
}

function pageParam(params: SoapRecord, name: string, max: number): number {
  const n = Number(text(params, name));
  if (!Number.isInteger(n) || n < 1 || n > max) throw invalidRequest(`${name} fuori intervallo 1-${max}`);
  return n;
}

const SEARCH_FIELDS = ['numeroLinea', 'iccid', 'cognome', 'codiceDipendente', 'codiceFiscale', 'stato'] as const;

function searchOf(params: SoapRecord): DetailSearch {
  const ricerca = record(params, 'ricerca');
  return Object.fromEntries(SEARCH_FIELDS.map((f) => [f, optionalText(ricerca, f) ?? undefined]));
}

/** Each kind's answer element and how its rows print. */
const DETAIL_ELEMENTS: Record<ListedKind, { element: string; print: (store: CrmStore, rows: unknown[]) => unknown[] }> = {
  LINEE: { element: 'linea', print: (store, rows) => mobileLinesXml(store.db, rows as MobileLineRow[]) },
  STS: { element: 'sts', print: (_s, rows) => (rows as StsRow[]).map(stsXml) },
  TIMTUO_ABBONAMENTO: { element: 'timTuo', print: (_s, rows) => (rows as TimTuoRow[]).map(timTuoXml) },
  APPARATI: { element: 'apparato', print: (_s, rows) => (rows as DeviceRow[]).map(deviceXml) },
  SAC: { element: 'sac', print: (_s, rows) => (rows as SacRow[]).map(sacXml) },
};

export function inventoryOperations(store: CrmStore): Record<string, (params: SoapRecord) => StandInReply> {
  return {
    GetConsistenzeAggregate: (params) =>
      soapAnswer('GetConsistenzeAggregate', { consistenza: aggregateInventory(store.db, limited(params, 'numeroContratto')) }),

    ListaConsistenze(params) {
      const kind = text(params, 'tipo') as ListedKind;
      if (!DETAIL_KINDS.includes(kind)) throw invalidRequest(`tipo ammessi: ${DETAIL_KINDS.join(', ')}`);
      const size = pageParam(params, 'dimensionePagina', BATCH_LIMIT);
      const page = pageParam(params, 'pagina', Number.MAX_SAFE_INTEGER);
      const { total, rows } = detailPage(store.db, kind, text(params, 'numeroContratto'), searchOf(params), (page - 1) * size, size);
      const { element, print } = DETAIL_ELEMENTS[kind];
      return soapAnswer('ListaConsistenze', { totale: String(total), [element]: print(store, rows) });
    },

    GetImeiLinee: (params) => soapAnswer('GetImeiLinee', { imei: imeiOf(store.db, limited(params, 'numero')) }),
  };
}
