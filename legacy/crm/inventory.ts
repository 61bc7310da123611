import { placeholders, type Db } from '../runtime/db';
import { legacyDate } from '../runtime/clock';
import { legacyAmount } from '../runtime/amount';
import { inventoryFixture } from '../data/inventory-reference';
import { deviceImei } from './device-imei';

/**
 * CRM's inventory of a CM8 contract (seed 002 §7.2.1-§7.2.2; ARCHITECTURE.md "CRM — inventory"): supplementary
 * services per line (STS), devices, contract services (SAC) and the per-line TIM TUO record. The queries here are
 * what the SOAP operations of inventory-operations.ts run: aggregates are SQL GROUP BYs, never a walk of the lines.
 */
export const INVENTORY_SCHEMA = `
CREATE TABLE IF NOT EXISTS sts_linee (
  numero_linea TEXT NOT NULL, numero_contratto TEXT NOT NULL, descrizione TEXT NOT NULL, apn TEXT, data_attivazione TEXT NOT NULL,
  data_cessazione TEXT, stato TEXT NOT NULL, percentuale_ente INTEGER NOT NULL, canone_cent INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS sts_linee_contratto ON sts_linee (numero_contratto, numero_linea);
CREATE INDEX IF NOT EXISTS sts_linee_aggregato ON sts_linee (numero_contratto, descrizione, stato);
-- Covering indexes of the aggregates: each GROUP BY reads its index in order, never the table nor a temporary tree.
CREATE INDEX IF NOT EXISTS linee_mobili_aggregato ON linee_mobili (numero_contratto, piano_tariffario, stato);
CREATE TABLE IF NOT EXISTS apparati (
  id TEXT PRIMARY KEY, numero_linea TEXT NOT NULL, numero_contratto TEXT NOT NULL, codice_nmu TEXT NOT NULL, tipo_servizio TEXT NOT NULL,
  data_attivazione TEXT NOT NULL, stato TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS apparati_contratto ON apparati (numero_contratto, numero_linea);
CREATE INDEX IF NOT EXISTS apparati_aggregato ON apparati (numero_contratto, codice_nmu, tipo_servizio, stato);
CREATE TABLE IF NOT EXISTS sac (
  numero_contratto TEXT NOT NULL, descrizione TEXT NOT NULL, data_attivazione TEXT NOT NULL, stato TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sac_contratto ON sac (numero_contratto);
CREATE TABLE IF NOT EXISTS tim_tuo_linee (
  numero_linea TEXT PRIMARY KEY, numero_contratto TEXT NOT NULL, abilitata TEXT NOT NULL,
  tipo_servizio TEXT, stato_servizio TEXT, codice_dipendente TEXT, cognome_dipendente TEXT, nome_dipendente TEXT,
  codice_fiscale_dipendente TEXT, data_attivazione TEXT, data_cessazione TEXT,
  -- the TIM TUO options active on the line (JSON array: ROAMING_EXTRA_UE, MMS; seed 002 §7.4.6, tim-tuo.ts)
  opzioni TEXT NOT NULL DEFAULT '[]');
CREATE INDEX IF NOT EXISTS tim_tuo_linee_contratto ON tim_tuo_linee (numero_contratto, tipo_servizio, stato_servizio);
`;

export function seedInventory(db: Db, large: { id: string; lines: number }[]): void {
  const f = inventoryFixture(large);
  const sts = db.prepare('INSERT INTO sts_linee VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const s of f.lineServices) {
    sts.run(s.line, s.contract, s.description, s.apn, s.activatedOn, s.ceasedOn, s.status, s.chargedToEntePercent, s.monthlyFeeCent);
  }
  const device = db.prepare('INSERT INTO apparati VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const d of f.devices) device.run(d.id, d.line, d.contract, d.nmuCode, d.serviceType, d.activatedOn, d.status);
  const sac = db.prepare('INSERT INTO sac VALUES (?, ?, ?, ?)');
  for (const s of f.contractServices) sac.run(s.contract, s.description, s.activatedOn, s.status);
  const timTuo = db.prepare(`INSERT INTO tim_tuo_linee (numero_linea, numero_contratto, abilitata, tipo_servizio, stato_servizio, codice_dipendente,
    cognome_dipendente, nome_dipendente, codice_fiscale_dipendente, data_attivazione, data_cessazione) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const t of f.timTuo) {
    const s = t.service;
    timTuo.run(t.line, t.contract, t.enabled ? 'SI' : 'NO', s?.kind ?? null, s?.status ?? null, s?.employeeCode ?? null, s?.employeeLastName ?? null,
      s?.employeeFirstName ?? null, s?.employeeTaxCode ?? null, s?.activatedOn ?? null, s?.ceasedOn ?? null);
  }
}

const date = (iso: string | null) => (iso ? legacyDate(new Date(`${iso}T12:00:00Z`)) : '');

/**
 * The six aggregates of §7.2.1, each `GROUP BY` contract and the page's columns. `totale` is the count; the other
 * columns are CRM's element names.
 */
const AGGREGATES = {
  linee: `SELECT numero_contratto, COUNT(*) AS totale, piano_tariffario AS pianoTariffario, stato FROM linee_mobili
    WHERE numero_contratto IN (%C) GROUP BY numero_contratto, piano_tariffario, stato ORDER BY piano_tariffario, stato`,
  sts: `SELECT numero_contratto, COUNT(*) AS totale, descrizione, stato FROM sts_linee
    WHERE numero_contratto IN (%C) GROUP BY numero_contratto, descrizione, stato ORDER BY descrizione, stato`,
  timTuoAbbonamento: `SELECT numero_contratto, COUNT(*) AS totale, stato_servizio AS stato FROM tim_tuo_linee
    WHERE numero_contratto IN (%C) AND tipo_servizio = 'ABBONAMENTO' GROUP BY numero_contratto, stato_servizio ORDER BY stato_servizio`,
  timTuoRicaricabile: `SELECT numero_contratto, COUNT(*) AS totale, stato_servizio AS stato FROM tim_tuo_linee
    WHERE numero_contratto IN (%C) AND tipo_servizio = 'RICARICABILE' GROUP BY numero_contratto, stato_servizio ORDER BY stato_servizio`,
  apparati: `SELECT numero_contratto, COUNT(*) AS totale, codice_nmu AS codiceNmu, tipo_servizio AS tipoServizio, stato FROM apparati
    WHERE numero_contratto IN (%C) GROUP BY numero_contratto, codice_nmu, tipo_servizio, stato ORDER BY codice_nmu, stato`,
  sac: `SELECT numero_contratto, COUNT(*) AS totale, descrizione, stato FROM sac
    WHERE numero_contratto IN (%C) GROUP BY numero_contratto, descrizione, stato ORDER BY descrizione, stato`,
} as const;

type AggregateRow = { numero_contratto: string; totale: number } & Record<string, string | number>;

/** Per contract asked for (in the order asked), every aggregate; a contract CRM does not hold is left out. */
export function aggregateInventory(db: Db, contracts: readonly string[]) {
  if (contracts.length === 0) return [];
  const known = new Set((db.prepare(`SELECT numero FROM contratti WHERE numero IN (${placeholders(contracts.length)})`)
    .all(...contracts) as { numero: string }[]).map((r) => r.numero));
  const groups = Object.entries(AGGREGATES).map(([element, sql]) =>
    [element, db.prepare(sql.replace('%C', placeholders(contracts.length))).all(...contracts) as AggregateRow[]] as const);
  return contracts.filter((c) => known.has(c)).map((contract) => ({
    numeroContratto: contract,
    ...Object.fromEntries(groups.map(([element, rows]) => [element, rows.filter((r) => r.numero_contratto === contract)
      .map(({ numero_contratto: _c, totale, ...columns }) => ({ totale: String(totale), ...columns }))])),
  }));
}

/** What `ListaConsistenze` lists (§7.2.2); TIM TUO prepaid lines are only exported, never listed (§7.2.2 point 4). */
export const DETAIL_KINDS = ['LINEE', 'STS', 'TIMTUO_ABBONAMENTO', 'APPARATI', 'SAC'] as const;
export type ListedKind = (typeof DETAIL_KINDS)[number];
/** What an export may hold: the lists, and the TIM TUO prepaid lines. */
export type DetailKind = ListedKind | 'TIMTUO_RICARICABILE';

/** The search fields of the detail pages: line number or ICCID (lines, STS), and the employee's (TIM TUO). */
/** `stato` (issue 21): the customer area's services on line, filtered by state (seed 000 "Servizi Attivi su Linea"). */
export interface DetailSearch { numeroLinea?: string; iccid?: string; cognome?: string; codiceDipendente?: string; codiceFiscale?: string; stato?: string }

/** The table, what every row of the kind satisfies besides its contract, the search conditions (with their values), the order. */
interface DetailQuery { table: string; always?: string; where: (s: DetailSearch) => [string, unknown[]][]; order: string }

const DETAIL_QUERIES: Record<DetailKind, DetailQuery> = {
  LINEE: {
    table: 'linee_mobili',
    where: (s) => [
      ['numero = ?', [s.numeroLinea]],
      // A One Number group's other SIMs are found by their ICCID too.
      ['(iccid = ? OR EXISTS (SELECT 1 FROM json_each(one_number_iccid) WHERE value = ?))', [s.iccid, s.iccid]],
    ],
    order: 'numero',
  },
  STS: { table: 'sts_linee', where: (s) => [['numero_linea = ?', [s.numeroLinea]], ['stato = ?', [s.stato]]], order: 'numero_linea, descrizione' },
  TIMTUO_ABBONAMENTO: {
    table: 'tim_tuo_linee',
    always: "tipo_servizio = 'ABBONAMENTO'",
    where: (s) => [
      ['numero_linea = ?', [s.numeroLinea]], ['cognome_dipendente LIKE ?', [s.cognome && `${s.cognome}%`]],
      ['codice_dipendente = ?', [s.codiceDipendente]], ['codice_fiscale_dipendente = ?', [s.codiceFiscale]],
    ],
    order: 'numero_linea',
  },
  TIMTUO_RICARICABILE: {
    table: 'tim_tuo_linee',
    always: "tipo_servizio = 'RICARICABILE'",
    where: (s) => [['numero_linea = ?', [s.numeroLinea]]],
    order: 'numero_linea',
  },
  APPARATI: { table: 'apparati', where: (s) => [['numero_linea = ?', [s.numeroLinea]]], order: 'numero_linea, codice_nmu' },
  SAC: { table: 'sac', where: () => [], order: 'descrizione' },
};

/** One page of a contract's detailed inventory, with the count of every row the search matches. */
export function detailPage<T>(db: Db, kind: DetailKind, contract: string, search: DetailSearch, offset: number, limit: number) {
  const q = DETAIL_QUERIES[kind];
  // Only the search fields given narrow the list (all of them must match).
  const parts = q.where(search).filter(([, params]) => params.every((p) => p !== undefined && p !== null && p !== ''));
  const where = ['numero_contratto = ?', ...(q.always ? [q.always] : []), ...parts.map(([sql]) => sql)].join(' AND ');
  const params = [contract, ...parts.flatMap(([, p]) => p)];
  const { total } = db.prepare(`SELECT COUNT(*) AS total FROM ${q.table} WHERE ${where}`).get(...params) as { total: number };
  const rows = db.prepare(`SELECT * FROM ${q.table} WHERE ${where} ORDER BY ${q.order} LIMIT ? OFFSET ?`).all(...params, limit, offset) as T[];
  return { total, rows };
}

export interface StsRow {
  numero_linea: string; numero_contratto: string; descrizione: string; apn: string | null; data_attivazione: string; data_cessazione: string | null;
  stato: string; percentuale_ente: number; canone_cent: number;
}
export interface DeviceRow { id: string; numero_linea: string; numero_contratto: string; codice_nmu: string; tipo_servizio: string; data_attivazione: string; stato: string }
export interface SacRow { numero_contratto: string; descrizione: string; data_attivazione: string; stato: string }
export interface TimTuoRow {
  numero_linea: string; numero_contratto: string; abilitata: string; tipo_servizio: string | null; stato_servizio: string | null;
  codice_dipendente: string | null; cognome_dipendente: string | null; nome_dipendente: string | null; codice_fiscale_dipendente: string | null;
  data_attivazione: string | null; data_cessazione: string | null;
}

/** Rows as CRM prints them (its element names, dd/mm/yyyy, amounts `10,00`). */
export const stsXml = (r: StsRow) => ({
  numeroLinea: r.numero_linea, descrizione: r.descrizione, apn: r.apn ?? '', dataAttivazione: date(r.data_attivazione),
  dataCessazione: date(r.data_cessazione), stato: r.stato, percentualeEnte: String(r.percentuale_ente), canone: legacyAmount(r.canone_cent),
});
export const deviceXml = (r: DeviceRow) => ({
  id: r.id, numeroLinea: r.numero_linea, codiceNmu: r.codice_nmu, tipoServizio: r.tipo_servizio, dataAttivazione: date(r.data_attivazione), stato: r.stato,
});
export const sacXml = (r: SacRow) => ({ descrizione: r.descrizione, dataAttivazione: date(r.data_attivazione), stato: r.stato });
export const timTuoXml = (r: TimTuoRow) => ({
  numeroLinea: r.numero_linea, abilitata: r.abilitata, tipoServizio: r.tipo_servizio ?? '', stato: r.stato_servizio ?? '',
  codiceDipendente: r.codice_dipendente ?? '', cognome: r.cognome_dipendente ?? '', nome: r.nome_dipendente ?? '',
  codiceFiscale: r.codice_fiscale_dipendente ?? '', dataAttivazione: date(r.data_attivazione), dataCessazione: date(r.data_cessazione),
});

/**
 * The IMEI of the device a line's SIM was last seen in (§7.2.2 "Richiedi"): CRM asks the network for it, one look-up
 * per line; the stand-in derives a stable one from the number, or takes the seed's (device-imei.ts). A ceased line has none.
 */
export function imeiOf(db: Db, numbers: readonly string[]): { numero: string; imei: string }[] {
  if (numbers.length === 0) return [];
  const live = db.prepare(`SELECT numero, iccid FROM linee_mobili WHERE numero IN (${placeholders(numbers.length)}) AND stato <> 'CESSATO'`)
    .all(...numbers) as { numero: string; iccid: string }[];
  // h-invoice: the one rule of device-imei.ts, so that the ROA's "Richiedi" and the employee's "La mia SIM" agree.
  return live.flatMap(({ numero, iccid }) => {
    const imei = deviceImei(numero, iccid, true);
    return imei === null ? [] : [{ numero, imei }];
  });
}
