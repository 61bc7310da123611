import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { Db } from '../runtime/db';
import { legacyDate } from '../runtime/clock';
import { legacyAmount } from '../runtime/amount';
import { aggregateInventory, detailPage, type DetailKind, type DeviceRow, type SacRow, type StsRow, type TimTuoRow } from './inventory';
import type { MobileLineRow, OrderRow, RequestRow } from './store';
import { COMPANY_USERS_HEADER, companyUserCells } from './company-users';

/**
 * What CRM writes into an export file (seed 002 §7.2.4): the portal's columns for each list, read from the database
 * in chunks and written as they come, CSV (`;`, as the portal's files) or XLSX (exceljs's streaming writer), so that
 * a 10,000-line export never holds its rows in memory. `pause` runs between chunks (the worker's pacing).
 */
export const EXPORT_TYPES = {
  ConsistenzaDettaglioLinee: 'LINEE',
  ConsistenzaDettaglioSTS: 'STS',
  ConsistenzaDettaglioTimTuoAbb: 'TIMTUO_ABBONAMENTO',
  ConsistenzaDettaglioTimTuoRic: 'TIMTUO_RICARICABILE',
  ConsistenzaDettaglioApparati: 'APPARATI',
  ConsistenzaDettaglioSAC: 'SAC',
  ConsistenzeAggregate: 'AGGREGATE',
  StoricoPratiche: 'PRATICHE',
  StoricoOrdini: 'ORDINI',
  // issue 20 (ACC-08): the company's users, from the legal representative's console (seed 000: "esportarle in xls").
  UtentiAzienda: 'UTENTI',
} as const satisfies Record<string, DetailKind | 'AGGREGATE' | HistoryKind | 'UTENTI'>;
type HistoryKind = 'PRATICHE' | 'ORDINI';
export type ExportType = keyof typeof EXPORT_TYPES;
export type ExportFormat = 'CSV' | 'XLSX';

export const CHUNK_ROWS = 500;

const date = (iso: string | null) => (iso ? legacyDate(new Date(`${iso}T12:00:00Z`)) : '');
type Cell = string | number;

const timTuoColumns = {
  header: ['Numero', 'Codice', 'Cognome', 'Nome', 'Codice fiscale', 'Data attivazione', 'Data cessazione', 'Stato'],
  row: (r: TimTuoRow): Cell[] => [r.numero_linea, r.codice_dipendente ?? '', r.cognome_dipendente ?? '', r.nome_dipendente ?? '',
    r.codice_fiscale_dipendente ?? '', date(r.data_attivazione), date(r.data_cessazione), r.stato_servizio ?? ''],
};

/** Each list's columns, as the portal's pages head them, and a database row as cells. */
const COLUMNS: Record<DetailKind, { header: string[]; row: (r: never) => Cell[] }> = {
  LINEE: {
    header: ['Numero', 'One number', 'ICCID', 'Profilo tariffario', 'Data attivazione', 'Data cessazione', 'Stato'],
    row: (r: MobileLineRow) => [r.numero, r.one_number_ruolo === 'PRIMARIA' ? 'Principale' : r.one_number_ruolo === 'SECONDARIA' ? 'Secondaria' : '',
      r.iccid, r.piano_tariffario, date(r.data_attivazione), date(r.data_cessazione), r.stato],
  },
  STS: {
    header: ['Numero', 'Descrizione', 'APN', 'Data attivazione', 'Data cessazione', 'Stato', '% a carico Ente', 'Canone €'],
    row: (r: StsRow) => [r.numero_linea, r.descrizione, r.apn ?? '', date(r.data_attivazione), date(r.data_cessazione), r.stato,
      r.percentuale_ente, legacyAmount(r.canone_cent)],
  },
  TIMTUO_ABBONAMENTO: timTuoColumns,
  TIMTUO_RICARICABILE: timTuoColumns,
  APPARATI: {
    header: ['Numero', 'Codice NMU', 'Tipo servizio', 'Data attivazione', 'Stato'],
    row: (r: DeviceRow) => [r.numero_linea, r.codice_nmu, r.tipo_servizio, date(r.data_attivazione), r.stato],
  },
  SAC: { header: ['Descrizione', 'Data attivazione', 'Stato'], row: (r: SacRow) => [r.descrizione, date(r.data_attivazione), r.stato] },
};

/** §7.3.1-§7.3.2: the histories of the contract over the export's window (`dal`..`al`), newest first. */
const HISTORIES: Record<HistoryKind, { header: string[]; sql: string; row: (r: never) => Cell[] }> = {
  PRATICHE: {
    header: ['N pratica', 'Tipo pratica', 'Contratto', 'Linea', 'Provenienza', 'Stato', 'Apertura', 'Chiusura'],
    sql: `SELECT * FROM pratiche WHERE numero_contratto = ? AND data_apertura BETWEEN ? AND ? ORDER BY data_apertura DESC, id DESC LIMIT ? OFFSET ?`,
    row: (r: RequestRow) => [r.id, r.tipo, r.numero_contratto ?? '', r.numero_linea ?? '', r.origine, r.stato, date(r.data_apertura), date(r.data_chiusura)],
  },
  ORDINI: {
    header: ['ID ordine', 'Data creazione', 'Canale di acquisizione', 'Stato lavorazione', 'Spedizione'],
    sql: `SELECT * FROM ordini WHERE numero_contratto = ? AND data_creazione BETWEEN ? AND ? ORDER BY data_creazione DESC, id DESC LIMIT ? OFFSET ?`,
    row: (r: OrderRow) => [r.id, date(r.data_creazione), r.canale, r.stato, r.stato_spedizione ?? ''],
  },
};

/**
 * What an export is of: the contract, and for a history the days it covers (ISO, inclusive). UtentiAzienda is of a
 * customer: `contract` then holds its customer code (`numero_contratto` of the job, `codiceCliente` of RichiediExport).
 */
export interface ExportScope { contract: string; from: string | null; to: string | null }

const AGGREGATE_HEADER = ['Consistenza', 'Descrizione', 'Codice NMU', 'Stato', 'Totale'];
const AGGREGATE_LABELS: Record<string, string> = {
  linee: 'Su linea', sts: 'Servizi su Linea (STS)', timTuoAbbonamento: 'TIM TUO in abbonamento', timTuoRicaricabile: 'TIM TUO ricaricabile',
  apparati: 'Servizi su apparato', sac: 'Servizi a contratto (SAC)',
};

/** The rows of an export, chunk by chunk: each chunk a query of its own (no statement stays open across a pause). */
async function* chunks(db: Db, type: ExportType, { contract, from, to }: ExportScope): AsyncGenerator<Cell[][]> {
  const kind = EXPORT_TYPES[type];
  if (kind === 'PRATICHE' || kind === 'ORDINI') {
    const { sql, row } = HISTORIES[kind];
    for (let offset = 0; ; offset += CHUNK_ROWS) {
      const rows = db.prepare(sql).all(contract, from, to, CHUNK_ROWS, offset) as never[];
      if (rows.length > 0) yield rows.map(row);
      if (rows.length < CHUNK_ROWS) return;
    }
  }
  if (kind === 'UTENTI') {
    for (let offset = 0; ; offset += CHUNK_ROWS) {
      const rows = companyUserCells(db, contract, offset, CHUNK_ROWS);
      if (rows.length > 0) yield rows;
      if (rows.length < CHUNK_ROWS) return;
    }
  }
  if (kind === 'AGGREGATE') {
    const [inventory] = aggregateInventory(db, [contract]);
    const groups = (inventory ?? {}) as Record<string, unknown>;
    yield Object.entries(AGGREGATE_LABELS).flatMap(([element, label]) => ((groups[element] ?? []) as Record<string, string>[])
      .map((g) => [label, g.pianoTariffario ?? g.descrizione ?? g.tipoServizio ?? '', g.codiceNmu ?? '', g.stato, Number(g.totale)]));
    return;
  }
  const { row } = COLUMNS[kind];
  for (let offset = 0; ; offset += CHUNK_ROWS) {
    const { rows } = detailPage<never>(db, kind, contract, {}, offset, CHUNK_ROWS);
    if (rows.length > 0) yield rows.map(row);
    if (rows.length < CHUNK_ROWS) return;
  }
}

const headerOf = (type: ExportType) => {
  const kind = EXPORT_TYPES[type];
  if (kind === 'PRATICHE' || kind === 'ORDINI') return HISTORIES[kind].header;
  if (kind === 'UTENTI') return COMPANY_USERS_HEADER;
  return kind === 'AGGREGATE' ? AGGREGATE_HEADER : COLUMNS[kind].header;
};

const csvCell = (v: Cell) => {
  const text = String(v);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Writes the export to `path`; answers the number of data rows. */
export async function writeExportFile(db: Db, type: ExportType, format: ExportFormat, scope: ExportScope, path: string,
  pause: () => Promise<void>): Promise<number> {
  let count = 0;
  if (format === 'CSV') {
    const out = createWriteStream(path);
    const write = async (line: string) => {
      if (!out.write(`${line}\r\n`)) await once(out, 'drain');
    };
    await write(headerOf(type).map(csvCell).join(';'));
    for await (const rows of chunks(db, type, scope)) {
      for (const r of rows) await write(r.map(csvCell).join(';'));
      count += rows.length;
      await pause();
    }
    out.end();
    await once(out, 'finish');
    return count;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(type.slice(0, 31));
  sheet.addRow(headerOf(type)).commit();
  for await (const rows of chunks(db, type, scope)) {
    for (const r of rows) sheet.addRow(r).commit();
    count += rows.length;
    await pause();
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
