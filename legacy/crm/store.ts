import { openDatabase, placeholders, type Db } from '../runtime/db';
import { crmFixture, type CrmAddress } from '../data/crm-reference';
import { isReferentGrant } from '../data/crm-contract-data';
import { ATTACHMENTS_SCHEMA } from './attachments';
import { CONTRACT_DATA_SCHEMA, referentGrants, seedContractData } from './contract-data';
import { LINE_SERVICES_SCHEMA } from './line-services';
import { seedTickets } from './assistance-store';
import { REQUEST_PARAMETERS_SCHEMA } from './request-parameters';
import { seedTimTuoOptions } from './tim-tuo';
// h-inventory: the inventory tables (STS, devices, SAC, TIM TUO per line) and their seed; the export jobs; shipment phases.
import { INVENTORY_SCHEMA, seedInventory } from './inventory';
import { EXPORTS_SCHEMA } from './exports';
import { seedTracking, TRACKING_SCHEMA } from './tracking-details';
import { INTELLIGENT_NETWORK_SCHEMA, seedIntelligentNumbers } from './intelligent-network';
import { FIXED_SERVICES_SCHEMA, seedFixedServices } from './fixed-services';
// h-review: CreaPratica's business keys (one pratica per fact, whatever the idempotency keys).
import { LIST_KEYS_SCHEMA } from './list-keys';
import { NATURAL_KEYS_SCHEMA } from './natural-keys';
import { LINE_CESSATION_SCHEMA } from './line-cessation';
import { PAYMENT_SETTINGS_SCHEMA } from './payment-settings';
import { LINE_MOVE_SCHEMA } from './line-move';
import { COMPANY_USERS_SCHEMA, seedCompanyUsers } from './company-users';
import { PREMIUM_SERVICES_SCHEMA, seedPremiumServices } from './premium-services';
import { LINE_SWITCHED_SERVICES_SCHEMA, seedLineSwitchedServices } from './line-switched-services';
// issue 20: the SDI recipient codes of single fixed lines (company-data.ts).
import { COMPANY_DATA_SCHEMA, seedLineSdiCodes } from './company-data';
// issue 21 (MOB-20): the campaigns of "Offerte per te" (campaigns.ts).
import { CAMPAIGNS_SCHEMA, seedCampaigns } from './campaigns';

/**
 * CRM's tables, named like the legacy's own entities. Dates are ISO text (so that SQL compares and sorts them);
 * the protocol layer prints them as `dd/mm/yyyy`. Every query keeps the legacy's words (ATTIVO, Chiuso, ...).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS utenti (
  id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, nome TEXT NOT NULL, cognome TEXT NOT NULL, codice_fiscale TEXT NOT NULL,
  cellulare TEXT, email TEXT, stato TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS abilitazioni (
  username TEXT NOT NULL REFERENCES utenti (username), profilo TEXT NOT NULL, tipo_ambito TEXT NOT NULL, ambito TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS abilitazioni_utente ON abilitazioni (username);
CREATE TABLE IF NOT EXISTS aziende (
  codice_cliente TEXT PRIMARY KEY, ragione_sociale TEXT NOT NULL, codice_fiscale TEXT NOT NULL,
  indirizzo TEXT NOT NULL, cap TEXT NOT NULL, comune TEXT NOT NULL, provincia TEXT NOT NULL,
  rl_nome TEXT, rl_cognome TEXT, rl_codice_fiscale TEXT, email_fisso TEXT, gruppo TEXT, rl_email TEXT, rl_cellulare TEXT);
CREATE TABLE IF NOT EXISTS contratti (
  numero TEXT PRIMARY KEY, tipo TEXT NOT NULL, codice_cliente TEXT NOT NULL, codice_cliente_fatturazione TEXT, stato TEXT NOT NULL,
  data_attivazione TEXT NOT NULL, data_cessazione TEXT, codice_destinatario TEXT, convenzione TEXT);
CREATE INDEX IF NOT EXISTS contratti_cliente ON contratti (codice_cliente);
CREATE TABLE IF NOT EXISTS linee_mobili (
  numero TEXT PRIMARY KEY, numero_contratto TEXT NOT NULL, codice_cliente TEXT NOT NULL, iccid TEXT NOT NULL, stato TEXT NOT NULL,
  piano_tariffario TEXT NOT NULL, tipo_linea TEXT NOT NULL, data_attivazione TEXT NOT NULL, data_cessazione TEXT,
  one_number_ruolo TEXT, one_number_iccid TEXT,
  ricarica_automatica TEXT, ricarica_variata_mese TEXT, ricarica_aziendale TEXT);
CREATE INDEX IF NOT EXISTS linee_mobili_cliente ON linee_mobili (codice_cliente);
CREATE INDEX IF NOT EXISTS linee_mobili_contratto ON linee_mobili (numero_contratto);
CREATE TABLE IF NOT EXISTS linee_fisse (
  numero TEXT PRIMARY KEY, numero_contratto TEXT NOT NULL, codice_cliente TEXT NOT NULL, stato TEXT NOT NULL, tipo_linea TEXT NOT NULL,
  indirizzo TEXT NOT NULL, cap TEXT NOT NULL, comune TEXT NOT NULL, provincia TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS linee_fisse_cliente ON linee_fisse (codice_cliente);
CREATE INDEX IF NOT EXISTS linee_fisse_contratto ON linee_fisse (numero_contratto);
CREATE TABLE IF NOT EXISTS ordini (
  id TEXT PRIMARY KEY, numero_contratto TEXT, numero_linea TEXT, codice_cliente TEXT NOT NULL, tipo TEXT NOT NULL,
  descrizione TEXT NOT NULL, canale TEXT NOT NULL, stato TEXT NOT NULL, stato_spedizione TEXT, data_creazione TEXT NOT NULL,
  id_pratica TEXT, elementi TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ordini_cliente ON ordini (codice_cliente, data_creazione);
CREATE TABLE IF NOT EXISTS pratiche (
  id TEXT PRIMARY KEY, tipo TEXT NOT NULL, descrizione TEXT NOT NULL, numero_contratto TEXT, numero_linea TEXT,
  codice_cliente TEXT NOT NULL, origine TEXT NOT NULL, stato TEXT NOT NULL, data_apertura TEXT NOT NULL, data_chiusura TEXT,
  id_ordine TEXT);
CREATE INDEX IF NOT EXISTS pratiche_cliente ON pratiche (codice_cliente, data_apertura);
CREATE TABLE IF NOT EXISTS chiavi_idempotenza (
  chiave TEXT PRIMARY KEY, progressivo INTEGER NOT NULL UNIQUE, impronta TEXT NOT NULL, risposta TEXT NOT NULL);
`;

export interface UserRow { id: string; username: string; nome: string; cognome: string; codice_fiscale: string; cellulare: string | null; email: string | null; stato: string }
export interface GrantRow { profilo: string; tipo_ambito: string; ambito: string }
export interface CompanyRow {
  codice_cliente: string; ragione_sociale: string; codice_fiscale: string; indirizzo: string; cap: string; comune: string; provincia: string;
  rl_nome: string | null; rl_cognome: string | null; rl_codice_fiscale: string | null; email_fisso: string | null; gruppo: string | null;
  /** The legal representative's contacts (seed 002 §7.1.1). */
  rl_email: string | null; rl_cellulare: string | null;
}
export interface ContractRow {
  numero: string; tipo: string; codice_cliente: string; codice_cliente_fatturazione: string | null; stato: string;
  data_attivazione: string; data_cessazione: string | null; codice_destinatario: string | null; convenzione: string | null; numero_linee: number;
}
export interface MobileLineRow {
  numero: string; numero_contratto: string; codice_cliente: string; iccid: string; stato: string; piano_tariffario: string; tipo_linea: string;
  data_attivazione: string; data_cessazione: string | null; one_number_ruolo: string | null; one_number_iccid: string | null;
  /** Prepaid: CONFERMA / RINUNCIA (seed 002 §7.3.3); `ricarica_variata_mese` the month (YYYY-MM) it is reversed for. */
  ricarica_automatica: string | null; ricarica_variata_mese: string | null;
  /** JSON {tipo TEMPO|SOGLIA, importoCent, giorni?, sogliaCent?}: a timed or threshold company recharge (§7.3.4). */
  ricarica_aziendale: string | null;
}
export interface FixedLineRow {
  numero: string; numero_contratto: string; codice_cliente: string; stato: string; tipo_linea: string;
  indirizzo: string; cap: string; comune: string; provincia: string;
}
export interface OrderRow {
  id: string; numero_contratto: string | null; numero_linea: string | null; codice_cliente: string; tipo: string; descrizione: string;
  canale: string; stato: string; stato_spedizione: string | null; data_creazione: string; id_pratica: string | null; elementi: string;
}
export interface RequestRow {
  id: string; tipo: string; descrizione: string; numero_contratto: string | null; numero_linea: string | null; codice_cliente: string;
  origine: string; stato: string; data_apertura: string; data_chiusura: string | null; id_ordine: string | null;
}

/** `filtro` of the list operations: a record matches if it matches any of the ids. */
export interface CrmFilter { customers: string[]; contracts: string[]; lines: string[] }
export type LineOrder = 'NUMERO' | 'STATO' | 'DATA_ATTIVAZIONE';

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const isoOrNull = (d: Date | null) => (d ? isoDate(d) : null);
const address = (a: CrmAddress) => [a.street, a.postalCode, a.city, a.province];

function seed(db: Db, large: { id: string; lines: number }[]): void {
  const f = crmFixture(large);
  const user = db.prepare('INSERT INTO utenti VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const grant = db.prepare('INSERT INTO abilitazioni VALUES (?, ?, ?, ?)');
  for (const u of f.users) {
    user.run(u.id, u.username, u.firstName, u.lastName, u.taxCode, u.mobile, u.email, u.status);
    // A CM8 referent's grant is not stored: CRM derives it from the referent record of his mobile line (contract-data.ts).
    for (const g of u.grants) if (!isReferentGrant(g)) grant.run(u.username, g.profile, g.kind, g.scope);
  }
  const company = db.prepare('INSERT INTO aziende VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const c of f.companies) {
    const rl = c.legalRepresentative;
    company.run(c.customerCode, c.name, c.taxCode, ...address(c.legalSeat), rl?.firstName ?? null, rl?.lastName ?? null, rl?.taxCode ?? null,
      c.fixedCommunicationEmail, c.group, rl?.email ?? null, rl?.mobile ?? null);
  }
  const contract = db.prepare('INSERT INTO contratti VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const c of f.contracts) {
    contract.run(c.number, c.type, c.customerCode, c.billingCustomerCode, c.status, isoDate(c.activatedOn), isoOrNull(c.ceasedOn), c.sdiCode, c.agreement);
  }
  const mobile = db.prepare('INSERT INTO linee_mobili VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const l of f.mobileLines) {
    mobile.run(l.number, l.contract, l.customerCode, l.iccid, l.status, l.tariffPlan, l.kind, isoDate(l.activatedOn), isoOrNull(l.ceasedOn),
      l.oneNumber?.role ?? null, l.oneNumber ? JSON.stringify(l.oneNumber.iccids) : null,
      l.automaticRecharge ?? (l.kind === 'RICARICABILE' ? 'RINUNCIA' : null), null, l.companyRecharge ? JSON.stringify(l.companyRecharge) : null);
  }
  const fixed = db.prepare('INSERT INTO linee_fisse VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const l of f.fixedLines) fixed.run(l.number, l.contract, l.customerCode, l.status, l.type, ...address(l.site));
  for (const o of f.orders) {
    insertOrder(db, {
      id: o.id, numero_contratto: o.contract, numero_linea: o.line, codice_cliente: o.customerCode, tipo: o.type, descrizione: o.description,
      canale: o.channel, stato: o.status, stato_spedizione: o.shipmentStatus, data_creazione: isoDate(o.createdOn), id_pratica: o.requestId,
      elementi: JSON.stringify(o.items),
    });
  }
  for (const r of f.requests) {
    insertRequest(db, {
      id: r.id, tipo: r.type, descrizione: r.description, numero_contratto: r.contract, numero_linea: r.line, codice_cliente: r.customerCode,
      origine: r.origin, stato: r.status, data_apertura: isoDate(r.openedOn), data_chiusura: isoOrNull(r.closedOn), id_ordine: r.orderId,
    });
  }
  // Issue 13 (assistance): Ente KRISHNA's device tickets, pratiche with their detail.
  seedTickets(db, insertRequest);
  // Issue 10: the CM8 contracts' referents and delivery addresses.
  seedContractData(db, large);
}

function insertOrder(db: Db, o: OrderRow): void {
  db.prepare(`INSERT INTO ordini VALUES (@id, @numero_contratto, @numero_linea, @codice_cliente, @tipo, @descrizione, @canale, @stato,
    @stato_spedizione, @data_creazione, @id_pratica, @elementi)`).run(o);
}

function insertRequest(db: Db, r: RequestRow): void {
  db.prepare(`INSERT INTO pratiche VALUES (@id, @tipo, @descrizione, @numero_contratto, @numero_linea, @codice_cliente, @origine, @stato,
    @data_apertura, @data_chiusura, @id_ordine)`).run(r);
}

/** `(col IN (...) OR ...)` for the non-empty parts of a filter; an empty filter matches nothing. */
export function filterClause(parts: [column: string, ids: string[]][]): { where: string; params: string[] } {
  const used = parts.filter(([, ids]) => ids.length > 0);
  if (used.length === 0) return { where: '0', params: [] };
  return {
    where: `(${used.map(([column, ids]) => `${column} IN (${placeholders(ids.length)})`).join(' OR ')})`,
    params: used.flatMap(([, ids]) => ids),
  };
}

const LINE_ORDER: Record<LineOrder, string> = {
  NUMERO: 'numero',
  STATO: 'stato, numero',
  DATA_ATTIVAZIONE: 'data_attivazione, numero',
};

const CONTRACT_COLUMNS = `c.*, (SELECT COUNT(*) FROM linee_mobili m WHERE m.numero_contratto = c.numero)
  + (SELECT COUNT(*) FROM linee_fisse f WHERE f.numero_contratto = c.numero) AS numero_linee`;

export function openCrmStore(dataDir: string, large: { id: string; lines: number }[]) {
  const db = openDatabase(dataDir, 'crm', SCHEMA + ATTACHMENTS_SCHEMA + LINE_SERVICES_SCHEMA + REQUEST_PARAMETERS_SCHEMA + CONTRACT_DATA_SCHEMA
    + INVENTORY_SCHEMA + EXPORTS_SCHEMA + TRACKING_SCHEMA + NATURAL_KEYS_SCHEMA + LIST_KEYS_SCHEMA + LINE_CESSATION_SCHEMA + PAYMENT_SETTINGS_SCHEMA
    + LINE_MOVE_SCHEMA + COMPANY_USERS_SCHEMA + INTELLIGENT_NETWORK_SCHEMA + FIXED_SERVICES_SCHEMA + PREMIUM_SERVICES_SCHEMA
    + LINE_SWITCHED_SERVICES_SCHEMA + COMPANY_DATA_SCHEMA + CAMPAIGNS_SCHEMA,
    (d) => {
      seed(d, large); seedInventory(d, large); seedTimTuoOptions(d); seedTracking(d); seedCompanyUsers(d);
      seedIntelligentNumbers(d); seedFixedServices(d); seedPremiumServices(d); seedLineSwitchedServices(d); seedLineSdiCodes(d); seedCampaigns(d);
    });

  const byKeys = <T>(sql: string, keys: string[]): T[] =>
    keys.length === 0 ? [] : db.prepare(sql.replace('%KEYS%', placeholders(keys.length))).all(...keys) as T[];

  function listLines<T>(table: string, filter: CrmFilter, order: LineOrder, offset: number, limit: number): { total: number; rows: T[] } {
    const { where, params } = filterClause([['codice_cliente', filter.customers], ['numero_contratto', filter.contracts], ['numero', filter.lines]]);
    const { total } = db.prepare(`SELECT COUNT(*) AS total FROM ${table} WHERE ${where}`).get(...params) as { total: number };
    const rows = db.prepare(`SELECT * FROM ${table} WHERE ${where} ORDER BY ${LINE_ORDER[order]} LIMIT ? OFFSET ?`).all(...params, limit, offset) as T[];
    return { total, rows };
  }

  function listHistory<T>(table: string, dateColumn: string, filter: CrmFilter, from: string, to: string): T[] {
    const { where, params } = filterClause([['codice_cliente', filter.customers], ['numero_contratto', filter.contracts], ['numero_linea', filter.lines]]);
    return db.prepare(`SELECT * FROM ${table} WHERE ${where} AND ${dateColumn} BETWEEN ? AND ? ORDER BY ${dateColumn} DESC, id DESC`)
      .all(...params, from, to) as T[];
  }

  return {
    /** For the operations that keep their own tables (attachments.ts) inside this store's transactions. */
    db,
    /** By CRM user id, which is the subject of the identity provider's tokens (both are fed from one user registry). */
    user(id: string): { user: UserRow; grants: GrantRow[] } | null {
      const user = db.prepare('SELECT * FROM utenti WHERE id = ?').get(id) as UserRow | undefined;
      if (!user) return null;
      const grants = db.prepare('SELECT profilo, tipo_ambito, ambito FROM abilitazioni WHERE username = ? ORDER BY rowid').all(user.username) as GrantRow[];
      return { user, grants: [...grants, ...referentGrants(db, user.cellulare)] };
    },
    companies: (ids: string[]) => byKeys<CompanyRow>('SELECT * FROM aziende WHERE codice_cliente IN (%KEYS%)', ids),
    contracts: (numbers: string[]) => byKeys<ContractRow>(`SELECT ${CONTRACT_COLUMNS} FROM contratti c WHERE numero IN (%KEYS%)`, numbers),
    listContracts(filter: CrmFilter): ContractRow[] {
      // A line matches its contract: the contracts of the filter's lines join the filter's contracts.
      const lineContracts = filter.lines.length === 0 ? [] : (db.prepare(`SELECT numero_contratto FROM linee_mobili WHERE numero IN (${placeholders(filter.lines.length)})
        UNION SELECT numero_contratto FROM linee_fisse WHERE numero IN (${placeholders(filter.lines.length)})`)
        .all(...filter.lines, ...filter.lines) as { numero_contratto: string }[]).map((r) => r.numero_contratto);
      const { where, params } = filterClause([['codice_cliente', filter.customers], ['numero', [...filter.contracts, ...lineContracts]]]);
      return db.prepare(`SELECT ${CONTRACT_COLUMNS} FROM contratti c WHERE ${where} ORDER BY numero`).all(...params) as ContractRow[];
    },
    mobileLines: (numbers: string[]) => byKeys<MobileLineRow>('SELECT * FROM linee_mobili WHERE numero IN (%KEYS%)', numbers),
    fixedLines: (numbers: string[]) => byKeys<FixedLineRow>('SELECT * FROM linee_fisse WHERE numero IN (%KEYS%)', numbers),
    listMobileLines: (filter: CrmFilter, order: LineOrder, offset: number, limit: number) =>
      listLines<MobileLineRow>('linee_mobili', filter, order, offset, limit),
    listFixedLines: (filter: CrmFilter, order: LineOrder, offset: number, limit: number) =>
      listLines<FixedLineRow>('linee_fisse', filter, order, offset, limit),
    orders: (ids: string[]) => byKeys<OrderRow>('SELECT * FROM ordini WHERE id IN (%KEYS%)', ids),
    requests: (ids: string[]) => byKeys<RequestRow>('SELECT * FROM pratiche WHERE id IN (%KEYS%)', ids),
    listOrders: (filter: CrmFilter, from: string, to: string) => listHistory<OrderRow>('ordini', 'data_creazione', filter, from, to),
    listRequests: (filter: CrmFilter, from: string, to: string) => listHistory<RequestRow>('pratiche', 'data_apertura', filter, from, to),
    insertOrder: (o: OrderRow) => insertOrder(db, o),
    insertRequest: (r: RequestRow) => insertRequest(db, r),
    setMobileLineStatus(number: string, status: string): void {
      db.prepare('UPDATE linee_mobili SET stato = ? WHERE numero = ?').run(status, number);
    },
    /** Reverses the line's automatic recharge mode for one month (YYYY-MM). */
    setAutomaticRechargeChange(number: string, month: string): void {
      db.prepare('UPDATE linee_mobili SET ricarica_variata_mese = ? WHERE numero = ?').run(month, number);
    },
    setCompanyRecharge(number: string, recharge: string): void {
      db.prepare('UPDATE linee_mobili SET ricarica_aziendale = ? WHERE numero = ?').run(recharge, number);
    },
    setMobileLineSims(number: string, iccid: string, oneNumberIccids: string[] | null): void {
      db.prepare('UPDATE linee_mobili SET iccid = ?, one_number_iccid = ? WHERE numero = ?')
        .run(iccid, oneNumberIccids && JSON.stringify(oneNumberIccids), number);
    },
    /** The answer first given for an idempotency key, with the fingerprint of the request it answered, if any. */
    answerFor(key: string): { fingerprint: string; answer: string } | null {
      const row = db.prepare('SELECT impronta, risposta FROM chiavi_idempotenza WHERE chiave = ?').get(key) as { impronta: string; risposta: string } | undefined;
      return row ? { fingerprint: row.impronta, answer: row.risposta } : null;
    },
    /** The next progressive of CreaPratica, from which the new pratica and ordine ids are derived. */
    nextProgressive(): number {
      return (db.prepare('SELECT COALESCE(MAX(progressivo), 0) + 1 AS n FROM chiavi_idempotenza').get() as { n: number }).n;
    },
    rememberAnswer(key: string, progressive: number, fingerprint: string, answer: string): void {
      db.prepare('INSERT INTO chiavi_idempotenza VALUES (?, ?, ?, ?)').run(key, progressive, fingerprint, answer);
    },
    /** Runs `work` in one SQLite transaction: everything it writes is committed together, or nothing is. */
    transaction: <T>(work: () => T): T => db.transaction(work)(),
    close: () => db.close(),
  };
}
export type CrmStore = ReturnType<typeof openCrmStore>;
