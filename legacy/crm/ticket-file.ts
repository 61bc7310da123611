import ExcelJS from 'exceljs';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { listTickets } from './assistance-store';
import type { CrmStore } from './store';

/**
 * The ticket monitoring list as a spreadsheet (seed 002 §7.7.7: "la lista è esportabile (download) in formato .xls"):
 * `GET /crm/ticket/ticket.xlsx?clienti=&contratti=&linee=` (Basic auth as for SOAP; counted as `ScaricaTicket`), the
 * same last 30 device tickets as `ListaTicket` with the same filter, one row each with its detail. The adapters never
 * fetch it: the graph hands out a signed link and the gateway streams it (ARCHITECTURE.md "Download links").
 */
export const TICKET_FILE_PATH = '/crm/ticket/ticket.xlsx';

const COLUMNS: [header: string, value: (row: Record<string, string | null>) => string | null][] = [
  ['ID Richiesta', (r) => r.id], ['Contratto', (r) => r.numero_contratto], ['Stato', (r) => r.stato],
  ['Data apertura', (r) => r.data_apertura], ['Data chiusura', (r) => r.data_chiusura], ['Evento', (r) => r.evento],
  ['IMEI', (r) => r.imei], ['Apparato', (r) => r.apparato], ['Consegna', (r) => r.consegna], ['Indirizzo', (r) => r.indirizzo],
  ['Punto di assistenza', (r) => r.puntoAssistenza],
];

const ids = (url: URL, name: string) => (url.searchParams.get(name) ?? '').split(',').filter((id) => /^[\w-]{1,20}$/.test(id));

export async function ticketFile(store: CrmStore, url: URL): Promise<StandInReply> {
  const filter = { customers: ids(url, 'clienti'), contracts: ids(url, 'contratti'), lines: ids(url, 'linee') };
  if (!filter.customers.length && !filter.contracts.length && !filter.lines.length) {
    throw new LegacyFault(400, 'SBL-EXL-00151', 'almeno un filtro tra clienti, contratti e linee');
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Monitoraggio ticket');
  sheet.addRow(COLUMNS.map(([header]) => header));
  for (const { request, parameters } of listTickets(store.db, filter)) {
    const row = { ...request, ...Object.fromEntries(parameters.map((p) => [p.name, p.value])) } as Record<string, string | null>;
    sheet.addRow(COLUMNS.map(([, value]) => value(row) ?? ''));
  }
  return {
    status: 200,
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': 'attachment; filename="ticket.xlsx"' },
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
