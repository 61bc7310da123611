import type { Manual, RecordFilter, RequestWithDetail, ServicePoint } from '../domain';
import { filterParams, requestFromCrm } from './mapping';
import { optionalText, records, text, type CrmRecord, type SoapParams } from './soap';

/**
 * Issue 13: CRM's assistance operations (ARCHITECTURE.md "Legacy protocols", CRM): service points, manuals, device
 * tickets and call backs, mapped to domain types. A read each; nothing here writes (changes go through CreaPratica).
 */
export interface CrmAssistance {
  /** The service points of a province, or of a town in it; at most 15, as CRM serves them. */
  servicePoints(province: string, town: string | null): Promise<ServicePoint[]>;
  manuals(): Promise<Manual[]>;
  /** The last 30 device tickets of the filter's records, newest first; an empty filter matches nothing. */
  tickets(filter: RecordFilter): Promise<RequestWithDetail[]>;
  /** The call backs this CRM user booked, newest first. */
  callBacks(userId: string): Promise<RequestWithDetail[]>;
}

type Call = <R>(operation: string, params: SoapParams, read: (answer: CrmRecord) => R) => Promise<R>;

const withDetail = (r: CrmRecord): RequestWithDetail => ({
  request: requestFromCrm(r),
  detail: Object.fromEntries(records(r, 'parametro').map((p) => [text(p, 'nome'), optionalText(p, 'valore') ?? ''])),
});

const servicePointFromCrm = (p: CrmRecord): ServicePoint => ({
  id: text(p, 'id'), name: text(p, 'nome'), address: text(p, 'indirizzo'), postalCode: text(p, 'cap'), town: text(p, 'comune'),
  province: text(p, 'provincia'), phone: text(p, 'telefono'), openingHours: text(p, 'orari'),
});

const manualFromCrm = (m: CrmRecord): Manual => ({ code: text(m, 'codice'), title: text(m, 'titolo'), fileName: text(m, 'nomeFile'), path: text(m, 'percorso') });

const isEmpty = (f: RecordFilter) => !f.companyIds?.length && !f.contractNumbers?.length && !f.lineNumbers?.length;

export function crmAssistance(call: Call): CrmAssistance {
  return {
    servicePoints: (province, town) => call('ListaPuntiAssistenza', { provincia: province, ...(town && { comune: town }) },
      (answer) => records(answer, 'puntoAssistenza').map(servicePointFromCrm)),
    manuals: () => call('ListaManuali', {}, (answer) => records(answer, 'manuale').map(manualFromCrm)),
    tickets: async (filter) => (isEmpty(filter) ? [] : call('ListaTicket', { filtro: filterParams(filter) }, (answer) => records(answer, 'ticket').map(withDetail))),
    callBacks: (userId) => call('ListaRichiamate', { utente: userId }, (answer) => records(answer, 'richiamata').map(withDetail)),
  };
}

/**
 * Where CRM serves the ticket list of `filter` as a spreadsheet (§7.7.7's .xls download; legacy/crm/ticket-file.ts):
 * the path of a signed download link, which the gateway fetches with CRM's credentials.
 */
export function ticketFilePath(filter: RecordFilter): string {
  const query = new URLSearchParams({
    clienti: (filter.companyIds ?? []).join(','), contratti: (filter.contractNumbers ?? []).join(','), linee: (filter.lineNumbers ?? []).join(','),
  });
  return `/crm/ticket/ticket.xlsx?${query}`;
}
