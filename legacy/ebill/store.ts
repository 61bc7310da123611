import { openDatabase, placeholders, type Db } from '../runtime/db';
import { ebillFixture } from '../data/ebill-reference';
import { seedThresholds, THRESHOLD_SCHEMA, thresholdStore } from './threshold-store';
import { seedTimTuoOptions, TIM_TUO_OPTIONS_SCHEMA } from './tim-tuo-options';
import { INVOICE_PAYMENTS_SCHEMA } from './invoice-payments';

/** eBill's tables. Dates are ISO text (so that SQL compares them), amounts integer cents, GB in hundredths. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS fatture (
  nr_fatt TEXT PRIMARY KEY, cd_ctr TEXT NOT NULL, cd_cli TEXT NOT NULL, bim INTEGER NOT NULL, anno INTEGER NOT NULL,
  dt_em TEXT NOT NULL, dt_scad TEXT NOT NULL, imp_cent INTEGER NOT NULL, st_pag TEXT NOT NULL,
  tipo_fatt TEXT NOT NULL DEFAULT 'MOBILE');
CREATE INDEX IF NOT EXISTS fatture_ctr ON fatture (cd_ctr, dt_em);
CREATE TABLE IF NOT EXISTS crediti (nr_linea TEXT PRIMARY KEY, cred_cent INTEGER NOT NULL, dt_agg TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ricariche (
  id_op TEXT PRIMARY KEY, nr_linea TEXT NOT NULL, imp_cent INTEGER NOT NULL, dt TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS traffico (
  nr_linea TEXT PRIMARY KEY, gb_tot_cent INTEGER NOT NULL, gb_res_cent INTEGER NOT NULL,
  min_tot INTEGER NOT NULL, min_res INTEGER NOT NULL, sms_tot INTEGER NOT NULL, sms_res INTEGER NOT NULL);
`;

export interface InvoiceRow {
  nr_fatt: string; cd_ctr: string; cd_cli: string; bim: number; anno: number;
  dt_em: string; dt_scad: string; imp_cent: number; st_pag: string;
  /** Issue 22: MOBILE or UNICA (a unified invoice). */
  tipo_fatt: string;
}
export interface CreditRow { nr_linea: string; cred_cent: number; dt_agg: string }
export interface TrafficRow {
  nr_linea: string; gb_tot_cent: number; gb_res_cent: number; min_tot: number; min_res: number; sms_tot: number; sms_res: number;
}

export interface InvoiceQuery {
  contracts: string[]; kind: string; from: string; to: string; number?: string; bimester?: number; statuses?: string[];
  offset: number; limit: number;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const isoMinute = (d: Date) => d.toISOString().slice(0, 16);

function seed(db: Db, large: { id: string; lines: number }[]): void {
  const fixture = ebillFixture(large);
  const invoice = db.prepare('INSERT INTO fatture VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const i of fixture.invoices) {
    invoice.run(i.number, i.contract, i.customerCode, i.bimester, i.year, isoDate(i.issuedOn), isoDate(i.dueOn), i.cents, i.status, i.kind);
  }
  const credit = db.prepare('INSERT INTO crediti VALUES (?, ?, ?)');
  for (const c of fixture.credits) credit.run(c.lineNumber, c.cents, isoMinute(c.updatedAt));
  const traffic = db.prepare('INSERT INTO traffico VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const t of fixture.traffic) {
    traffic.run(t.lineNumber, t.gbTotalHundredths, t.gbLeftHundredths, t.minutesTotal, t.minutesLeft, t.smsTotal, t.smsLeft);
  }
}


export function openEbillStore(dataDir: string, large: { id: string; lines: number }[]) {
  // issue 11: the spending thresholds' tables (threshold-store.ts) live in the same database.
  const db = openDatabase(dataDir, 'ebill', SCHEMA + THRESHOLD_SCHEMA + TIM_TUO_OPTIONS_SCHEMA + INVOICE_PAYMENTS_SCHEMA, (d) => { seed(d, large); seedThresholds(d); seedTimTuoOptions(d); });
  // Issue 22: a data directory seeded before unified invoices existed holds mobile invoices only.
  const columns = db.prepare('PRAGMA table_info(fatture)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'tipo_fatt')) db.exec("ALTER TABLE fatture ADD COLUMN tipo_fatt TEXT NOT NULL DEFAULT 'MOBILE'");

  function searchInvoices(q: InvoiceQuery): { total: number; rows: InvoiceRow[] } {
    if (q.contracts.length === 0) return { total: 0, rows: [] };
    const where = [`cd_ctr IN (${placeholders(q.contracts.length)})`, 'tipo_fatt = ?', 'dt_em BETWEEN ? AND ?'];
    const params: (string | number)[] = [...q.contracts, q.kind, q.from, q.to];
    if (q.number !== undefined) { where.push('nr_fatt = ?'); params.push(q.number); }
    if (q.bimester !== undefined) { where.push('bim = ?'); params.push(q.bimester); }
    if (q.statuses !== undefined) { where.push(`st_pag IN (${placeholders(q.statuses.length)})`); params.push(...q.statuses); }
    const clause = where.join(' AND ');
    const { total } = db.prepare(`SELECT COUNT(*) AS total FROM fatture WHERE ${clause}`).get(...params) as { total: number };
    const rows = db.prepare(`SELECT * FROM fatture WHERE ${clause} ORDER BY dt_em DESC, nr_fatt DESC LIMIT ? OFFSET ?`)
      .all(...params, q.limit, q.offset) as InvoiceRow[];
    return { total, rows };
  }

  const byKeys = <T>(table: string, key: string, keys: string[]): T[] =>
    keys.length === 0 ? [] : db.prepare(`SELECT * FROM ${table} WHERE ${key} IN (${placeholders(keys.length)})`).all(...keys) as T[];

  return {
    searchInvoices,
    invoices: (numbers: string[]) => byKeys<InvoiceRow>('fatture', 'nr_fatt', numbers),
    credits: (lines: string[]) => byKeys<CreditRow>('crediti', 'nr_linea', lines),
    traffic: (lines: string[]) => byKeys<TrafficRow>('traffico', 'nr_linea', lines),
    /**
     * Credits a prepaid line once per operation id, in one transaction with the record of the operation: the same id
     * again changes nothing. `null` when the line has no credit (postpaid or unknown); `conflict` when the id was
     * used for another line or amount.
     */
    topUp(operationId: string, line: string, cents: number, at: Date): CreditRow | null | 'conflict' {
      return db.transaction(() => {
        const done = db.prepare('SELECT nr_linea, imp_cent FROM ricariche WHERE id_op = ?').get(operationId) as { nr_linea: string; imp_cent: number } | undefined;
        if (done && (done.nr_linea !== line || done.imp_cent !== cents)) return 'conflict' as const;
        const [credit] = byKeys<CreditRow>('crediti', 'nr_linea', [line]);
        if (!credit) return null;
        if (done) return credit;
        const updated = { nr_linea: line, cred_cent: credit.cred_cent + cents, dt_agg: isoMinute(at) };
        db.prepare('UPDATE crediti SET cred_cent = ?, dt_agg = ? WHERE nr_linea = ?').run(updated.cred_cent, updated.dt_agg, line);
        db.prepare('INSERT INTO ricariche VALUES (?, ?, ?, ?)').run(operationId, line, cents, isoMinute(at));
        return updated;
      })();
    },
    /** Spending thresholds, their operations and notifications (issue 11, threshold-store.ts). */
    thresholds: thresholdStore(db),
    /** The database, for the TIM TUO options eBill bills (issue 11, tim-tuo-options.ts) and invoice payments (issue 22). */
    db,
    close: () => db.close(),
  };
}
export type EbillStore = ReturnType<typeof openEbillStore>;
