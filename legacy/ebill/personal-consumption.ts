import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  CONSUMPTION_LINES, EMPLOYEE_SERVICES, OPTIONS, trafficEvents, usedOf,
} from '../data/ebill-personal-consumption';
import { legacyAmount } from '../runtime/amount';
import { daysAgo, legacyDate, today } from '../runtime/clock';
import { openDatabase, placeholders } from '../runtime/db';
import type { StandInReply } from '../runtime/server';
import { idList, intField, invalid, isoDateField, jsonBody, ok } from './operations';
import type { EbillFileRoute } from './protocol';

/**
 * h-consumption (issue 12). eBill's rating of the CM8 employees' own lines for "Riepilogo consumi personali" (seed 002
 * §9.2.2, CON-09), in its own SQLite file beside eBill's (`ebill-consumption.sqlite`), on eBill's port, key and envelope:
 * - `linee/servizi-dipendente` {nrLinee} → {servizi: [{nrLinea, descrizione, dtAtt, stato, percDip, canone}]};
 * - `linee/opzioni-attive` {nrLinee} → {opzioni: [{nrLinea, opzione, ambito NAZIONALE/ROAMING, dtAtt, unita MIN/SMS/MB,
 *   incluso, consumato}]}: the bundles of the line's options and their erosion;
 * - `linee/traffico-riepilogo` {nrLinea, dtDa, dtA} → {riepilogo: [{categoria, tipoChiamata, ambito, classe, eventi, imp}]}:
 *   the events of the days summed by what the pages group them by (imp: the net amount, over bundle);
 * - `linee/traffico-dettaglio` {nrLinea, dtDa, dtA, categorie?, tipoChiamata?, soloAPagamento SI/NO, pag, dimPag} →
 *   {tot, max, eventi}: newest first; `tot` counts every event that matched, the pages reach the newest `max` (3,000:
 *   "fino al numero massimo di 3.000") and no further;
 * - `GET /ebill/v1/linee/{nrLinea}/traffico-dettaglio.{csv|xlsx}?dtDa&dtA&categorie&tipoChiamata&soloAPagamento`: the
 *   same events as a file (at most 3,000), the pages' download.
 */
export const MAX_TRAFFIC_EVENTS = 3_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS servizi_dipendente (
  nr_linea TEXT NOT NULL, descrizione TEXT NOT NULL, dt_att TEXT NOT NULL, stato TEXT NOT NULL, perc_dip INTEGER NOT NULL, canone_cent INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS opzioni_attive (
  nr_linea TEXT NOT NULL, opzione TEXT NOT NULL, ambito TEXT NOT NULL, dt_att TEXT NOT NULL, unita TEXT NOT NULL, incluso INTEGER NOT NULL, consumato INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS eventi_traffico (
  id INTEGER PRIMARY KEY, nr_linea TEXT NOT NULL, dt_ora TEXT NOT NULL, tipologia TEXT NOT NULL, dettaglio TEXT NOT NULL, chiamato TEXT NOT NULL,
  operatore TEXT NOT NULL, durata_sec INTEGER, volume_kb INTEGER, lordo_cent INTEGER, netto_cent INTEGER, opzione TEXT NOT NULL,
  tariffazione TEXT NOT NULL, categoria TEXT NOT NULL, tipo_chiamata TEXT NOT NULL, ambito TEXT NOT NULL, classe TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS eventi_traffico_linea ON eventi_traffico (nr_linea, dt_ora);
`;

interface EventRow {
  nr_linea: string; dt_ora: string; tipologia: string; dettaglio: string; chiamato: string; operatore: string; durata_sec: number | null;
  volume_kb: number | null; lordo_cent: number | null; netto_cent: number | null; opzione: string; tariffazione: string;
  categoria: string; tipo_chiamata: string; ambito: string; classe: string;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
/** `hh:mm:ss`, as the seed prints a duration (01:59:40). */
const duration = (s: number | null) => (s === null ? '' : `${pad(Math.floor(s / 3_600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`);
const amount = (cents: number | null) => (cents === null ? 'n.d.' : legacyAmount(cents));
/** `dd/mm/yyyy hh:mm:ss`: the detail prints the second of each event. */
const eventTime = (iso: string) => `${legacyDate(new Date(`${iso.slice(0, 10)}T12:00:00Z`))} ${iso.slice(11, 19)}`;

const eventJson = (r: EventRow) => ({
  tipologia: r.tipologia, dettaglio: r.dettaglio, chiamato: r.chiamato, operatore: r.operatore, dtOra: eventTime(r.dt_ora),
  durata: duration(r.durata_sec), kbyte: r.volume_kb === null ? '' : String(r.volume_kb), impLordo: amount(r.lordo_cent),
  impNetto: amount(r.netto_cent), opzione: r.opzione, tariffazione: r.tariffazione, categoria: r.categoria,
  tipoChiamata: r.tipo_chiamata, ambito: r.ambito,
});

function seed(db: ReturnType<typeof openDatabase>) {
  const midnight = new Date(today().getTime() - 12 * 3_600_000);
  const service = db.prepare('INSERT INTO servizi_dipendente VALUES (?, ?, ?, ?, ?, ?)');
  const option = db.prepare('INSERT INTO opzioni_attive VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const line of CONSUMPTION_LINES) {
    if (line.kind === 'ABBONAMENTO') {
      for (const s of EMPLOYEE_SERVICES) service.run(line.lineNumber, s.description, isoDay(daysAgo(s.activatedDaysAgo)), s.status, s.employeePercent, s.feeCents);
    }
    for (const o of OPTIONS[line.kind]) {
      option.run(line.lineNumber, o.option, o.scope, isoDay(daysAgo(o.activatedDaysAgo)), o.unit, o.included, usedOf(line.lineNumber, o));
    }
  }
  const event = db.prepare(`INSERT INTO eventi_traffico (nr_linea, dt_ora, tipologia, dettaglio, chiamato, operatore, durata_sec, volume_kb,
    lordo_cent, netto_cent, opzione, tariffazione, categoria, tipo_chiamata, ambito, classe) VALUES (${placeholders(16)})`);
  for (const e of trafficEvents()) {
    event.run(e.lineNumber, new Date(midnight.getTime() - e.secondsAgo * 1_000).toISOString().slice(0, 19), e.type, e.detail, e.called,
      e.operator, e.durationSeconds, e.volumeKb, e.grossCents, e.netCents, e.option, e.rating, e.category, e.callType, e.scope, e.kindOfTraffic);
  }
}

/** The criteria of a detail, from a JSON body or a file's query string alike. */
interface Criteria { line: string; from: string; to: string; categories: string[]; callType?: string; chargedOnly: boolean }

function criteria(b: Record<string, unknown>): Criteria {
  const line = b.nrLinea;
  if (typeof line !== 'string' || line === '') throw invalid('nrLinea obbligatorio');
  const categories = b.categorie ?? [];
  if (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string')) throw invalid('categorie deve essere una lista');
  const callType = b.tipoChiamata;
  if (callType !== undefined && callType !== '' && callType !== 'AZIENDALE' && callType !== 'PERSONALE') throw invalid('tipoChiamata');
  const from = isoDateField(b, 'dtDa');
  const to = isoDateField(b, 'dtA');
  return { line, from, to, categories, callType: callType || undefined, chargedOnly: b.soloAPagamento === 'SI' };
}

const dayAfter = (iso: string) => isoDay(new Date(new Date(`${iso}T12:00:00Z`).getTime() + 86_400_000));

export function openPersonalConsumption(dataDir: string) {
  const db = openDatabase(dataDir, 'ebill-consumption', SCHEMA, seed);

  /** The SQL of a detail: the line's events of the days asked, filtered. */
  function where(c: Criteria): { clause: string; params: (string | number)[] } {
    const parts = ['nr_linea = ?', 'dt_ora >= ?', 'dt_ora < ?'];
    const params: (string | number)[] = [c.line, c.from, dayAfter(c.to)];
    if (c.categories.length > 0) { parts.push(`categoria IN (${placeholders(c.categories.length)})`); params.push(...c.categories); }
    if (c.callType) { parts.push('tipo_chiamata = ?'); params.push(c.callType); }
    if (c.chargedOnly) parts.push('netto_cent > 0');
    return { clause: parts.join(' AND '), params };
  }

  /** The newest events of a detail within the first 3,000, from `offset`. */
  function events(c: Criteria, offset: number, limit: number): EventRow[] {
    const { clause, params } = where(c);
    const reach = Math.max(0, Math.min(limit, MAX_TRAFFIC_EVENTS - offset));
    return db.prepare(`SELECT * FROM eventi_traffico WHERE ${clause} ORDER BY dt_ora DESC, id DESC LIMIT ? OFFSET ?`)
      .all(...params, reach, offset) as EventRow[];
  }

  const byLines = (table: string, raw: Buffer) => {
    const lines = idList(jsonBody(raw), 'nrLinee');
    return lines.length === 0 ? [] : db.prepare(`SELECT * FROM ${table} WHERE nr_linea IN (${placeholders(lines.length)}) ORDER BY rowid`).all(...lines);
  };

  function services(raw: Buffer): StandInReply {
    const rows = byLines('servizi_dipendente', raw) as { nr_linea: string; descrizione: string; dt_att: string; stato: string; perc_dip: number; canone_cent: number }[];
    return ok({ servizi: rows.map((r) => ({
      nrLinea: r.nr_linea, descrizione: r.descrizione, dtAtt: legacyDate(new Date(`${r.dt_att}T12:00:00Z`)), stato: r.stato,
      percDip: String(r.perc_dip), canone: legacyAmount(r.canone_cent),
    })) });
  }

  function options(raw: Buffer): StandInReply {
    const rows = byLines('opzioni_attive', raw) as { nr_linea: string; opzione: string; ambito: string; dt_att: string; unita: string; incluso: number; consumato: number }[];
    return ok({ opzioni: rows.map((r) => ({
      nrLinea: r.nr_linea, opzione: r.opzione, ambito: r.ambito, dtAtt: legacyDate(new Date(`${r.dt_att}T12:00:00Z`)), unita: r.unita,
      incluso: String(r.incluso), consumato: String(r.consumato),
    })) });
  }

  function summary(raw: Buffer): StandInReply {
    const c = criteria(jsonBody(raw));
    const { clause, params } = where({ ...c, categories: [], callType: undefined, chargedOnly: false });
    const rows = db.prepare(`SELECT categoria, tipo_chiamata, ambito, classe, COUNT(*) AS eventi, COALESCE(SUM(netto_cent), 0) AS cent
      FROM eventi_traffico WHERE ${clause} GROUP BY categoria, tipo_chiamata, ambito, classe ORDER BY categoria, tipo_chiamata, ambito, classe`)
      .all(...params) as { categoria: string; tipo_chiamata: string; ambito: string; classe: string; eventi: number; cent: number }[];
    return ok({ riepilogo: rows.map((r) => ({
      categoria: r.categoria, tipoChiamata: r.tipo_chiamata, ambito: r.ambito, classe: r.classe, eventi: String(r.eventi), imp: legacyAmount(r.cent),
    })) });
  }

  function detail(raw: Buffer): StandInReply {
    const b = jsonBody(raw);
    const c = criteria(b);
    const page = intField(b, 'pag', 1, 1_000_000);
    const size = intField(b, 'dimPag', 1, 1_000);
    const { clause, params } = where(c);
    const { tot } = db.prepare(`SELECT COUNT(*) AS tot FROM eventi_traffico WHERE ${clause}`).get(...params) as { tot: number };
    return ok({ tot: String(tot), max: String(MAX_TRAFFIC_EVENTS), eventi: events(c, (page - 1) * size, size).map(eventJson) });
  }

  return {
    routes: {
      'linee/servizi-dipendente': services,
      'linee/opzioni-attive': options,
      'linee/traffico-riepilogo': summary,
      'linee/traffico-dettaglio': detail,
    },
    files: [{
      path: /^\/ebill\/v1\/linee\/(\d{6,15})\/traffico-dettaglio\.(csv|xlsx)$/,
      operation: 'linee/traffico-dettaglio.file',
      run: ([, line, format]: string[], query: URLSearchParams) => trafficFile(format as 'csv' | 'xlsx', events(fileCriteria(line, query), 0, MAX_TRAFFIC_EVENTS).map(eventJson)),
    }] satisfies EbillFileRoute[],
    close: () => db.close(),
  };
}

function fileCriteria(line: string, query: URLSearchParams): Criteria {
  const categories = (query.get('categorie') ?? '').split(',').filter((c) => c !== '');
  return criteria({
    nrLinea: line, dtDa: query.get('dtDa') ?? '', dtA: query.get('dtA') ?? '', categorie: categories,
    tipoChiamata: query.get('tipoChiamata') ?? undefined, soloAPagamento: query.get('soloAPagamento') ?? 'NO',
  });
}

/** The file's columns: the page's (seed §9.2.2.1), then the category and call type the filters chose by. */
const HEADER = ['Tipologia', 'Dettaglio', 'Chiamato', 'Operatore', 'Data e ora', 'Durata', 'Pacch./Kbyte', 'Imp. Lordo', 'Imp. Netto',
  'Opzione', 'Tariffazione', 'Categoria', 'Tipologia chiamata'];
type EventJson = ReturnType<typeof eventJson>;
const cells = (e: EventJson) => [e.tipologia, e.dettaglio, e.chiamato, e.operatore, e.dtOra, e.durata, e.kbyte, e.impLordo, e.impNetto,
  e.opzione, e.tariffazione, e.categoria, e.tipoChiamata];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function trafficFile(format: 'csv' | 'xlsx', rows: EventJson[]): Promise<StandInReply> {
  const headers = (type: string) => ({ 'content-type': type, 'content-disposition': `attachment; filename="dettaglio-traffico.${format}"` });
  if (format === 'csv') {
    const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
    return { status: 200, headers: headers('text/csv; charset=utf-8'), body: [HEADER, ...rows.map(cells)].map((r) => r.map(cell).join(';')).join('\r\n') };
  }
  // exceljs's streaming writer (as CRM's exports): rows are committed as they are added, the bytes collected from its stream.
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Dettaglio traffico');
  sheet.addRow(HEADER).commit();
  for (const r of rows) sheet.addRow(cells(r)).commit();
  sheet.commit();
  await workbook.commit();
  return { status: 200, headers: headers(XLSX), body: Buffer.concat(chunks) };
}
