import type { Db } from '../runtime/db';
import type { StandInReply } from '../runtime/server';
import { COMPANY_A_SWITCHED_SERVICES, LINE_SWITCHED_SERVICES, type LineSwitchedService } from '../data/mobile-services-reference';
import { invalidRequest, soapAnswer, text, type SoapRecord } from './soap';

/**
 * The services on the contract that the customer area's "Servizi mobile" switches line by line (MOB-06; seed 000
 * "Abilita: Gestione di Soglie, TIMDUO, RIF Azienda, SMS Solidale"): SMS solidale ("abilita o disabilita le tue linee a
 * inviare SMS ai servizi di raccolta fondi") and TIMDUO (a second, personal number on the company SIM). CRM keeps, per
 * service, the lines it is enabled on; every other line of the contract has it disabled. `ListaServizioLinee`
 * (`numeroContratto`, `servizio` SMS_SOLIDALE/TIMDUO) answers every line the contract has now with `abilitata` SI/NO;
 * the changes are pratiche (premium-service-effects.ts).
 */
/** How the pratiche name each service: "Abilitazione SMS solidale", "Disabilitazione TIMDUO". */
export const SWITCHED_SERVICE_LABELS: Record<LineSwitchedService, string> = { SMS_SOLIDALE: 'SMS solidale', TIMDUO: 'TIMDUO' };
export const switchPratica = (service: LineSwitchedService, enabling: boolean) =>
  `${enabling ? 'Abilitazione' : 'Disabilitazione'} ${SWITCHED_SERVICE_LABELS[service]}`;
/** Every pratica of the switched services, for CRM's catalogue of descriptions (dispositive.ts). */
export const LINE_SWITCH_PRATICHE = LINE_SWITCHED_SERVICES.flatMap((service) => [switchPratica(service, true), switchPratica(service, false)]);

export const LINE_SWITCHED_SERVICES_SCHEMA = `
CREATE TABLE IF NOT EXISTS servizi_linea_abilitati (servizio TEXT NOT NULL, numero_linea TEXT NOT NULL, PRIMARY KEY (servizio, numero_linea));
`;

export function seedLineSwitchedServices(db: Db): void {
  const enabled = db.prepare('INSERT INTO servizi_linea_abilitati VALUES (?, ?)');
  for (const { service, line } of COMPANY_A_SWITCHED_SERVICES) enabled.run(service, line);
}

function switchedService(params: SoapRecord): LineSwitchedService {
  const service = text(params, 'servizio');
  if (!(LINE_SWITCHED_SERVICES as readonly string[]).includes(service)) throw invalidRequest(`servizio ammessi: ${LINE_SWITCHED_SERVICES.join(', ')}`);
  return service as LineSwitchedService;
}

function listServiceLines(db: Db, params: SoapRecord): StandInReply {
  const service = switchedService(params);
  const rows = db.prepare(`SELECT m.numero, s.numero_linea IS NOT NULL AS abilitata FROM linee_mobili m
    LEFT JOIN servizi_linea_abilitati s ON s.numero_linea = m.numero AND s.servizio = ? WHERE m.numero_contratto = ? ORDER BY m.numero`)
    .all(service, text(params, 'numeroContratto')) as { numero: string; abilitata: number }[];
  return soapAnswer('ListaServizioLinee', { linea: rows.map((r) => ({ numeroLinea: r.numero, abilitata: r.abilitata ? 'SI' : 'NO' })) });
}

export const lineSwitchedServiceOperations = (db: Db) => ({ ListaServizioLinee: (params: SoapRecord) => listServiceLines(db, params) });
