import type { Db } from '../runtime/db';
import { legacyDate } from '../runtime/clock';
import type { StandInReply } from '../runtime/server';
import { COMPANY_A_BLACK_LIST, COMPANY_A_PREMIUM_SERVICES } from '../data/mobile-services-reference';
import { soapAnswer, text, type SoapRecord } from './soap';

/**
 * The premium services of the customer area's "Servizi mobile" (seed 000 "Servizi Premium": "Visualizza e gestisci i
 * servizi premium attivi sulle tue linee mobili"; "Gestione black list": "Inserisci o rimuovi dalla black list le tue
 * linee mobili rispetto a specifiche tipologie di servizi"; MOB-06). CRM keeps the premium services subscribed on each
 * line (a service the customer barred stays, BLOCCATO, until unbarred) and, per line, the types of premium service it
 * is kept from. `ListaServiziPremium` (`numeroContratto`) lists both for the lines of a contract; the changes are
 * pratiche applied in their own transaction (premium-service-effects.ts).
 */
export const PREMIUM_SERVICES_SCHEMA = `
CREATE TABLE IF NOT EXISTS servizi_premium (
  numero_linea TEXT NOT NULL, codice TEXT NOT NULL, descrizione TEXT NOT NULL, fornitore TEXT NOT NULL, tipologia TEXT NOT NULL,
  data_attivazione TEXT NOT NULL, stato TEXT NOT NULL, PRIMARY KEY (numero_linea, codice));
CREATE TABLE IF NOT EXISTS black_list_linee (numero_linea TEXT NOT NULL, tipologia TEXT NOT NULL, PRIMARY KEY (numero_linea, tipologia));
`;

export function seedPremiumServices(db: Db): void {
  const service = db.prepare('INSERT INTO servizi_premium VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const s of COMPANY_A_PREMIUM_SERVICES) service.run(s.line, s.code, s.description, s.provider, s.type, s.activatedOn, s.status);
  const listed = db.prepare('INSERT INTO black_list_linee VALUES (?, ?)');
  for (const b of COMPANY_A_BLACK_LIST) listed.run(b.line, b.type);
}

interface PremiumRow { numero_linea: string; codice: string; descrizione: string; fornitore: string; tipologia: string; data_attivazione: string; stato: string }

const date = (iso: string) => legacyDate(new Date(`${iso}T12:00:00Z`));

/** The lines of the contract as they are now: a line moved to another contract is listed there. */
const OF_CONTRACT = 'numero_linea IN (SELECT numero FROM linee_mobili WHERE numero_contratto = ?)';

function listPremiumServices(db: Db, params: SoapRecord): StandInReply {
  const contract = text(params, 'numeroContratto');
  const services = db.prepare(`SELECT * FROM servizi_premium WHERE ${OF_CONTRACT} ORDER BY numero_linea, codice`).all(contract) as PremiumRow[];
  const listed = db.prepare(`SELECT * FROM black_list_linee WHERE ${OF_CONTRACT} ORDER BY numero_linea, tipologia`).all(contract) as { numero_linea: string; tipologia: string }[];
  return soapAnswer('ListaServiziPremium', {
    servizioPremium: services.map((s) => ({
      numeroLinea: s.numero_linea, codice: s.codice, descrizione: s.descrizione, fornitore: s.fornitore, tipologia: s.tipologia,
      dataAttivazione: date(s.data_attivazione), stato: s.stato,
    })),
    blackList: listed.map((b) => ({ numeroLinea: b.numero_linea, tipologia: b.tipologia })),
  });
}

export const premiumServiceOperations = (db: Db) => ({ ListaServiziPremium: (params: SoapRecord) => listPremiumServices(db, params) });
