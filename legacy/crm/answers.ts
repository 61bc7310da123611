import { legacyDate, nextMonth } from '../runtime/clock';
import { legacyAmount } from '../runtime/amount';
import type { CompanyRow, ContractRow, FixedLineRow, GrantRow, MobileLineRow, OrderRow, RequestRow, UserRow } from './store';

/**
 * Rows as CRM prints them: its own element names, `dd/mm/yyyy`, empty elements for missing values (Siebel never
 * omits a field), statuses in its own words.
 */
const date = (iso: string | null) => (iso ? legacyDate(new Date(`${iso}T12:00:00Z`)) : '');
const orEmpty = (value: string | null) => value ?? '';
const address = (r: { indirizzo: string; cap: string; comune: string; provincia: string }) =>
  ({ indirizzo: r.indirizzo, cap: r.cap, comune: r.comune, provincia: r.provincia });

export const userXml = (u: UserRow, grants: GrantRow[]) => ({
  id: u.id, username: u.username, nome: u.nome, cognome: u.cognome, codiceFiscale: u.codice_fiscale,
  cellulare: orEmpty(u.cellulare), email: orEmpty(u.email), stato: u.stato,
  abilitazione: grants.map((g) => ({ profilo: g.profilo, tipoAmbito: g.tipo_ambito, ambito: g.ambito })),
});

export const companyXml = (c: CompanyRow) => ({
  codiceCliente: c.codice_cliente, ragioneSociale: c.ragione_sociale, codiceFiscale: c.codice_fiscale,
  sedeLegale: address(c),
  rappresentanteLegale: c.rl_cognome
    ? { nome: orEmpty(c.rl_nome), cognome: c.rl_cognome, codiceFiscale: orEmpty(c.rl_codice_fiscale), email: orEmpty(c.rl_email), cellulare: orEmpty(c.rl_cellulare) }
    : '',
  emailComunicazioniFisso: orEmpty(c.email_fisso), gruppo: orEmpty(c.gruppo),
});

export const contractXml = (c: ContractRow) => ({
  numero: c.numero, tipo: c.tipo, codiceCliente: c.codice_cliente, codiceClienteFatturazione: orEmpty(c.codice_cliente_fatturazione),
  stato: c.stato, dataAttivazione: date(c.data_attivazione), dataCessazione: date(c.data_cessazione), numeroLinee: String(c.numero_linee),
  codiceDestinatario: orEmpty(c.codice_destinatario), convenzione: orEmpty(c.convenzione),
});

export const mobileLineXml = (l: MobileLineRow) => ({
  numero: l.numero, numeroContratto: l.numero_contratto, codiceCliente: l.codice_cliente, iccid: l.iccid, stato: l.stato,
  pianoTariffario: l.piano_tariffario, tipoLinea: l.tipo_linea, dataAttivazione: date(l.data_attivazione), dataCessazione: date(l.data_cessazione),
  oneNumber: l.one_number_ruolo ? { ruolo: l.one_number_ruolo, iccid: JSON.parse(l.one_number_iccid ?? '[]') as string[] } : '',
  ricaricaAutomatica: l.ricarica_automatica ? { modalita: l.ricarica_automatica, meseVariato: pendingMonth(l.ricarica_variata_mese) } : '',
  ricaricaAziendale: l.ricarica_aziendale ? companyRechargeXml(JSON.parse(l.ricarica_aziendale) as CompanyRecharge) : '',
});

/** A month's change is printed until that month is over; then the standing mode is the whole story again. */
const pendingMonth = (month: string | null) => (month && month >= nextMonth() ? month : '');

export interface CompanyRecharge { tipo: 'TEMPO' | 'SOGLIA'; importoCent: number; giorni?: number; sogliaCent?: number }

const companyRechargeXml = (r: CompanyRecharge) => ({
  tipo: r.tipo, importo: legacyAmount(r.importoCent), giorni: r.giorni === undefined ? '' : String(r.giorni),
  soglia: r.sogliaCent === undefined ? '' : legacyAmount(r.sogliaCent),
});

export const fixedLineXml = (l: FixedLineRow) => ({
  numero: l.numero, numeroContratto: l.numero_contratto, codiceCliente: l.codice_cliente, stato: l.stato, tipoLinea: l.tipo_linea,
  sede: address(l),
});

export const orderXml = (o: OrderRow) => ({
  id: o.id, numeroContratto: orEmpty(o.numero_contratto), numeroLinea: orEmpty(o.numero_linea), codiceCliente: o.codice_cliente,
  tipo: o.tipo, descrizione: o.descrizione, canale: o.canale, stato: o.stato, statoSpedizione: orEmpty(o.stato_spedizione),
  dataCreazione: date(o.data_creazione), idPratica: orEmpty(o.id_pratica),
  elemento: (JSON.parse(o.elementi) as { description: string; status: string }[]).map((e) => ({ descrizione: e.description, stato: e.status })),
});

export const requestXml = (r: RequestRow) => ({
  id: r.id, tipo: r.tipo, descrizione: r.descrizione, numeroContratto: orEmpty(r.numero_contratto), numeroLinea: orEmpty(r.numero_linea),
  codiceCliente: r.codice_cliente, origine: r.origine, stato: r.stato, dataApertura: date(r.data_apertura),
  dataChiusura: date(r.data_chiusura), idOrdine: orEmpty(r.id_ordine),
});
