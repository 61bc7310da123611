import { LegacyFault, type StandInReply } from '../runtime/server';
import { today } from '../runtime/clock';
import { orderXml, requestXml } from './answers';
import { notFoundFault } from './operations';
import { invalidRequest, soapAnswer, text, xmlReply, type SoapRecord } from './soap';
import { isoDate, type CrmStore, type MobileLineRow, type OrderRow, type RequestRow } from './store';

/**
 * CreaPratica: every dispositive operation of the portals is a pratica, and some also an ordine (seed 002 §10,
 * "Appendice 1": the "Descrizione Pratica" column and the "Ordine" X).
 *
 * "Cessazione TIM TUO" has an order on prepaid lines only. "Domiciliazione tim tuo" and "Pagamento bollettino" have
 * one when they activate TIM TUO and none when they change it; CRM cannot tell the two apart from the description,
 * so the stand-in takes the activation (the common case). `motivo` is free text for the back office: no operation
 * reads it back, so the stand-in does not keep it.
 */
type OrderRule = 'always' | 'never' | 'prepaid';

const APPENDIX_1: Record<string, OrderRule> = {
  'Referenti': 'never',
  'Modifica recapito rendiconto': 'never',
  'Modifica recapito doc traffico': 'never',
  'Conferma ricarica aziendale': 'always',
  'Rinuncia ricarica aziendale': 'always',
  'Richiesta ricarica aziendale': 'always',
  'Modif abilit over-ext bundle': 'always',
  'Attivazione differita SIM': 'never',
  'Furto/Smarrimento SIM': 'always',
  'Ritrovamento SIM': 'always',
  'Cambio SIM': 'always',
  'Servizi di rete': 'never',
  'Servizio RIF': 'never',
  'Scorta calda SIM': 'never',
  'Blocco Imei': 'never',
  'Attivazione TIM TUO Azienda': 'always',
  'Attivazione opzioni TIM TUO': 'always',
  'Cessazione TIM TUO': 'prepaid',
  'Cessazione opzioni TIM TUO': 'always',
  'Attivazione soglie di spesa': 'always',
  'Variazione soglie di spesa': 'always',
  'Cambio tipo soglia dati EXTUE': 'always',
  'Cessazione soglie di spesa': 'always',
  'Richiesta contatto': 'never',
  'Configurazione terminali': 'never',
  'Apertura tk servizio all risk': 'never',
  'Assistenza su servizi': 'never',
  'Ricarica manuale web/app': 'never',
  'Domiciliazione tim tuo': 'always',
  'Pagamento bollettino': 'always',
  'Modifica dati di fatturazione': 'never',
  'Domiciliazioni - modifica': 'never',
  'Domiciliazioni - attivazione': 'never',
  'Timtuoric-attiv pacc traff naz': 'always',
  'Timtuoric-attiv pac traf extue': 'always',
  'Timtuoric-attiv plaf dati naz': 'always',
  'Timtuoric-att plaf dati extue': 'always',
  'Timtuoric-cess pacc traff naz': 'always',
  'Timtuoric-cess pac traf extue': 'always',
  'Timtuoric-cess plaf dati naz': 'always',
  'Timtuoric-cess plaf dati extue': 'always',
};

/**
 * The operations whose effect CRM applies at once (the SIM is blocked or unblocked on the spot): the line status
 * they require and the one they leave. Their pratica and ordine are closed on creation.
 */
const IMMEDIATE_EFFECTS: Record<string, { from: string[]; to: string }> = {
  'Furto/Smarrimento SIM': { from: ['ATTIVO', 'CONGELATO'], to: 'SOSPESO' },
  'Ritrovamento SIM': { from: ['SOSPESO'], to: 'ATTIVO' },
};

/** Pratica and ordine ids grow from these bases with the progressive of CreaPratica. */
const REQUEST_ID_BASE = 65_000_000_000;
const ORDER_ID_BASE = 75_000_000_000;

const stateRefused = (line: MobileLineRow, description: string) =>
  new LegacyFault(500, 'SBL-BRL-00110', `Operazione "${description}" non ammessa: linea ${line.numero} in stato ${line.stato}`);

export function createRequest(store: CrmStore, params: SoapRecord): StandInReply {
  const key = text(params, 'chiaveIdempotenza');
  const description = text(params, 'descrizione');
  const lineNumber = text(params, 'numeroLinea');
  const channel = text(params, 'canale');
  const orderRule = APPENDIX_1[description];
  if (!orderRule) throw invalidRequest(`descrizione pratica "${description}" non prevista`);

  // One transaction: the idempotency key, the pratica, the ordine and the line status are written together or not
  // at all, and a retry with the same key finds the first answer instead of writing again.
  return store.transaction(() => {
    const previous = store.answerFor(key);
    if (previous) return xmlReply(200, previous);

    const [line] = store.mobileLines([lineNumber]);
    if (!line) throw notFoundFault(`linea ${lineNumber}`);
    if (line.stato === 'CESSATO') throw stateRefused(line, description);
    const effect = IMMEDIATE_EFFECTS[description];
    if (effect && !effect.from.includes(line.stato)) throw stateRefused(line, description);

    const progressive = store.nextProgressive();
    const on = isoDate(today());
    const withOrder = orderRule === 'always' || (orderRule === 'prepaid' && line.tipo_linea === 'RICARICABILE');
    const request: RequestRow = {
      id: `7-${REQUEST_ID_BASE + progressive}`, tipo: description.toUpperCase(), descrizione: description,
      numero_contratto: line.numero_contratto, numero_linea: line.numero, codice_cliente: line.codice_cliente, origine: channel,
      stato: effect ? 'Chiuso' : 'Aperto', data_apertura: on, data_chiusura: effect ? on : null,
      id_ordine: withOrder ? String(ORDER_ID_BASE + progressive) : null,
    };
    const order: OrderRow | null = request.id_ordine === null ? null : {
      id: request.id_ordine, numero_contratto: line.numero_contratto, numero_linea: line.numero, codice_cliente: line.codice_cliente,
      tipo: 'Modifica', descrizione: description, canale: 'Web', stato: effect ? 'Lavorato' : 'In lavorazione', stato_spedizione: null,
      data_creazione: on, id_pratica: request.id,
      elementi: JSON.stringify([{ description, status: effect ? 'Lavorato' : 'In lavorazione' }]),
    };
    store.insertRequest(request);
    if (order) store.insertOrder(order);
    if (effect) store.setMobileLineStatus(line.numero, effect.to);

    const reply = soapAnswer('CreaPratica', { pratica: requestXml(request), ...(order && { ordine: orderXml(order) }) });
    store.rememberAnswer(key, progressive, String(reply.body));
    return reply;
  });
}
