import { LegacyFault, type StandInReply } from '../runtime/server';
import { parseLegacyDate } from '../runtime/clock';
import { companyXml, contractXml, fixedLineXml, orderXml, requestXml, userXml } from './answers';
import { withCessations } from './line-cessation';
import { withMoves } from './line-move';
import { mobileLinesXml } from './line-services';
import { invalidRequest, optionalText, record, soapAnswer, text, texts, type SoapRecord } from './soap';
import { isoDate, type CrmFilter, type CrmStore, type LineOrder } from './store';

/** CRM serves at most 100 ids per call, in a lookup or in each part of a `filtro`. */
export const BATCH_LIMIT = 100;
const LINE_ORDERS: readonly LineOrder[] = ['NUMERO', 'STATO', 'DATA_ATTIVAZIONE'];

export const notFoundFault = (what: string) => new LegacyFault(500, 'SBL-DAT-00225', `Nessun record trovato: ${what}`);

function ids(params: SoapRecord, name: string): string[] {
  const values = texts(params, name);
  if (values.length > BATCH_LIMIT) {
    throw new LegacyFault(500, 'SBL-BAT-00001', `Superato il numero massimo di elementi (${BATCH_LIMIT}) per ${name}`);
  }
  return values;
}

export function filterOf(params: SoapRecord): CrmFilter {
  const filtro = record(params, 'filtro');
  return { customers: ids(filtro, 'codiceCliente'), contracts: ids(filtro, 'numeroContratto'), lines: ids(filtro, 'numeroLinea') };
}

function positiveInt(params: SoapRecord, name: string, max: number): number {
  const n = Number(text(params, name));
  if (!Number.isInteger(n) || n < 1 || n > max) throw invalidRequest(`${name} fuori intervallo 1-${max}`);
  return n;
}

function dateParam(params: SoapRecord, name: string): string {
  const d = parseLegacyDate(text(params, name));
  if (!d) throw invalidRequest(`${name} deve essere gg/mm/aaaa`);
  return isoDate(d);
}

function lineListing(params: SoapRecord) {
  const order = (optionalText(params, 'ordinamento') ?? 'NUMERO') as LineOrder;
  if (!LINE_ORDERS.includes(order)) throw invalidRequest(`ordinamento ammessi: ${LINE_ORDERS.join(', ')}`);
  const size = positiveInt(params, 'dimensionePagina', BATCH_LIMIT);
  const page = positiveInt(params, 'pagina', Number.MAX_SAFE_INTEGER);
  return { filter: filterOf(params), order, offset: (page - 1) * size, limit: size };
}

/** The read operations, by name; each takes the parsed body element and answers in CRM's format. */
export function readOperations(store: CrmStore): Record<string, (params: SoapRecord) => StandInReply> {
  const answer = (operation: string) => (content: Record<string, unknown>) => soapAnswer(operation, content);
  return {
    GetProfiloUtente(params) {
      const id = text(params, 'idUtente');
      const found = store.user(id);
      if (!found) throw notFoundFault(`utente ${id}`);
      return answer('GetProfiloUtente')({ utente: userXml(found.user, found.grants) });
    },
    GetAziende: (params) => answer('GetAziende')({ azienda: store.companies(ids(params, 'codiceCliente')).map(companyXml) }),
    GetContratti: (params) => answer('GetContratti')({ contratto: store.contracts(ids(params, 'numero')).map(contractXml) }),
    ListaContratti(params) {
      const rows = store.listContracts(filterOf(params));
      return answer('ListaContratti')({ totale: String(rows.length), contratto: rows.map(contractXml) });
    },
    GetLineeMobili: (params) => answer('GetLineeMobili')({ linea: withCessations(store.db, mobileLinesXml(store.db, store.mobileLines(ids(params, 'numero')))) }),
    ListaLineeMobili(params) {
      const q = lineListing(params);
      const { total, rows } = store.listMobileLines(q.filter, q.order, q.offset, q.limit);
      return answer('ListaLineeMobili')({ totale: String(total), linea: withCessations(store.db, mobileLinesXml(store.db, rows)) });
    },
    GetLineeFisse: (params) => answer('GetLineeFisse')({ linea: withMoves(store.db, withCessations(store.db, store.fixedLines(ids(params, 'numero')).map(fixedLineXml))) }),
    ListaLineeFisse(params) {
      const q = lineListing(params);
      const { total, rows } = store.listFixedLines(q.filter, q.order, q.offset, q.limit);
      return answer('ListaLineeFisse')({ totale: String(total), linea: withMoves(store.db, withCessations(store.db, rows.map(fixedLineXml))) });
    },
    GetOrdini: (params) => answer('GetOrdini')({ ordine: store.orders(ids(params, 'id')).map(orderXml) }),
    ListaOrdini: (params) =>
      answer('ListaOrdini')({ ordine: store.listOrders(filterOf(params), dateParam(params, 'dal'), dateParam(params, 'al')).map(orderXml) }),
    GetPratiche: (params) => answer('GetPratiche')({ pratica: store.requests(ids(params, 'id')).map(requestXml) }),
    ListaPratiche: (params) =>
      answer('ListaPratiche')({ pratica: store.listRequests(filterOf(params), dateParam(params, 'dal'), dateParam(params, 'al')).map(requestXml) }),
  };
}
