import type { IncomingMessage } from 'node:http';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { minimalPdf } from '../runtime/pdf';
import { MANUALS, SERVICE_POINTS } from '../data/assistance-reference';
import { requestXml } from './answers';
import { listCallBacks, listTickets, type RequestWithParameters } from './assistance-store';
import { filterOf } from './operations';
import { optionalText, soapAnswer, text, type SoapRecord } from './soap';
import type { CrmStore } from './store';

/**
 * Issue 13: CRM's assistance operations (ARCHITECTURE.md, "Legacy protocols").
 * - `ListaPuntiAssistenza` (`provincia`, `comune`?): the service points of a province, or of a town in it, at most 15
 *   (seed 002 §7.7.8 "visualizza i primi 15 PDA").
 * - `ListaManuali`: the manuals (§7.7.10); each one's PDF is `GET /crm/manuali/<codice>.pdf` (counted `ScaricaManuale`).
 * - `ListaTicket` (`filtro`): the last 30 device tickets with their detail (`parametro`*), newest first (§7.7.7).
 * - `ListaRichiamate` (`utente`): the call backs the user booked, with their detail (§7.7.3).
 */
const SERVICE_POINTS_SHOWN = 15;
export const MANUAL_PATH = /^\/crm\/manuali\/([A-Z0-9-]+)\.pdf$/;

const withParametersXml = ({ request, parameters }: RequestWithParameters) =>
  ({ ...requestXml(request), parametro: parameters.map((p) => ({ nome: p.name, valore: p.value })) });

const upper = (value: string | null) => value?.trim().toUpperCase() ?? null;

export function assistanceOperations(store: CrmStore): Record<string, (params: SoapRecord) => StandInReply> {
  return {
    ListaPuntiAssistenza(params) {
      const province = upper(text(params, 'provincia'));
      const town = upper(optionalText(params, 'comune'));
      const found = SERVICE_POINTS.filter((p) => p.province === province && (!town || p.town === town)).slice(0, SERVICE_POINTS_SHOWN);
      return soapAnswer('ListaPuntiAssistenza', {
        puntoAssistenza: found.map((p) => ({
          id: p.id, nome: p.name, indirizzo: p.address, cap: p.postalCode, comune: p.town, provincia: p.province, telefono: p.phone, orari: p.hours,
        })),
      });
    },
    ListaManuali: () => soapAnswer('ListaManuali', {
      manuale: MANUALS.map((m) => ({ codice: m.code, titolo: m.title, nomeFile: m.fileName, percorso: `/crm/manuali/${m.code}.pdf` })),
    }),
    ListaTicket: (params) => soapAnswer('ListaTicket', { ticket: listTickets(store.db, filterOf(params)).map(withParametersXml) }),
    ListaRichiamate: (params) => soapAnswer('ListaRichiamate', { richiamata: listCallBacks(store.db, text(params, 'utente')).map(withParametersXml) }),
  };
}

/** `GET /crm/manuali/<codice>.pdf`: the manual's PDF, or CRM's not-found fault. */
export function manualPdf(req: IncomingMessage, path: string): StandInReply {
  const code = MANUAL_PATH.exec(path)?.[1];
  const manual = MANUALS.find((m) => m.code === code);
  if (req.method !== 'GET' || !manual) throw new LegacyFault(404, 'SBL-DAT-00225', `Nessun record trovato: manuale ${code ?? path}`);
  return { status: 200, headers: { 'content-type': 'application/pdf' }, body: minimalPdf(manual.title) };
}
