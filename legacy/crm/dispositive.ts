import { LegacyFault, type StandInReply } from '../runtime/server';
import { today } from '../runtime/clock';
import { orderXml, requestXml } from './answers';
import { claimRequestAttachments } from './attachment-operations';
import { applyEffect, type Parameters } from './effects';
import { notFoundFault } from './operations';
import { invalidRequest, optionalText, records, soapAnswer, text, xmlReply, type SoapRecord } from './soap';
import { isoDate, type CrmStore, type OrderRow, type RequestRow } from './store';
import { keepRequestParameters } from './request-parameters';
import { checkListKey, rememberListKey, type ListKey } from './list-keys';
import { answerThroughNaturalKey, firstUnderNaturalKey, rememberNaturalKey } from './natural-keys';
import { resolveTarget } from './targets';
import { COMPANY_USER_DESCRIPTIONS } from './company-users';
import { LINE_SWITCH_PRATICHE } from './line-switched-services';

/**
 * CreaPratica: every dispositive operation of the portals is a pratica, and some also an ordine. The caller says
 * which (`ordine` SI/NO, from seed 002 §10 "Appendice 1"): the same description has rows with and without an ordine
 * ("Cessazione TIM TUO", "Domiciliazione tim tuo", "Pagamento bollettino"), so CRM cannot infer it.
 *
 * Idempotency: `chiaveIdempotenza` is kept with `impronta`, the caller's fingerprint of what was asked (operation,
 * target, input). The same key with the same fingerprint answers the first outcome and writes nothing; the same key
 * with another fingerprint is refused (SBL-IDM-00409), never answered with another request's outcome.
 * `chiaveNaturale` (optional): the fact the pratica records, unique per description whatever the idempotency keys
 * (natural-keys.ts): a second request for a recorded fact is answered the pratica that records it.
 * `chiaveLista` + `improntaLista` (optional): the client's key of a list of pratiche and the list's fingerprint
 * (list-keys.ts): the key used for another list is refused (SBL-IDM-00409) before anything else is looked at.
 * `motivo` is free text for the back office: no operation reads it back, so the stand-in does not keep it.
 */
const DESCRIPTIONS: ReadonlySet<string> = new Set([
  'Referenti', 'Modifica recapito rendiconto', 'Modifica recapito doc traffico', 'Conferma ricarica aziendale',
  'Rinuncia ricarica aziendale', 'Richiesta ricarica aziendale', 'Modif abilit over-ext bundle', 'Attivazione differita SIM',
  'Furto/Smarrimento SIM', 'Ritrovamento SIM', 'Cambio SIM', 'Servizi di rete', 'Servizio RIF', 'Scorta calda SIM', 'Blocco Imei',
  'Attivazione TIM TUO Azienda', 'Attivazione opzioni TIM TUO', 'Cessazione TIM TUO', 'Cessazione opzioni TIM TUO',
  'Attivazione soglie di spesa', 'Variazione soglie di spesa', 'Cambio tipo soglia dati EXTUE', 'Cessazione soglie di spesa',
  'Richiesta contatto', 'Configurazione terminali', 'Apertura tk servizio all risk', 'Assistenza su servizi', 'Ricarica manuale web/app',
  'Domiciliazione tim tuo', 'Pagamento bollettino', 'Modifica dati di fatturazione', 'Domiciliazioni - modifica',
  'Domiciliazioni - attivazione', 'Timtuoric-attiv pacc traff naz', 'Timtuoric-attiv pac traf extue', 'Timtuoric-attiv plaf dati naz',
  'Timtuoric-att plaf dati extue', 'Timtuoric-cess pacc traff naz', 'Timtuoric-cess pac traf extue', 'Timtuoric-cess plaf dati naz',
  'Timtuoric-cess plaf dati extue',
  // Issue 22: an invoice paid online in the Area Clienti (BIL-04), one per invoice (chiaveNaturale: the invoice).
  'Pagamento online fattura',
  // Issue 22: a payment made elsewhere reported with its receipt (BIL-04), one per invoice.
  'Segnalazione pagamento fattura',
  // Issue 22: two fixed invoices of one bimester merged into one PDF by EBPFA (BIL-07), one per pair.
  'Unione fatture in PDF',
  // Issue 21: the Area Clienti's changes of lines (schema/area-clienti-changes.yaml).
  'Cessazione linea', 'Revoca cessazione linea', 'Attivazione NoCarta', 'Cessazione NoCarta', 'Domiciliazione pagamento',
  'Trasloco linea fissa',
  // Issue 20: the legal representative's user console (company-users.ts).
  ...COMPANY_USER_DESCRIPTIONS,
  // Issue 21 (h21-fixed): End User Control, the fixed lines' TiAvviso and IVR, the report of unwanted calls.
  'Variazione piano instradamento', 'Attivazione servizio linea fissa', 'Disattivazione servizio linea fissa', 'Segnalazione chiamate indesiderate',
  // Issue 21 (h21-mobile): a line moved to another contract (MOB-17).
  'Spostamento linea',
  // Issue 21 (h21-mobile): the premium services and the black list (MOB-06).
  'Blocco servizio premium', 'Sblocco servizio premium', 'Inserimento black list', 'Rimozione black list',
  // SMS solidale and TIMDUO, the services on the contract switched line by line (line-switched-services.ts).
  ...LINE_SWITCH_PRATICHE,
  // Issue 20: the company's data of "Dati Aziendali" (company-data.ts).
  'Modifica sede legale', 'Modifica email comunicazioni fisso', 'Modifica codice destinatario',
  // Issue 21 (MOB-20): an offer of "Offerte per te" activated (campaigns.ts).
  'Attivazione offerta',
]);

/** Pratica and ordine ids grow from these bases with the progressive of CreaPratica. */
const REQUEST_ID_BASE = 65_000_000_000;
const ORDER_ID_BASE = 75_000_000_000;

const keyReused = (key: string) =>
  new LegacyFault(500, 'SBL-IDM-00409', `Chiave di idempotenza ${key} già usata per una richiesta diversa`);

const factRecorded = (description: string, naturalKey: string) =>
  new LegacyFault(500, 'SBL-BRL-00130', `Pratica "${description}" già presente per ${naturalKey} con dati diversi`);

/**
 * The first answer under this key (its own pratica, or the one a business key answered it), if its fingerprint
 * matches; a fault when the key was used for something else.
 */
function previousAnswer(store: CrmStore, key: string, fingerprint: string): string | null {
  const previous = store.answerFor(key) ?? answerThroughNaturalKey(store.db, key);
  if (previous && previous.fingerprint !== fingerprint) throw keyReused(key);
  return previous?.answer ?? null;
}

function parametersOf(params: SoapRecord): Parameters {
  return new Map(records(params, 'parametro').map((p) => [text(p, 'nome'), typeof p.valore === 'string' ? p.valore : ''] as const));
}

function listKeyOf(params: SoapRecord): ListKey | null {
  const key = optionalText(params, 'chiaveLista');
  return key === null ? null : { key, fingerprint: text(params, 'improntaLista') };
}

function withOrder(params: SoapRecord): boolean {
  const value = text(params, 'ordine');
  if (value !== 'SI' && value !== 'NO') throw invalidRequest('ordine ammessi: SI, NO');
  return value === 'SI';
}

/**
 * The pratica that already records this fact (`chiaveNaturale`), now also the answer under this request's key; null
 * when the fact is new. Asking something else about a recorded fact is refused.
 */
function recordedFact(store: CrmStore, description: string, naturalKey: string | null, key: string, fingerprint: string): string | null {
  if (naturalKey === null) return null;
  const first = firstUnderNaturalKey(store.db, description, naturalKey);
  if (!first) return null;
  if (first.fingerprint !== fingerprint) throw factRecorded(description, naturalKey);
  rememberNaturalKey(store.db, description, naturalKey, { key, fingerprint, answer: first.answer });
  return first.answer;
}

export function createRequest(store: CrmStore, params: SoapRecord): StandInReply {
  const key = text(params, 'chiaveIdempotenza');
  const fingerprint = text(params, 'impronta');
  const naturalKey = optionalText(params, 'chiaveNaturale');
  const description = text(params, 'descrizione');
  const channel = text(params, 'canale');
  const ordered = withOrder(params);
  const parameters = parametersOf(params);
  if (!DESCRIPTIONS.has(description)) throw invalidRequest(`descrizione pratica "${description}" non prevista`);

  // One transaction: the idempotency key, the pratica, the ordine and the effect are written together or not at
  // all, and a retry with the same key finds the first answer instead of writing again.
  const list = listKeyOf(params);
  return store.transaction(() => {
    checkListKey(store.db, list);
    const previous = previousAnswer(store, key, fingerprint) ?? recordedFact(store, description, naturalKey, key, fingerprint);
    if (previous) {
      rememberListKey(store.db, list);
      return xmlReply(200, previous);
    }

    const target = resolveTarget(store, params);
    if (target.mobileLine?.stato === 'CESSATO') {
      throw new LegacyFault(500, 'SBL-BRL-00110', `Operazione "${description}" non ammessa: linea ${target.mobileLine.numero} cessata`);
    }
    const attachments = claimRequestAttachments(store, params);
    const done = applyEffect(store, description, target, parameters);

    const progressive = store.nextProgressive();
    const on = isoDate(today());
    const request: RequestRow = {
      id: `7-${REQUEST_ID_BASE + progressive}`, tipo: description.toUpperCase(), descrizione: description,
      numero_contratto: target.contract, numero_linea: target.line, codice_cliente: target.customer, origine: channel,
      stato: done ? 'Chiuso' : 'Aperto', data_apertura: on, data_chiusura: done ? on : null,
      id_ordine: ordered ? String(ORDER_ID_BASE + progressive) : null,
    };
    const order: OrderRow | null = request.id_ordine === null ? null : {
      id: request.id_ordine, numero_contratto: target.contract, numero_linea: target.line, codice_cliente: target.customer,
      tipo: 'Modifica', descrizione: description, canale: 'Web', stato: done ? 'Lavorato' : 'In lavorazione', stato_spedizione: null,
      data_creazione: on, id_pratica: request.id,
      elementi: JSON.stringify([{ description, status: done ? 'Lavorato' : 'In lavorazione' }]),
    };
    store.insertRequest(request);
    if (order) store.insertOrder(order);
    keepRequestParameters(store.db, request.id, [...parameters, ...attachments.map((id) => ['allegato', id] as const)]);

    const reply = soapAnswer('CreaPratica', { pratica: requestXml(request), ...(order && { ordine: orderXml(order) }) });
    store.rememberAnswer(key, progressive, fingerprint, String(reply.body));
    rememberListKey(store.db, list);
    if (naturalKey !== null) rememberNaturalKey(store.db, description, naturalKey, { key, fingerprint, answer: String(reply.body) });
    return reply;
  });
}

/**
 * GetEsitoPratica: the answer CreaPratica gave under a key (same fingerprint rules, and the same list key rule), or
 * "not found" when the key was never used. The graph asks it only when its own rules refuse a request, to tell a retry of a request that
 * already changed the record (answer its first outcome) from a new request the record's state does not allow.
 */
export function requestOutcome(store: CrmStore, params: SoapRecord): StandInReply {
  const key = text(params, 'chiaveIdempotenza');
  checkListKey(store.db, listKeyOf(params));
  const previous = previousAnswer(store, key, text(params, 'impronta'));
  if (!previous) throw notFoundFault(`chiave ${key}`);
  // The stored answer is CreaPratica's envelope; this operation answers with its own element name.
  return xmlReply(200, previous.replaceAll('CreaPraticaResponse', 'GetEsitoPraticaResponse'));
}
