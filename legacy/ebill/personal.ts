import { PERSONAL_BASKETS, PERSONAL_TOP_UPS, personalTopUpDate, SERVICE_SMS } from '../data/ebill-personal';
import { jsonObjectBody } from '../runtime/json-body';
import { legacyAmount } from '../runtime/amount';
import { daysAgo, legacyDateTime, parseLegacyDate, today } from '../runtime/clock';
import { openDatabase } from '../runtime/db';
import { LegacyFault, type StandInReply } from '../runtime/server';

/**
 * h-employee (issue 12). eBill's personal baskets (seed 002 §9.1.1-§9.1.3): the employee's own credit on a prepaid
 * line, apart from the company's, and the personal top-ups that fed it. Kept in its own SQLite file beside eBill's
 * (`ebill-personal.sqlite`), served on eBill's port with eBill's envelope and codes:
 * - `linee/credito-personale` {nrLinee} → {crediti: [{nrLinea, credRes, dtAgg}]} (lines with a personal basket);
 * - `linee/ricarica-personale` {idOp, nrLinea, imp, canale, dettaglio} → {idOp, credito}: credits once per `idOp`
 *   (the payment's id): the same again answers the credit as it is; `idOp` with another line or amount → 409 EB-409;
 * - `linee/ricariche-personali` {nrLinea, dtDa, dtA} → {tot, ricariche: [{idOp, nrLinea, dtOra, imp, tipo, dettaglio}]}
 *   newest first;
 * - `linee/sms-servizio` {nrLinea, dtDa, dtA} → {tot, sms: [{mittente, tipologia, testo, dtInvio, dtConsegna, stato}]}
 *   newest first: the service SMS the line received (seed 002 §9.2.3);
 * - `GET /ebill/v1/linee/{nrLinea}/sms-servizio.csv?dtDa=&dtA=`: the same as a semicolon CSV file (the page's download).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS credito_personale (nr_linea TEXT PRIMARY KEY, cred_cent INTEGER NOT NULL, dt_agg TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ricariche_personali (
  id_op TEXT PRIMARY KEY, nr_linea TEXT NOT NULL, imp_cent INTEGER NOT NULL, dt TEXT NOT NULL, tipo TEXT NOT NULL, dettaglio TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ricariche_personali_linea ON ricariche_personali (nr_linea, dt);
CREATE TABLE IF NOT EXISTS sms_servizio (
  id INTEGER PRIMARY KEY, nr_linea TEXT NOT NULL, mittente TEXT NOT NULL, tipologia TEXT NOT NULL, testo TEXT NOT NULL,
  dt_invio TEXT NOT NULL, dt_consegna TEXT, stato TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sms_servizio_linea ON sms_servizio (nr_linea, dt_invio);
`;

interface BasketRow { nr_linea: string; cred_cent: number; dt_agg: string }
interface SmsRow { nr_linea: string; mittente: string; tipologia: string; testo: string; dt_invio: string; dt_consegna: string | null; stato: string }
interface TopUpRow { id_op: string; nr_linea: string; imp_cent: number; dt: string; tipo: string; dettaglio: string }

/** What a top-up made on the web portal or app is called in eBill's history (the seed's §9.1.3 rows). */
const WEB_KIND = 'Ricarica da altri canali';
const WEB_DETAIL = 'Ricarica da WEB';

const isoMinute = (d: Date) => d.toISOString().slice(0, 16);
/** Now on the legacy calendar: the pinned day (LEGACY_TODAY) at the clock's time, so that a top-up falls in today's windows. */
const nowOnLegacyCalendar = () => `${today().toISOString().slice(0, 10)}T${new Date().toISOString().slice(11, 16)}`;
const ok = (value: Record<string, unknown>): StandInReply => ({
  status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ esito: 'OK', ...value }),
});
const invalid = (what: string) => new LegacyFault(400, 'EB-400', `richiesta non valida: ${what}`);

const body = (raw: Buffer) => jsonObjectBody(raw, () => invalid('corpo JSON atteso'));

const str = (b: Record<string, unknown>, field: string) => {
  if (typeof b[field] !== 'string' || b[field] === '') throw invalid(`${field} obbligatorio`);
  return b[field] as string;
};

const basketJson = (r: BasketRow) => ({ nrLinea: r.nr_linea, credRes: legacyAmount(r.cred_cent), dtAgg: legacyDateTime(new Date(`${r.dt_agg}:00Z`)) });
const topUpJson = (r: TopUpRow) => ({
  idOp: r.id_op, nrLinea: r.nr_linea, dtOra: legacyDateTime(new Date(`${r.dt}:00Z`)), imp: legacyAmount(r.imp_cent), tipo: r.tipo, dettaglio: r.dettaglio,
});

const at = (iso: string | null) => (iso === null ? '' : legacyDateTime(new Date(`${iso}:00Z`)));
const smsJson = (r: SmsRow) => ({
  mittente: r.mittente, tipologia: r.tipologia, testo: r.testo, dtInvio: at(r.dt_invio), dtConsegna: at(r.dt_consegna), stato: r.stato,
});

export function openPersonalBaskets(dataDir: string) {
  const db = openDatabase(dataDir, 'ebill-personal', SCHEMA, (d) => {
    const basket = d.prepare('INSERT INTO credito_personale VALUES (?, ?, ?)');
    for (const b of PERSONAL_BASKETS) basket.run(b.lineNumber, b.cents, isoMinute(daysAgo(b.updatedDaysAgo)));
    const topUp = d.prepare('INSERT INTO ricariche_personali VALUES (?, ?, ?, ?, ?, ?)');
    for (const t of PERSONAL_TOP_UPS) topUp.run(t.operationId, t.lineNumber, t.cents, isoMinute(personalTopUpDate(t)), t.kind, t.detail);
    const sms = d.prepare('INSERT INTO sms_servizio (nr_linea, mittente, tipologia, testo, dt_invio, dt_consegna, stato) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const m of SERVICE_SMS) sms.run(m.lineNumber, m.sender, m.kind, m.text, isoMinute(daysAgo(m.daysAgo)), isoMinute(daysAgo(m.daysAgo)), m.status);
  });
  const basket = (line: string) => db.prepare('SELECT * FROM credito_personale WHERE nr_linea = ?').get(line) as BasketRow | undefined;

  function credits(raw: Buffer): StandInReply {
    const lines = body(raw).nrLinee;
    if (!Array.isArray(lines) || !lines.every((l) => typeof l === 'string')) throw invalid('nrLinee deve essere una lista');
    if (lines.length > 50) throw new LegacyFault(413, 'EB-413', 'troppi elementi in nrLinee: massimo 50');
    return ok({ crediti: lines.flatMap((l) => basket(l) ?? []).map(basketJson) });
  }

  /** One transaction: the top-up's record and the credit, or neither; the same `idOp` again credits nothing. */
  function topUp(raw: Buffer): StandInReply {
    const b = body(raw);
    const operationId = str(b, 'idOp');
    const line = str(b, 'nrLinea');
    const m = /^(\d{1,7}),(\d{2})$/.exec(str(b, 'imp'));
    const cents = m ? Number(m[1]) * 100 + Number(m[2]) : 0;
    if (cents <= 0) throw invalid('imp deve essere un importo positivo, es. 10,00');
    const credited = db.transaction(() => {
      const done = db.prepare('SELECT * FROM ricariche_personali WHERE id_op = ?').get(operationId) as TopUpRow | undefined;
      if (done) return done.nr_linea === line && done.imp_cent === cents ? basket(line)! : null;
      const now = nowOnLegacyCalendar();
      // A prepaid line's personal basket exists from its first personal top-up.
      db.prepare(`INSERT INTO credito_personale VALUES (?, ?, ?)
        ON CONFLICT (nr_linea) DO UPDATE SET cred_cent = cred_cent + excluded.cred_cent, dt_agg = excluded.dt_agg`).run(line, cents, now);
      db.prepare('INSERT INTO ricariche_personali VALUES (?, ?, ?, ?, ?, ?)').run(operationId, line, cents, now, WEB_KIND, WEB_DETAIL);
      return basket(line)!;
    })();
    if (!credited) throw new LegacyFault(409, 'EB-409', `operazione ${operationId} già eseguita con altri dati`);
    return ok({ idOp: operationId, credito: basketJson(credited) });
  }

  /** A line's rows of `table` from `dtDa` to `dtA` (both days included, on column `at`), newest first. */
  function window<T>(raw: Buffer, table: string, at: string): T[] {
    const b = body(raw);
    const [from, to] = ['dtDa', 'dtA'].map((f) => parseLegacyDate(str(b, f)));
    if (!from || !to) throw invalid('dtDa e dtA devono essere gg/mm/aaaa');
    return db.prepare(`SELECT * FROM ${table} WHERE nr_linea = ? AND ${at} >= ? AND ${at} < ? ORDER BY ${at} DESC, rowid DESC`)
      .all(str(b, 'nrLinea'), from.toISOString().slice(0, 10), new Date(to.getTime() + 86_400_000).toISOString().slice(0, 10)) as T[];
  }

  function history(raw: Buffer): StandInReply {
    const rows = window<TopUpRow>(raw, 'ricariche_personali', 'dt');
    return ok({ tot: rows.length, ricariche: rows.map(topUpJson) });
  }

  function serviceSms(raw: Buffer): StandInReply {
    const rows = window<SmsRow>(raw, 'sms_servizio', 'dt_invio');
    return ok({ tot: rows.length, sms: rows.map(smsJson) });
  }

  function serviceSmsFile([, line]: string[], query: URLSearchParams): StandInReply {
    const criteria = Buffer.from(JSON.stringify({ nrLinea: line, dtDa: query.get('dtDa') ?? '', dtA: query.get('dtA') ?? '' }));
    const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const lines = window<SmsRow>(criteria, 'sms_servizio', 'dt_invio').map((r) => smsJson(r))
      .map((m) => [m.mittente, m.tipologia, m.testo, m.dtInvio, m.dtConsegna, m.stato].map(cell).join(';'));
    return {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="sms-servizio-${line}.csv"` },
      body: ['Mittente;Tipologia;Testo SMS;Data/ora invio;Data/ora consegna;Stato', ...lines].join('\r\n'),
    };
  }

  return {
    routes: { 'linee/credito-personale': credits, 'linee/ricarica-personale': topUp, 'linee/ricariche-personali': history, 'linee/sms-servizio': serviceSms },
    files: [{ path: /^\/ebill\/v1\/linee\/(\d{6,15})\/sms-servizio\.csv$/, operation: 'linee/sms-servizio.csv', run: serviceSmsFile }],
    close: () => db.close(),
    /** h-prepaid: the TIM TUO prepaid options charge this basket in their own transactions (tim-tuo-prepaid.ts). */
    db,
  };
}
