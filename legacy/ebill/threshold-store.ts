import { placeholders, type Db } from '../runtime/db';
import { thresholdFixture, type ThresholdKind, type ThresholdNature, type ThresholdPeriod } from '../data/ebill-thresholds';

/**
 * eBill's spending thresholds (seed 002 §7.5): the thresholds per line and kind, what each line spent, the operations
 * that changed them (keyed by `idOp`, the CRM pratica id the graph sends, so that a retry changes nothing twice) and
 * the notification e-mails. Dates are ISO text, amounts integer cents.
 *
 * Each line's threshold of a kind has a version (`versioni_soglie`, 0 before eBill's first write on it): one more for
 * every change applied, answered on read. A write may name the version it was asked against (`versione`), and is
 * refused when the threshold changed since (issue 19: two tabs, one change): the graph names a change's fact by it.
 */
export const THRESHOLD_SCHEMA = `
CREATE TABLE IF NOT EXISTS soglie (
  nr_linea TEXT NOT NULL, cd_ctr TEXT NOT NULL, tipo TEXT NOT NULL, natura TEXT NOT NULL, periodo TEXT NOT NULL,
  imp_cent INTEGER NOT NULL, dt_att TEXT NOT NULL, dt_cess TEXT, PRIMARY KEY (nr_linea, tipo));
CREATE INDEX IF NOT EXISTS soglie_ctr ON soglie (cd_ctr, nr_linea);
CREATE TABLE IF NOT EXISTS spesa (
  nr_linea TEXT PRIMARY KEY, giorno_cent INTEGER NOT NULL, mese_cent INTEGER NOT NULL, extra_ue_mese_cent INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS operazioni_soglie (id_op TEXT PRIMARY KEY, operazione TEXT NOT NULL, richiesta TEXT NOT NULL, dt TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS versioni_soglie (nr_linea TEXT NOT NULL, tipo TEXT NOT NULL, versione INTEGER NOT NULL, PRIMARY KEY (nr_linea, tipo));
CREATE TABLE IF NOT EXISTS notifiche (
  id TEXT PRIMARY KEY, cd_ctr TEXT NOT NULL, dt TEXT NOT NULL, destinatario TEXT NOT NULL, oggetto TEXT NOT NULL, linee TEXT NOT NULL);
`;

export interface ThresholdRow {
  nr_linea: string; cd_ctr: string; tipo: ThresholdKind; natura: ThresholdNature; periodo: ThresholdPeriod;
  imp_cent: number; dt_att: string; dt_cess: string | null;
  /** How many changes eBill applied to the line's threshold of this kind. */
  versione: number;
  /** What the line spent in the threshold's period on the threshold's kind of traffic. */
  cons_cent: number;
}
export interface NotificationRow { id: string; cd_ctr: string; dt: string; destinatario: string; oggetto: string; linee: string }

export interface ThresholdSearch {
  contracts: string[]; line?: string; kind?: ThresholdKind; nature?: ThresholdNature; period?: ThresholdPeriod;
  offset: number; limit: number;
}

/** A change of one line's threshold of one kind, as eBill's write operations take it. */
export type ThresholdChange =
  | { operation: 'attiva'; line: string; contract: string; kind: ThresholdKind; nature: ThresholdNature; period: ThresholdPeriod; cents: number }
  | { operation: 'varia'; line: string; kind: ThresholdKind; nature?: ThresholdNature; period?: ThresholdPeriod; cents?: number }
  | { operation: 'cessa'; line: string; kind: ThresholdKind };

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export function seedThresholds(db: Db, until?: Date): void {
  const { thresholds, spending, notifications } = thresholdFixture(until);
  const threshold = db.prepare('INSERT INTO soglie VALUES (?, ?, ?, ?, ?, ?, ?, NULL)');
  for (const t of thresholds) threshold.run(t.lineNumber, t.contract, t.kind, t.nature, t.period, t.cents, isoDate(t.activatedOn));
  const spent = db.prepare('INSERT INTO spesa VALUES (?, ?, ?, ?)');
  for (const s of spending) spent.run(s.lineNumber, s.dayCents, s.monthCents, s.extraEuDataMonthCents);
  const notification = db.prepare('INSERT INTO notifiche VALUES (?, ?, ?, ?, ?, ?)');
  for (const n of notifications) notification.run(n.id, n.contract, isoDate(n.sentOn), n.recipient, n.subject, JSON.stringify(n.lines));
}

/** A threshold with what its line spent in its period: spending per day or month, roaming data per month. */
const WITH_SPENDING = `SELECT s.*, COALESCE(CASE
    WHEN s.tipo = 'DATI_EXTRA_UE' THEN p.extra_ue_mese_cent
    WHEN s.periodo = 'GIORNO' THEN p.giorno_cent ELSE p.mese_cent END, 0) AS cons_cent, COALESCE(v.versione, 0) AS versione
  FROM soglie s LEFT JOIN spesa p ON p.nr_linea = s.nr_linea LEFT JOIN versioni_soglie v ON v.nr_linea = s.nr_linea AND v.tipo = s.tipo`;


export function thresholdStore(db: Db) {
  const ofLine = (line: string, kind: ThresholdKind) =>
    db.prepare(`${WITH_SPENDING} WHERE s.nr_linea = ? AND s.tipo = ?`).get(line, kind) as ThresholdRow | undefined;

  const versionOf = (line: string, kind: ThresholdKind) =>
    (db.prepare('SELECT versione FROM versioni_soglie WHERE nr_linea = ? AND tipo = ?').get(line, kind) as { versione: number } | undefined)?.versione ?? 0;

  function apply(change: ThresholdChange, at: string): ThresholdRow | 'none' | 'active' {
    const current = ofLine(change.line, change.kind);
    const active = current && current.dt_cess === null ? current : undefined;
    switch (change.operation) {
      case 'attiva':
        if (active) return 'active';
        db.prepare('INSERT OR REPLACE INTO soglie VALUES (?, ?, ?, ?, ?, ?, ?, NULL)')
          .run(change.line, change.contract, change.kind, change.nature, change.period, change.cents, at);
        break;
      case 'varia':
        if (!active) return 'none';
        db.prepare('UPDATE soglie SET natura = ?, periodo = ?, imp_cent = ? WHERE nr_linea = ? AND tipo = ?')
          .run(change.nature ?? active.natura, change.period ?? active.periodo, change.cents ?? active.imp_cent, change.line, change.kind);
        break;
      case 'cessa':
        if (!active) return 'none';
        db.prepare('UPDATE soglie SET dt_cess = ? WHERE nr_linea = ? AND tipo = ?').run(at, change.line, change.kind);
        break;
    }
    db.prepare(`INSERT INTO versioni_soglie VALUES (?, ?, 1)
      ON CONFLICT (nr_linea, tipo) DO UPDATE SET versione = versione + 1`).run(change.line, change.kind);
    return ofLine(change.line, change.kind)!;
  }

  return {
    thresholds(lines: string[]): ThresholdRow[] {
      if (lines.length === 0) return [];
      return db.prepare(`${WITH_SPENDING} WHERE s.nr_linea IN (${placeholders(lines.length)}) ORDER BY s.nr_linea, s.tipo`).all(...lines) as ThresholdRow[];
    },

    /** The thresholds of contracts, filtered, by line then kind: the monitoring page and its advanced search. */
    searchThresholds(q: ThresholdSearch): { total: number; rows: ThresholdRow[] } {
      if (q.contracts.length === 0) return { total: 0, rows: [] };
      const where = [`s.cd_ctr IN (${placeholders(q.contracts.length)})`];
      const params: (string | number)[] = [...q.contracts];
      if (q.line !== undefined) { where.push('s.nr_linea = ?'); params.push(q.line); }
      if (q.kind !== undefined) { where.push('s.tipo = ?'); params.push(q.kind); }
      if (q.nature !== undefined) { where.push('s.natura = ?'); params.push(q.nature); }
      if (q.period !== undefined) { where.push('s.periodo = ?'); params.push(q.period); }
      const clause = where.join(' AND ');
      const { total } = db.prepare(`SELECT COUNT(*) AS total FROM soglie s WHERE ${clause}`).get(...params) as { total: number };
      const rows = db.prepare(`${WITH_SPENDING} WHERE ${clause} ORDER BY s.nr_linea, s.tipo LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as ThresholdRow[];
      return { total, rows };
    },

    /**
     * Applies a change once per operation id, in one transaction with the record of the operation: the same id and
     * request again answer the threshold as it is and change nothing; the id with another request is `conflict`.
     * `none`: no active threshold of that kind to change or cease; `active`: one is active already; `changed`: the
     * threshold is no longer at `version`, the one the change was asked against. The version is not part of the
     * request an `idOp` records: a retry after the first attempt applied it reads the next version.
     */
    change(operationId: string, change: ThresholdChange, at: Date, version?: number): ThresholdRow | 'none' | 'active' | 'conflict' | 'changed' {
      const request = JSON.stringify(change);
      return db.transaction(() => {
        const done = db.prepare('SELECT richiesta FROM operazioni_soglie WHERE id_op = ?').get(operationId) as { richiesta: string } | undefined;
        if (done) return done.richiesta === request ? ofLine(change.line, change.kind) ?? 'none' : 'conflict' as const;
        if (version !== undefined && versionOf(change.line, change.kind) !== version) return 'changed' as const;
        const result = apply(change, isoDate(at));
        if (typeof result !== 'string') {
          db.prepare('INSERT INTO operazioni_soglie VALUES (?, ?, ?, ?)').run(operationId, change.operation, request, at.toISOString());
        }
        return result;
      })();
    },

    notifications(contracts: string[], from: string, to: string): NotificationRow[] {
      if (contracts.length === 0) return [];
      return db.prepare(`SELECT * FROM notifiche WHERE cd_ctr IN (${placeholders(contracts.length)}) AND dt BETWEEN ? AND ? ORDER BY dt DESC, id DESC`)
        .all(...contracts, from, to) as NotificationRow[];
    },
    /** What lines spent in the current day and month (the online traffic page shows the same figures). */
    spending(lines: string[]): { nr_linea: string; giorno_cent: number; mese_cent: number; extra_ue_mese_cent: number }[] {
      if (lines.length === 0) return [];
      return db.prepare(`SELECT * FROM spesa WHERE nr_linea IN (${placeholders(lines.length)})`).all(...lines) as never[];
    },
    notification: (id: string) => db.prepare('SELECT * FROM notifiche WHERE id = ?').get(id) as NotificationRow | undefined,
  };
}
export type ThresholdStore = ReturnType<typeof thresholdStore>;
