import { FIXED_OFFERS, FIXED_SERVICES } from '../data/fixed-services';
import { placeholders, type Db } from '../runtime/db';
import { LegacyFault, type StandInReply } from '../runtime/server';
import type { ContractEffect } from './contract-data-effects';
import { invalidRequest, soapAnswer, texts, type SoapRecord } from './soap';

/**
 * The services of fixed lines and the offers of fixed contracts (seed 000 "Linee Fisso": "Gestione Servizi TiAvviso e
 * IVR"; "Servizi fisso" and "Servizi IT e Web": TuconTI and Evoluzione Ufficio by the offer subscribed; FIX-04,
 * FIX-07). `GetServiziLineeFisse` prints the services by line (≤100), `GetOfferteFisso` the offers by contract (≤100).
 * The pratiche "Attivazione servizio linea fissa" and "Disattivazione servizio linea fissa" turn a service the line
 * already has on or off in their own transaction; a service the line never had is subscribed through customer service.
 */
export const FIXED_SERVICES_SCHEMA = `
CREATE TABLE IF NOT EXISTS servizi_linee_fisse (
  numero_linea TEXT NOT NULL REFERENCES linee_fisse (numero), servizio TEXT NOT NULL, stato TEXT NOT NULL,
  data_attivazione TEXT NOT NULL, impostazione TEXT NOT NULL, PRIMARY KEY (numero_linea, servizio));
CREATE TABLE IF NOT EXISTS offerte_fisso (
  numero_contratto TEXT PRIMARY KEY, offerta TEXT NOT NULL, profilo_tuconti TEXT NOT NULL, evoluzione_ufficio TEXT NOT NULL);
`;

export const ACTIVATE_FIXED_SERVICE = 'Attivazione servizio linea fissa';
export const DEACTIVATE_FIXED_SERVICE = 'Disattivazione servizio linea fissa';

interface ServiceRow { numero_linea: string; servizio: string; stato: string; data_attivazione: string; impostazione: string }
interface OfferRow { numero_contratto: string; offerta: string; profilo_tuconti: string; evoluzione_ufficio: string }

export function seedFixedServices(db: Db): void {
  const service = db.prepare('INSERT INTO servizi_linee_fisse VALUES (?, ?, ?, ?, ?)');
  for (const s of FIXED_SERVICES) service.run(s.line, s.service, s.status, s.activatedOn, s.setting);
  const offer = db.prepare('INSERT INTO offerte_fisso VALUES (?, ?, ?, ?)');
  for (const o of FIXED_OFFERS) offer.run(o.contract, o.offer, o.tuconti, o.officeEvolution ? 'SI' : 'NO');
}

const legacyDay = (iso: string) => iso.split('-').reverse().join('/');

function batch(params: SoapRecord, name: string): string[] {
  const values = texts(params, name);
  if (values.length > 100) throw new LegacyFault(500, 'SBL-BAT-00001', `Superato il numero massimo di elementi (100) per ${name}`);
  return values;
}

export function fixedServicesOperations(db: Db): Record<string, (params: SoapRecord) => StandInReply> {
  return {
    /** `numero`* → `servizioLinea`* {numeroLinea, servizio, stato, dataAttivazione, impostazione}. */
    GetServiziLineeFisse(params) {
      const numbers = batch(params, 'numero');
      const rows = numbers.length === 0 ? [] : db.prepare(`SELECT * FROM servizi_linee_fisse WHERE numero_linea IN (${placeholders(numbers.length)})
        ORDER BY numero_linea, servizio`).all(...numbers) as ServiceRow[];
      return soapAnswer('GetServiziLineeFisse', { servizioLinea: rows.map((r) => ({
        numeroLinea: r.numero_linea, servizio: r.servizio, stato: r.stato, dataAttivazione: legacyDay(r.data_attivazione), impostazione: r.impostazione,
      })) });
    },
    /** `numeroContratto`* → `offertaFisso`* {numeroContratto, offerta, profiloTuconti, evoluzioneUfficio SI/NO}. */
    GetOfferteFisso(params) {
      const numbers = batch(params, 'numeroContratto');
      const rows = numbers.length === 0 ? [] : db.prepare(`SELECT * FROM offerte_fisso WHERE numero_contratto IN (${placeholders(numbers.length)})`)
        .all(...numbers) as OfferRow[];
      return soapAnswer('GetOfferteFisso', { offertaFisso: rows.map((r) => ({
        numeroContratto: r.numero_contratto, offerta: r.offerta, profiloTuconti: r.profilo_tuconti, evoluzioneUfficio: r.evoluzione_ufficio,
      })) });
    },
  };
}

const toggle = (description: string, to: 'ATTIVO' | 'DISATTIVO'): ContractEffect => (store, target, parameters) => {
  const service = parameters.get('servizio');
  if (target.kind !== 'LINEA_FISSA' || !target.line || !service) throw invalidRequest(`"${description}" riguarda un servizio di una linea fissa`);
  const row = store.db.prepare('SELECT stato FROM servizi_linee_fisse WHERE numero_linea = ? AND servizio = ?').get(target.line, service) as { stato: string } | undefined;
  if (!row || row.stato === to) {
    throw new LegacyFault(500, 'SBL-BRL-00110', `Operazione "${description}" non ammessa: servizio ${service} della linea ${target.line} assente o già ${to}`);
  }
  store.db.prepare('UPDATE servizi_linee_fisse SET stato = ? WHERE numero_linea = ? AND servizio = ?').run(to, target.line, service);
  return true;
};

export const FIXED_SERVICE_EFFECTS: Record<string, ContractEffect> = {
  [ACTIVATE_FIXED_SERVICE]: toggle(ACTIVATE_FIXED_SERVICE, 'ATTIVO'),
  [DEACTIVATE_FIXED_SERVICE]: toggle(DEACTIVATE_FIXED_SERVICE, 'DISATTIVO'),
};
