import { ACTIVE_PREPAID_OPTIONS, PREPAID_OPTIONS, type PrepaidFamily, type PrepaidOptionSeed } from '../data/tim-tuo-prepaid';
import { legacyAmount } from '../runtime/amount';
import { daysAgo, legacyDateTime, today } from '../runtime/clock';
import type { Db } from '../runtime/db';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { idList, invalid, jsonBody, ok, optionalString } from './operations';

/**
 * h-prepaid (issue 12). eBill's TIM TUO prepaid options (seed 002 §9.2.1.3 "Pacchetti/Plafond"): the traffic options
 * an employee activates on his prepaid line, charged to his personal credit. They live beside the personal basket
 * (same SQLite file, `ebill-personal.sqlite`), because a charge and the basket it debits must change in one
 * transaction. CRM keeps the pratica and its ordine; eBill keeps the option, its charge and what is left of it.
 *
 * A request is applied `applySeconds` after it was made (the setting TIM_TUO_PREPAID_APPLY_SECONDS: the back end's
 * "aggiornamento del pacchetto/plafond"); until then it is IN_LAVORAZIONE and the line takes no other request. Its
 * charge is settled when it is made, once per `idOp` (the CRM pratica id): ADDEBITATA when the personal credit covers
 * the price, else SCARTATA (the seed: "la richiesta non viene bloccata ma verrà successivamente scartata"), and a
 * discarded request changes nothing once applied. A cessation costs nothing (NON_DOVUTO).
 *
 * - `linee/tim-tuo-ric` {nrLinee} → {listino: [Opzione], linee: [{nrLinea, attive: [Attiva], inCorso: Richiesta|null,
 *   plafondDatiMese: SI/NO, richieste: [Richiesta] (this month and the previous one, newest first)}]};
 * - `linee/tim-tuo-ric/variazione` {idOp, nrLinea, famiglia, opzione?, azione ATTIVA/CESSA} → {idOp, richiesta,
 *   credito|null}; the same `idOp` and body again → the first answer's request as it is, nothing charged again;
 *   another body → 409 EB-409; a line with a request in progress, or a cessation with nothing active → 422 EB-422;
 * - `linee/traffico-personale` {nrLinee} → {traffico: [{nrLinea, gbTot, gbRes, minTot, minRes, smsTot, smsRes}]}: the
 *   national traffic left of the active package and data plafond ("La mia SIM", §9.1.1), lines with one only;
 * - `GET linee/{nrLinea}/tim-tuo-ric/riepilogo?famiglia&opzione&azione&rif`: the request's summary module (CSV).
 */
export const TIM_TUO_PREPAID_SCHEMA = `
CREATE TABLE IF NOT EXISTS tim_tuo_ric (
  id_op TEXT PRIMARY KEY, nr_linea TEXT NOT NULL, famiglia TEXT NOT NULL, opzione TEXT, azione TEXT NOT NULL, richiesta TEXT NOT NULL,
  esito TEXT NOT NULL, imp_cent INTEGER NOT NULL, dt_richiesta TEXT NOT NULL, dt_effetto TEXT NOT NULL,
  mb_usati INTEGER NOT NULL DEFAULT 0, min_usati INTEGER NOT NULL DEFAULT 0, sms_usati INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS tim_tuo_ric_linea ON tim_tuo_ric (nr_linea, dt_richiesta);
CREATE TABLE IF NOT EXISTS tim_tuo_ric_seeded (at TEXT NOT NULL);
`;

interface RequestRow {
  id_op: string; nr_linea: string; famiglia: PrepaidFamily; opzione: string | null; azione: 'ATTIVA' | 'CESSA'; richiesta: string;
  esito: 'ADDEBITATA' | 'SCARTATA' | 'NON_DOVUTO'; imp_cent: number; dt_richiesta: string; dt_effetto: string;
  mb_usati: number; min_usati: number; sms_usati: number;
}

const FAMILIES: readonly PrepaidFamily[] = ['PACCHETTO_NAZ', 'PLAFOND_DATI', 'PACCHETTO_EXTRA_UE', 'PLAFOND_EXTRA_UE'];
/** The families whose allowance is national traffic: the counters of "La mia SIM" add them up. */
const NATIONAL: readonly PrepaidFamily[] = ['PACCHETTO_NAZ', 'PLAFOND_DATI'];
const CATALOGUE = new Map(PREPAID_OPTIONS.map((o) => [o.code, o]));

/** Now on the legacy calendar, to the second: the pinned day (LEGACY_TODAY) at the clock's time. */
const legacyNow = () => `${today().toISOString().slice(0, 10)}T${new Date().toISOString().slice(11, 19)}`;
const later = (iso: string, seconds: number) => new Date(new Date(`${iso}Z`).getTime() + seconds * 1000).toISOString().slice(0, 19);
const dateTime = (iso: string) => legacyDateTime(new Date(`${iso}Z`));
const month = (iso: string) => iso.slice(0, 7);

const statusOf = (r: RequestRow, now: string) => (r.dt_effetto > now ? 'IN_LAVORAZIONE' : r.esito === 'SCARTATA' ? 'SCARTATA' : 'APPLICATA');

const optionJson = (o: PrepaidOptionSeed) => ({
  codice: o.code, famiglia: o.family, descrizione: o.name, imp: legacyAmount(o.cents), mb: String(o.mb), min: String(o.minutes), sms: String(o.sms),
});
const requestJson = (r: RequestRow, now: string) => ({
  idOp: r.id_op, nrLinea: r.nr_linea, famiglia: r.famiglia, opzione: r.opzione ?? '', azione: r.azione, esito: r.esito, imp: legacyAmount(r.imp_cent),
  stato: statusOf(r, now), dtRichiesta: dateTime(r.dt_richiesta), dtEffetto: dateTime(r.dt_effetto),
});

export function timTuoPrepaid(db: Db, applySeconds: number) {
  db.exec(TIM_TUO_PREPAID_SCHEMA);
  if (!db.prepare('SELECT 1 FROM tim_tuo_ric_seeded').get()) {
    db.transaction(() => {
      const insert = db.prepare(`INSERT INTO tim_tuo_ric VALUES (?, ?, ?, ?, 'ATTIVA', '{}', 'ADDEBITATA', ?, ?, ?, ?, ?, ?)`);
      for (const a of ACTIVE_PREPAID_OPTIONS) {
        const option = CATALOGUE.get(a.code)!;
        const at = daysAgo(a.daysAgo).toISOString().slice(0, 19);
        insert.run(a.operationId, a.lineNumber, option.family, option.code, option.cents, at, at, a.usedMb, a.usedMinutes, a.usedSms);
      }
      db.prepare('INSERT INTO tim_tuo_ric_seeded VALUES (?)').run(new Date().toISOString());
    })();
  }

  const requestsOf = (line: string) =>
    db.prepare('SELECT * FROM tim_tuo_ric WHERE nr_linea = ? ORDER BY dt_richiesta, rowid').all(line) as RequestRow[];

  /** The line's state now: per family the option applied last (a data plafond only in its own month), and the request in progress. */
  function stateOf(line: string, now: string) {
    const rows = requestsOf(line);
    const active = new Map<PrepaidFamily, RequestRow>();
    for (const r of rows) {
      if (statusOf(r, now) !== 'APPLICATA') continue;
      if (r.azione === 'ATTIVA') active.set(r.famiglia, r);
      else active.delete(r.famiglia);
    }
    const dataPlafond = active.get('PLAFOND_DATI');
    if (dataPlafond && month(dataPlafond.dt_richiesta) !== month(now)) active.delete('PLAFOND_DATI');
    return {
      rows,
      active,
      inProgress: rows.find((r) => statusOf(r, now) === 'IN_LAVORAZIONE') ?? null,
      dataPlafondThisMonth: rows.some((r) => r.famiglia === 'PLAFOND_DATI' && r.azione === 'ATTIVA' && r.esito === 'ADDEBITATA' && month(r.dt_richiesta) === month(now)),
    };
  }

  function lines(raw: Buffer): StandInReply {
    const now = legacyNow();
    const since = `${month(new Date(Date.UTC(Number(now.slice(0, 4)), Number(now.slice(5, 7)) - 2, 1)).toISOString())}-01`;
    return ok({
      listino: PREPAID_OPTIONS.map(optionJson),
      linee: idList(jsonBody(raw), 'nrLinee').map((line) => {
        const state = stateOf(line, now);
        return {
          nrLinea: line,
          attive: [...state.active.values()].map((r) => ({ famiglia: r.famiglia, opzione: r.opzione, idOp: r.id_op, dtAtt: dateTime(r.dt_effetto) })),
          inCorso: state.inProgress && requestJson(state.inProgress, now),
          plafondDatiMese: state.dataPlafondThisMonth ? 'SI' : 'NO',
          richieste: state.rows.filter((r) => r.dt_richiesta >= since).reverse().map((r) => requestJson(r, now)),
        };
      }),
    });
  }

  const basket = (line: string) => db.prepare('SELECT cred_cent, dt_agg FROM credito_personale WHERE nr_linea = ?').get(line) as { cred_cent: number; dt_agg: string } | undefined;
  const creditJson = (line: string) => {
    const b = basket(line);
    return b ? { nrLinea: line, credRes: legacyAmount(b.cred_cent), dtAgg: legacyDateTime(new Date(`${b.dt_agg}:00Z`)) } : null;
  };

  /** One transaction: the request, its charge and the debit of the personal credit, or nothing. */
  function change(raw: Buffer): StandInReply {
    const body = jsonBody(raw);
    const [operationId, line, family, code, action] = ['idOp', 'nrLinea', 'famiglia', 'opzione', 'azione'].map((f) => optionalString(body, f));
    if (!operationId || !line) throw invalid('idOp e nrLinea obbligatori');
    if (!FAMILIES.includes(family as PrepaidFamily)) throw invalid(`famiglia ammesse: ${FAMILIES.join(', ')}`);
    if (action !== 'ATTIVA' && action !== 'CESSA') throw invalid('azione ammesse: ATTIVA, CESSA');
    const option = code === undefined ? undefined : CATALOGUE.get(code);
    if (action === 'ATTIVA' && option?.family !== family) throw invalid(`opzione ${code ?? ''} non prevista per ${family}`);
    const request = JSON.stringify({ line, family, code: action === 'ATTIVA' ? code : null, action });
    const now = legacyNow();
    const row = db.transaction((): RequestRow | 'conflict' => {
      const done = db.prepare('SELECT * FROM tim_tuo_ric WHERE id_op = ?').get(operationId) as RequestRow | undefined;
      if (done) return done.richiesta === request ? done : 'conflict';
      const state = stateOf(line, now);
      if (state.inProgress) throw new LegacyFault(422, 'EB-422', `variazione ${state.inProgress.id_op} in lavorazione sulla linea ${line}`);
      if (action === 'CESSA' && !state.active.has(family as PrepaidFamily)) throw new LegacyFault(422, 'EB-422', `nessuna opzione ${family} attiva sulla linea ${line}`);
      const price = action === 'ATTIVA' ? option!.cents : 0;
      const credit = basket(line)?.cred_cent ?? 0;
      const outcome = action === 'CESSA' ? 'NON_DOVUTO' : credit >= price ? 'ADDEBITATA' : 'SCARTATA';
      if (outcome === 'ADDEBITATA') db.prepare('UPDATE credito_personale SET cred_cent = cred_cent - ?, dt_agg = ? WHERE nr_linea = ?').run(price, now.slice(0, 16), line);
      db.prepare('INSERT INTO tim_tuo_ric (id_op, nr_linea, famiglia, opzione, azione, richiesta, esito, imp_cent, dt_richiesta, dt_effetto) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(operationId, line, family, action === 'ATTIVA' ? code : state.active.get(family as PrepaidFamily)!.opzione, action, request, outcome, price, now, later(now, applySeconds));
      return db.prepare('SELECT * FROM tim_tuo_ric WHERE id_op = ?').get(operationId) as RequestRow;
    })();
    if (row === 'conflict') throw new LegacyFault(409, 'EB-409', `operazione ${operationId} già eseguita con altri dati`);
    return ok({ idOp: operationId, richiesta: requestJson(row, now), credito: creditJson(line) });
  }

  /** What is left of the national allowance of the active package and data plafond. */
  function traffic(raw: Buffer): StandInReply {
    const now = legacyNow();
    return ok({
      traffico: idList(jsonBody(raw), 'nrLinee').flatMap((line) => {
        const active = [...stateOf(line, now).active.values()].filter((r) => NATIONAL.includes(r.famiglia));
        if (active.length === 0) return [];
        const sum = (f: (o: PrepaidOptionSeed, r: RequestRow) => number) => active.reduce((n, r) => n + f(CATALOGUE.get(r.opzione!)!, r), 0);
        const [mbTot, mbUsed] = [sum((o) => o.mb), sum((_o, r) => r.mb_usati)];
        const gb = (mb: number) => legacyAmount(Math.round((mb * 100) / 1024));
        const [minTot, smsTot] = [sum((o) => o.minutes), sum((o) => o.sms)];
        return [{
          nrLinea: line, gbTot: gb(mbTot), gbRes: gb(Math.max(0, mbTot - mbUsed)),
          minTot: String(minTot), minRes: String(Math.max(0, minTot - sum((_o, r) => r.min_usati))),
          smsTot: String(smsTot), smsRes: String(Math.max(0, smsTot - sum((_o, r) => r.sms_usati))),
        }];
      }),
    });
  }

  /** The summary module the employee downloads before confirming (seed 002 §9.2.1.3): the request and its reference. */
  function summary([, line]: string[], query: URLSearchParams): StandInReply {
    const option = CATALOGUE.get(query.get('opzione') ?? '');
    const credit = basket(line)?.cred_cent ?? 0;
    const rows = [
      ['Linea', line], ['Famiglia', query.get('famiglia') ?? ''], ['Azione', query.get('azione') ?? ''],
      ['Opzione', option?.name ?? ''], ['Costo', option && query.get('azione') === 'ATTIVA' ? legacyAmount(option.cents) : '0,00'],
      ['Credito personale residuo', legacyAmount(credit)], ['Riferimento', query.get('rif') ?? ''],
    ];
    return {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="riepilogo-tim-tuo-${line}.csv"` },
      body: ['Voce;Valore', ...rows.map((r) => r.join(';'))].join('\r\n'),
    };
  }

  return {
    routes: { 'linee/tim-tuo-ric': lines, 'linee/tim-tuo-ric/variazione': change, 'linee/traffico-personale': traffic },
    files: [{ path: /^\/ebill\/v1\/linee\/(\d{6,15})\/tim-tuo-ric\/riepilogo$/, operation: 'linee/tim-tuo-ric/riepilogo', run: summary }],
  };
}
