import type { Db } from '../runtime/db';
import type { StandInReply } from '../runtime/server';
import { COMPANY_A_SMS_SOLIDALE } from '../data/mobile-services-reference';
import { soapAnswer, text, type SoapRecord } from './soap';

/**
 * SMS solidale, a service on the contract of the customer area's "Servizi mobile" (seed 000: "Abilita o disabilita le
 * tue linee a inviare SMS ai servizi di raccolta fondi (numerazioni 45xxxx)"; MOB-06): CRM keeps the lines enabled;
 * every other line may not send them. `ListaSmsSolidale` (`numeroContratto`) answers every line the contract has now
 * with `abilitata` SI/NO; the changes are pratiche (sms-solidale-effects.ts).
 */
export const SMS_SOLIDALE_SCHEMA = `
CREATE TABLE IF NOT EXISTS sms_solidale_linee (numero_linea TEXT PRIMARY KEY);
`;

export function seedSmsSolidale(db: Db): void {
  const enabled = db.prepare('INSERT INTO sms_solidale_linee VALUES (?)');
  for (const line of COMPANY_A_SMS_SOLIDALE) enabled.run(line);
}

function listSmsSolidale(db: Db, params: SoapRecord): StandInReply {
  const rows = db.prepare(`SELECT m.numero, s.numero_linea IS NOT NULL AS abilitata FROM linee_mobili m
    LEFT JOIN sms_solidale_linee s ON s.numero_linea = m.numero WHERE m.numero_contratto = ? ORDER BY m.numero`)
    .all(text(params, 'numeroContratto')) as { numero: string; abilitata: number }[];
  return soapAnswer('ListaSmsSolidale', { linea: rows.map((r) => ({ numeroLinea: r.numero, abilitata: r.abilitata ? 'SI' : 'NO' })) });
}

export const smsSolidaleOperations = (db: Db) => ({ ListaSmsSolidale: (params: SoapRecord) => listSmsSolidale(db, params) });
