import type { Db } from '../runtime/db';
import { KRISHNA_TICKETS } from '../data/assistance-reference';
import { keepRequestParameters, requestParameters } from './request-parameters';
import { filterClause, isoDate, type CrmFilter, type RequestRow } from './store';

/**
 * Issue 13: what CRM keeps for the assistance pages. A device ticket (seed 002 §7.7.6) is a pratica
 * "Apertura tk servizio all risk" whose detail (event, IMEI, delivery at the customer's site or at a service point,
 * contact) is kept with it as its parameters (`parametri_pratica`); a call back booked from the contacts page
 * (§7.7.3) is a pratica "Richiesta contatto" whose parameters say `canale` RICHIAMATA and who booked it
 * (`richiedente`, the CRM user id), so that the user sees his own bookings and nobody else's.
 */
export const TICKET_DESCRIPTION = 'Apertura tk servizio all risk';
export const CONTACT_DESCRIPTION = 'Richiesta contatto';
/** "I Ticket visualizzati sono gli ultimi 30 in ordine cronologico decrescente" (§7.7.7). */
export const TICKETS_SHOWN = 30;
const CALL_BACKS_SHOWN = 30;

export function seedTickets(db: Db, insertRequest: (db: Db, r: RequestRow) => void): void {
  for (const t of KRISHNA_TICKETS()) {
    insertRequest(db, {
      id: t.id, tipo: TICKET_DESCRIPTION.toUpperCase(), descrizione: TICKET_DESCRIPTION, numero_contratto: t.contract, numero_linea: null,
      codice_cliente: t.customerCode, origine: 'CONSIP8', stato: t.status, data_apertura: isoDate(t.openedOn),
      data_chiusura: t.closedOn && isoDate(t.closedOn), id_ordine: null,
    });
    keepRequestParameters(db, t.id, Object.entries(t.parameters));
  }
}

export interface RequestWithParameters { request: RequestRow; parameters: { name: string; value: string }[] }
const withParameters = (db: Db) => (request: RequestRow): RequestWithParameters => ({ request, parameters: requestParameters(db, request.id) });

/** The last 30 device tickets of the filter's customers, contracts and lines, newest first, with their detail. */
export function listTickets(db: Db, filter: CrmFilter): RequestWithParameters[] {
  const { where, params } = filterClause([['codice_cliente', filter.customers], ['numero_contratto', filter.contracts], ['numero_linea', filter.lines]]);
  const rows = db.prepare(`SELECT * FROM pratiche WHERE descrizione = ? AND ${where} ORDER BY data_apertura DESC, id DESC LIMIT ?`)
    .all(TICKET_DESCRIPTION, ...params, TICKETS_SHOWN) as RequestRow[];
  return rows.map(withParameters(db));
}

/** The call backs a user booked, newest first: pratiche "Richiesta contatto" he asked for on the RICHIAMATA channel. */
export function listCallBacks(db: Db, userId: string): RequestWithParameters[] {
  const rows = db.prepare(`SELECT p.* FROM pratiche p
    JOIN parametri_pratica r ON r.id_pratica = p.id AND r.nome = 'richiedente' AND r.valore = ?
    JOIN parametri_pratica c ON c.id_pratica = p.id AND c.nome = 'canale' AND c.valore = 'RICHIAMATA'
    WHERE p.descrizione = ? ORDER BY p.data_apertura DESC, p.id DESC LIMIT ?`).all(userId, CONTACT_DESCRIPTION, CALL_BACKS_SHOWN) as RequestRow[];
  return rows.map(withParameters(db));
}
