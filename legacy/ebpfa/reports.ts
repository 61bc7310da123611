import type { Db } from '../runtime/db';
import { legacyAmount } from '../runtime/amount';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { billedConsumptionOf, networkManagementOf, type EbpfaService } from '../data/ebpfa-reports';
import type { EbpfaInvoiceRecord } from '../data/ebpfa-reference';
import { flowReply } from './flows';
import type { customerWindow } from './operations';

/**
 * Issue 22 (CON-04; seed 000 "Consumi", Report fisso). EBPFA's billing reports, flows like the invoices' (`;`, one
 * header row, ISO-8859-1, `,` decimals), of at most 20 customer codes and the invoices issued between `dal` and `al`:
 * - `GET /ebpfa/flussi/consumi-fatturati?codiciCliente&servizio&dal&al`: "Report dei consumi già fatturati", the
 *   billed items of one service (FONIA, DATI, RETE INTELLIGENTE), per invoice;
 * - `GET /ebpfa/flussi/network-management?codiciCliente&dal&al`: "Network Management", each invoice's spend per
 *   cost centre, only for the customers that subscribed "Internet Cost Administration" (the others have no row).
 */
export const REPORTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS consumi_fatturati (
  num_fattura TEXT NOT NULL REFERENCES fatture (num_fattura), servizio TEXT NOT NULL, voce TEXT NOT NULL,
  quantita INTEGER NOT NULL, unita TEXT NOT NULL, importo_cent INTEGER NOT NULL, PRIMARY KEY (num_fattura, voce));
CREATE TABLE IF NOT EXISTS centri_costo (
  num_fattura TEXT NOT NULL REFERENCES fatture (num_fattura), centro_costo TEXT NOT NULL, importo_cent INTEGER NOT NULL,
  PRIMARY KEY (num_fattura, centro_costo));
`;

const SERVICES: readonly EbpfaService[] = ['FONIA', 'DATI', 'RETE INTELLIGENTE'];
const CONSUMPTION_COLUMNS = ['COD_CLIENTE', 'NUM_FATTURA', 'NUM_LINEA', 'BIMESTRE', 'ANNO', 'SERVIZIO', 'VOCE', 'QUANTITA', 'UNITA', 'IMPORTO'];
const COST_CENTRE_COLUMNS = ['COD_CLIENTE', 'NUM_FATTURA', 'BIMESTRE', 'ANNO', 'CENTRO_COSTO', 'IMPORTO'];

export function seedReports(db: Db, invoices: readonly EbpfaInvoiceRecord[]): void {
  const item = db.prepare('INSERT INTO consumi_fatturati VALUES (?, ?, ?, ?, ?, ?)');
  for (const r of billedConsumptionOf(invoices)) item.run(r.invoiceNumber, r.service, r.item, r.quantity, r.unit, r.cents);
  const spend = db.prepare('INSERT INTO centri_costo VALUES (?, ?, ?)');
  for (const r of networkManagementOf(invoices)) spend.run(r.invoiceNumber, r.costCentre, r.cents);
}

/** The customer codes and issue dates a flow is asked for (operations.ts `customerWindow`). */
type CustomerWindow = ReturnType<typeof customerWindow>;

/** A report's table joined to the invoices of the window (its rows are ordered newest invoice first: stable pages). */
const ofInvoices = (table: string, codes: string[]) => `FROM fatture f JOIN ${table} c ON c.num_fattura = f.num_fattura
  WHERE f.cod_cliente IN (${codes.map(() => '?').join(', ')}) AND f.data_emissione BETWEEN ? AND ?`;

export function billedConsumptionFlow(db: Db, window: CustomerWindow, params: URLSearchParams): StandInReply {
  const service = params.get('servizio') as EbpfaService | null;
  if (!service || !SERVICES.includes(service)) throw new LegacyFault(400, 'PFA-400', `parametro servizio non valido (${SERVICES.join(', ')})`);
  const rows = db.prepare(`SELECT f.cod_cliente, f.num_fattura, f.num_linea, f.bimestre, f.anno, c.servizio, c.voce, c.quantita, c.unita, c.importo_cent
    ${ofInvoices('consumi_fatturati', window.codes)} AND c.servizio = ?
    ORDER BY f.data_emissione DESC, f.num_fattura DESC, c.voce`).all(...window.codes, window.from, window.to, service) as Record<string, string | number>[];
  return flowReply(200, CONSUMPTION_COLUMNS, rows.map((r) => [
    String(r.cod_cliente), String(r.num_fattura), String(r.num_linea), String(r.bimestre), String(r.anno), String(r.servizio),
    String(r.voce), String(r.quantita), String(r.unita), legacyAmount(Number(r.importo_cent)),
  ]));
}

export function networkManagementFlow(db: Db, window: CustomerWindow): StandInReply {
  const rows = db.prepare(`SELECT f.cod_cliente, f.num_fattura, f.bimestre, f.anno, c.centro_costo, c.importo_cent
    ${ofInvoices('centri_costo', window.codes)}
    ORDER BY f.data_emissione DESC, f.num_fattura DESC, c.centro_costo`).all(...window.codes, window.from, window.to) as Record<string, string | number>[];
  return flowReply(200, COST_CENTRE_COLUMNS, rows.map((r) => [
    String(r.cod_cliente), String(r.num_fattura), String(r.bimestre), String(r.anno), String(r.centro_costo), legacyAmount(Number(r.importo_cent)),
  ]));
}
