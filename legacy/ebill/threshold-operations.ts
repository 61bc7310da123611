import { legacyAmount } from '../runtime/amount';
import { legacyDate, today } from '../runtime/clock';
import { LegacyFault, type StandInReply } from '../runtime/server';
import type { ThresholdKind, ThresholdNature, ThresholdPeriod } from '../data/ebill-thresholds';
import { idList, intField, invalid, isoDateField, jsonBody, ok, optionalString } from './operations';
import type { NotificationRow, ThresholdChange, ThresholdRow, ThresholdStore } from './threshold-store';

/**
 * eBill's threshold operations (seed 002 §7.5), below `/ebill/v1/soglie/`: reads (`ricerca` by lines, `contratto`
 * for the monitoring pages, `notifiche`), three writes keyed by `idOp` (`attiva`, `varia`, `cessa`) and three files
 * (`csv` of a contract's thresholds, a notification's `allegato`, the `riepilogo` a request confirms).
 * eBill computes the erosion from its own traffic: what the line spent in the threshold's period.
 */
const KINDS: readonly ThresholdKind[] = ['SPESA', 'DATI_EXTRA_UE'];
const NATURES: readonly ThresholdNature[] = ['INFO', 'DISPO'];
const PERIODS: readonly ThresholdPeriod[] = ['GIORNO', 'MESE'];
const MAX_PAGE_SIZE = 1_000;

const fromIso = (iso: string) => legacyDate(new Date(`${iso}T12:00:00Z`));

/** Erosion as eBill prints it: available euros (never below 0) and the share spent; a 0 € threshold is 100 % eroded. */
function erosion(r: ThresholdRow): { available: number; percentHundredths: number } {
  const available = Math.max(0, r.imp_cent - r.cons_cent);
  const percentHundredths = r.imp_cent === 0 ? 10_000 : Math.round((r.cons_cent * 10_000) / r.imp_cent);
  return { available, percentHundredths };
}

/** "SOGLIA INFO SPESA PA", "SOGLIA DISPO VALORE DATI EXTRA UE PA": the names the seed's screens show. */
const description = (r: Pick<ThresholdRow, 'tipo' | 'natura'>) =>
  `SOGLIA ${r.natura} ${r.tipo === 'SPESA' ? 'SPESA' : 'VALORE DATI EXTRA UE'} PA`;

export function thresholdJson(r: ThresholdRow) {
  const { available, percentHundredths } = erosion(r);
  return {
    nrLinea: r.nr_linea, cdCtr: r.cd_ctr, tipoSoglia: r.tipo, descrizione: description(r), natura: r.natura, periodo: r.periodo,
    imp: legacyAmount(r.imp_cent), impCons: legacyAmount(r.cons_cent), valDisp: legacyAmount(available), erosione: legacyAmount(percentHundredths),
    stato: r.dt_cess === null ? 'ATTIVO' : 'CESSATO', dtAtt: fromIso(r.dt_att), dtCess: r.dt_cess === null ? '' : fromIso(r.dt_cess),
    // A dispositive threshold reached blocks the line's paid traffic (seed 002 §7.5.1).
    bloccata: r.dt_cess === null && r.natura === 'DISPO' && r.cons_cent >= r.imp_cent ? 'SI' : 'NO',
    versione: String(r.versione),
  };
}

const notificationJson = (n: NotificationRow) => ({
  idNotifica: n.id, cdCtr: n.cd_ctr, dtInvio: fromIso(n.dt), destinatario: n.destinatario, oggetto: n.oggetto,
  nrLinee: (JSON.parse(n.linee) as { lineNumber: string }[]).map((l) => l.lineNumber),
});

function oneOf<T extends string>(body: Record<string, unknown>, field: string, values: readonly T[], required: true): T;
function oneOf<T extends string>(body: Record<string, unknown>, field: string, values: readonly T[], required: false): T | undefined;
function oneOf<T extends string>(body: Record<string, unknown>, field: string, values: readonly T[], required: boolean): T | undefined {
  const value = optionalString(body, field);
  if (value === undefined && !required) return undefined;
  if (!values.includes(value as T)) throw invalid(`${field} deve essere ${values.join(' o ')}`);
  return value as T;
}

/** `"50,00"`, zero allowed (a dispositive 0 € threshold); in cents. */
function thresholdAmount(body: Record<string, unknown>, field: string, required: boolean): number | undefined {
  const value = optionalString(body, field);
  if (value === undefined && !required) return undefined;
  const m = value === undefined ? null : /^(\d{1,7}),(\d{2})$/.exec(value);
  if (!m) throw invalid(`${field} deve essere un importo, es. 50,00`);
  return Number(m[1]) * 100 + Number(m[2]);
}

export function thresholdsOfLines(store: ThresholdStore, raw: Buffer): StandInReply {
  return ok({ soglie: store.thresholds(idList(jsonBody(raw), 'nrLinee')).map(thresholdJson) });
}

export function thresholdsOfContracts(store: ThresholdStore, raw: Buffer): StandInReply {
  const body = jsonBody(raw);
  const pag = intField(body, 'pag', 1, Number.MAX_SAFE_INTEGER);
  const dimPag = intField(body, 'dimPag', 1, MAX_PAGE_SIZE);
  const { total, rows } = store.searchThresholds({
    contracts: idList(body, 'cdCtr'),
    line: optionalString(body, 'nrLinea'),
    kind: oneOf(body, 'tipoSoglia', KINDS, false),
    nature: oneOf(body, 'natura', NATURES, false),
    period: oneOf(body, 'periodo', PERIODS, false),
    offset: (pag - 1) * dimPag,
    limit: dimPag,
  });
  return ok({ tot: total, soglie: rows.map(thresholdJson) });
}

function changeOf(operation: ThresholdChange['operation'], body: Record<string, unknown>): ThresholdChange {
  const line = optionalString(body, 'nrLinea');
  if (!line) throw invalid('nrLinea obbligatorio');
  const kind = oneOf(body, 'tipoSoglia', KINDS, true);
  switch (operation) {
    case 'attiva': {
      const contract = optionalString(body, 'cdCtr');
      if (!contract) throw invalid('cdCtr obbligatorio');
      return { operation, line, contract, kind, nature: oneOf(body, 'natura', NATURES, true), period: oneOf(body, 'periodo', PERIODS, true), cents: thresholdAmount(body, 'imp', true)! };
    }
    case 'varia': {
      const change = { operation, line, kind, nature: oneOf(body, 'natura', NATURES, false), period: oneOf(body, 'periodo', PERIODS, false), cents: thresholdAmount(body, 'imp', false) };
      if (change.nature === undefined && change.period === undefined && change.cents === undefined) throw invalid('nessuna variazione');
      return change;
    }
    case 'cessa':
      return { operation, line, kind };
  }
}

/**
 * `soglie/attiva`, `soglie/varia`, `soglie/cessa`: one line's threshold of one kind, once per `idOp` (the graph
 * sends the CRM pratica id). The same `idOp` and request again answer the threshold as it is; the `idOp` with
 * another request is EB-409; a threshold already active (attiva) or none to change (varia, cessa) is EB-422; with
 * `versione` (the threshold's version the change was asked against), a threshold changed since is EB-409.
 */
export function changeThreshold(store: ThresholdStore, operation: ThresholdChange['operation'], raw: Buffer): StandInReply {
  const body = jsonBody(raw);
  const operationId = optionalString(body, 'idOp');
  if (!operationId) throw invalid('idOp obbligatorio');
  const change = changeOf(operation, body);
  const version = optionalString(body, 'versione');
  if (version !== undefined && !/^\d{1,9}$/.test(version)) throw invalid('versione deve essere un numero');
  // The legacy calendar (LEGACY_TODAY pins it), like every date of the fixture.
  const result = store.change(operationId, change, today(), version === undefined ? undefined : Number(version));
  if (result === 'changed') throw new LegacyFault(409, 'EB-409', `soglia ${change.kind} della linea variata dopo la versione ${version}`);
  if (result === 'conflict') throw new LegacyFault(409, 'EB-409', `operazione ${operationId} già eseguita con altri dati`);
  if (result === 'active') throw new LegacyFault(422, 'EB-422', `soglia ${change.kind} già attiva sulla linea`);
  if (result === 'none') throw new LegacyFault(422, 'EB-422', `nessuna soglia ${change.kind} attiva sulla linea`);
  return ok({ idOp: operationId, soglia: thresholdJson(result) });
}

export function notifications(store: ThresholdStore, raw: Buffer): StandInReply {
  const body = jsonBody(raw);
  return ok({ notifiche: store.notifications(idList(body, 'cdCtr'), isoDateField(body, 'dtDa'), isoDateField(body, 'dtA')).map(notificationJson) });
}

/** Semicolon CSV as eBill exports it. */
/** A semicolon CSV file as eBill serves its lists (issue 22: also the invoices, invoice-file.ts). */
export function csv(fileName: string, header: string[], rows: string[][]): StandInReply {
  const text = [header, ...rows].map((r) => r.join(';')).join('\r\n') + '\r\n';
  return { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"` }, body: text };
}

const THRESHOLD_COLUMNS = ['LINEA', 'DESCRIZIONE_SOGLIA', 'VALORE_SOGLIA', 'VALORE_DISPONIBILE', 'EROSIONE', 'PERIODO', 'STATO', 'ATTIVAZIONE', 'CESSAZIONE'];
const thresholdCells = (r: ThresholdRow) => {
  const j = thresholdJson(r);
  return [j.nrLinea, j.descrizione, j.imp, j.valDisp, `${j.erosione} %`, j.periodo, j.stato, j.dtAtt, j.dtCess];
};

/** `GET soglie/csv?cdCtr=…[&nrLinea=…]`: the state of the thresholds of every line of a contract, or of one of its lines (§7.5.5 "Scarica il file CSV"). */
export function contractThresholdsCsv(store: ThresholdStore, query: URLSearchParams): StandInReply {
  const contract = query.get('cdCtr');
  if (!contract) throw invalid('cdCtr obbligatorio');
  const { rows } = store.searchThresholds({ contracts: [contract], line: query.get('nrLinea') ?? undefined, offset: 0, limit: Number.MAX_SAFE_INTEGER });
  return csv(`soglie_${contract}.csv`, THRESHOLD_COLUMNS, rows.map(thresholdCells));
}

/** `GET soglie/notifiche/{id}/allegato`: the lines a notification e-mail was about and their erosion. */
export function notificationAttachment(store: ThresholdStore, id: string): StandInReply {
  const n = store.notification(id);
  if (!n) throw new LegacyFault(404, 'EB-404', `notifica ${id} inesistente`);
  const lines = JSON.parse(n.linee) as { lineNumber: string; description: string; erosionPercent: number }[];
  return csv(`${n.id}.csv`, ['LINEA', 'DESCRIZIONE_SOGLIA', 'EROSIONE'], lines.map((l) => [l.lineNumber, l.description, `${l.erosionPercent},00 %`]));
}

/**
 * `GET soglie/riepilogo?…`: the summary module of a threshold request and its lines (seed 002 §7.5.1, "il modulo
 * riepilogativo e la lista delle linee"), with the lines' thresholds as they are and the change asked; it carries
 * the confirmation reference the request must quote (`rif`).
 */
export function requestSummary(store: ThresholdStore, query: URLSearchParams): StandInReply {
  const lines = (query.get('linee') ?? '').split(',').filter(Boolean);
  if (lines.length === 0 || lines.length > 100) throw invalid('linee');
  const asked = ['operazione', 'tipoSoglia', 'natura', 'periodo', 'imp'].map((k) => `${k}=${query.get(k) ?? ''}`).join(' ');
  const current = new Map(store.thresholds(lines).map((r) => [`${r.nr_linea}:${r.tipo}`, r]));
  const rows = lines.map((line) => {
    const r = current.get(`${line}:${query.get('tipoSoglia') ?? 'SPESA'}`);
    return r ? [line, ...thresholdCells(r).slice(1)] : [line, 'NESSUNA SOGLIA', '', '', '', '', '', '', ''];
  });
  return csv('riepilogo_soglie.csv', THRESHOLD_COLUMNS, [[`# RICHIESTA ${asked}`], [`# RIFERIMENTO ${query.get('rif') ?? ''}`], ...rows]);
}
