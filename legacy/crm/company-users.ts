import { randomInt } from 'node:crypto';
import { IMPORTED_USERS, USER_CREATED_DAYS_AGO } from '../data/company-users';
import type { Db } from '../runtime/db';
import { daysAgo, legacyDate, today } from '../runtime/clock';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { notFoundFault } from './operations';
import { invalidRequest, optionalText, soapAnswer, text, texts, type SoapRecord } from './soap';
import { isoDate, type CrmStore } from './store';
import type { ResolvedTarget } from './targets';

/**
 * issue 20 item 5 (ACC-08, seed 000 "Gestione utenze"): the customer area's users of a company, as the legal
 * representative's console lists and changes them.
 *
 * A company's users are those whose customer-area grants (RL, AF, AL, UT, UTD, CC: never a holding referent nor a
 * CM8 profile) reach it, through the company, one of its contracts or one of its lines. Each shows with one profile
 * (the widest he holds there), his line (his LINEA grant, else his mobile when it is a line of the company) and his
 * status: ATTIVA, DISATTIVATA, DA_REGISTRARE (imported from the legacy systems, no credentials yet), IN_ACCETTAZIONE
 * (created or registered by the legal representative, credentials sent), ELIMINATA (never listed again, and refused
 * at sign-in; GetUtentiAzienda still answers him, so that a retry of his deletion finds its first outcome).
 * `utenze_console` keeps the day each user was created.
 *
 * `ListaUtentiAzienda` {codiceCliente, cerca?, stato?, pagina, dimensionePagina} → `totale`, `utente`*: `cerca` matches
 * the start of the line number or a part of the name, surname or username. `GetUtentiAzienda` {id*} → `utente`*
 * {id, username, nome, cognome, codiceCliente, numeroLinea, profilo, stato, dataCreazione, cellulare, email}.
 * The changes are pratiche (CreaPratica on oggetto UTENTE, or LINEA_MOBILE to create a user on a line), applied by
 * COMPANY_USER_EFFECTS in the pratica's transaction.
 */
export const COMPANY_USERS_SCHEMA = `
CREATE TABLE IF NOT EXISTS utenze_console (id_utente TEXT PRIMARY KEY, data_creazione TEXT NOT NULL);
`;

const CONSOLE_PROFILES = ['RL', 'AF', 'AL', 'UTD', 'UT', 'CC'] as const;
const STATUSES = ['ATTIVA', 'DISATTIVATA', 'DA_REGISTRARE', 'IN_ACCETTAZIONE'] as const;
const MAX_PAGE = 100;

export function seedCompanyUsers(db: Db): void {
  const created = db.prepare('INSERT INTO utenze_console VALUES (?, ?)');
  for (const [id, days] of Object.entries(USER_CREATED_DAYS_AGO)) created.run(id, isoDate(daysAgo(days)));
  for (const u of IMPORTED_USERS) {
    db.prepare('INSERT INTO utenti VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(u.id, u.username, u.firstName, u.lastName, u.taxCode, u.mobile, u.email, u.status);
    db.prepare("INSERT INTO abilitazioni VALUES (?, ?, 'LINEA', ?)").run(u.username, u.profile, u.line);
    created.run(u.id, isoDate(daysAgo(u.daysAgo)));
  }
}

export interface CompanyUserRow {
  id: string; username: string; nome: string; cognome: string; cellulare: string | null; email: string | null; stato: string;
  codice_cliente: string; profili: string; linea: string | null; data_creazione: string | null;
}

/** The company each customer-area grant reaches, per user: the one query both operations and the effects read. */
const COMPANY_USERS = `
WITH ambiti AS (
  SELECT a.username, a.profilo, a.tipo_ambito, a.ambito,
    CASE a.tipo_ambito WHEN 'AZIENDA' THEN a.ambito
      WHEN 'CONTRATTO' THEN (SELECT codice_cliente FROM contratti WHERE numero = a.ambito)
      ELSE COALESCE((SELECT codice_cliente FROM linee_mobili WHERE numero = a.ambito), (SELECT codice_cliente FROM linee_fisse WHERE numero = a.ambito))
    END AS codice_cliente
  FROM abilitazioni a WHERE a.profilo IN (${CONSOLE_PROFILES.map((p) => `'${p}'`).join(', ')}))
SELECT u.id, u.username, u.nome, u.cognome, u.cellulare, u.email, u.stato, ambiti.codice_cliente, group_concat(ambiti.profilo) AS profili,
  COALESCE(max(CASE WHEN ambiti.tipo_ambito = 'LINEA' THEN ambiti.ambito END),
    (SELECT numero FROM linee_mobili WHERE numero = u.cellulare AND codice_cliente = ambiti.codice_cliente)) AS linea,
  c.data_creazione
FROM utenti u JOIN ambiti ON ambiti.username = u.username LEFT JOIN utenze_console c ON c.id_utente = u.id
WHERE ambiti.codice_cliente IS NOT NULL`;

/** The widest of the profiles a user holds on the company. */
const profileOf = (row: CompanyUserRow) => CONSOLE_PROFILES.find((p) => row.profili.split(',').includes(p))!;

const userXml = (r: CompanyUserRow) => ({
  id: r.id, username: r.username, nome: r.nome, cognome: r.cognome, codiceCliente: r.codice_cliente, numeroLinea: r.linea ?? '',
  profilo: profileOf(r), stato: r.stato, dataCreazione: r.data_creazione ? legacyDate(new Date(`${r.data_creazione}T12:00:00Z`)) : '',
  cellulare: r.cellulare ?? '', email: r.email ?? '',
});

/** A user as the console sees him: on the first company his grants reach (one, for every user the console serves). */
function consoleUser(db: Db, id: string): CompanyUserRow | null {
  return (db.prepare(`${COMPANY_USERS} AND u.id = ? GROUP BY u.id, ambiti.codice_cliente ORDER BY ambiti.codice_cliente LIMIT 1`).get(id) as CompanyUserRow | undefined) ?? null;
}

function pageParam(params: SoapRecord, name: string, max: number): number {
  const n = Number(text(params, name));
  if (!Number.isInteger(n) || n < 1 || n > max) throw invalidRequest(`${name} fuori intervallo 1-${max}`);
  return n;
}

/** The console's list as CRM lists it to the legal representative, whole (no filter), by surname. */
const LIST_SQL = `SELECT * FROM (${COMPANY_USERS} AND ambiti.codice_cliente = ? GROUP BY u.id) WHERE stato <> 'ELIMINATA'`;
const LIST_ORDER = 'ORDER BY cognome, nome, id';

/** The export of the company's users (UtentiAzienda, export-files.ts): the console's columns, a chunk of rows. */
export const COMPANY_USERS_HEADER = ['Nome e cognome', 'Username', 'Linea', 'Profilo', 'Stato', 'Data'];
export function companyUserCells(db: Db, customer: string, offset: number, limit: number): (string | number)[][] {
  return (db.prepare(`${LIST_SQL} ${LIST_ORDER} LIMIT ? OFFSET ?`).all(customer, limit, offset) as CompanyUserRow[]).map((r) => {
    const xml = userXml(r);
    return [`${r.nome} ${r.cognome}`, r.username, xml.numeroLinea, xml.profilo, r.stato, xml.dataCreazione];
  });
}

export function companyUserOperations(db: Db): Record<string, (params: SoapRecord) => StandInReply> {
  return {
    ListaUtentiAzienda(params) {
      const customer = text(params, 'codiceCliente');
      const search = optionalText(params, 'cerca');
      const status = optionalText(params, 'stato');
      if (status !== null && !(STATUSES as readonly string[]).includes(status)) throw invalidRequest(`stato ammessi: ${STATUSES.join(', ')}`);
      const size = pageParam(params, 'dimensionePagina', MAX_PAGE);
      const offset = (pageParam(params, 'pagina', Number.MAX_SAFE_INTEGER) - 1) * size;
      const like = search === null ? null : `%${search.replace(/[%_\\]/g, (c) => `\\${c}`).toLowerCase()}%`;
      const rows = (db.prepare(`${LIST_SQL} AND (? IS NULL OR stato = ?)
        AND (? IS NULL OR linea LIKE ? ESCAPE '\\' OR lower(nome || ' ' || cognome) LIKE ? ESCAPE '\\' OR lower(username) LIKE ? ESCAPE '\\')
        ${LIST_ORDER}`).all(customer, status, status, search, `${search?.replace(/[%_\\]/g, (c) => `\\${c}`) ?? ''}%`, like, like) as CompanyUserRow[]);
      return soapAnswer('ListaUtentiAzienda', { totale: String(rows.length), utente: rows.slice(offset, offset + size).map(userXml) });
    },
    GetUtentiAzienda(params) {
      const ids = texts(params, 'id');
      if (ids.length > MAX_PAGE) throw new LegacyFault(500, 'SBL-BAT-00001', `Superato il numero massimo di elementi (${MAX_PAGE}) per id`);
      return soapAnswer('GetUtentiAzienda', { utente: ids.map((id) => consoleUser(db, id)).filter((u) => u !== null).map(userXml) });
    },
  };
}

/** CreaPratica's oggetto UTENTE: the pratica is filed under the user's company and line (and the line's contract). */
export function resolveUserTarget(store: CrmStore, id: string): ResolvedTarget {
  const user = consoleUser(store.db, id);
  if (!user) throw notFoundFault(`utente ${id}`);
  const [line] = user.linea ? store.mobileLines([user.linea]) : [];
  return { kind: 'UTENTE', customer: user.codice_cliente, contract: line?.numero_contratto ?? null, line: line?.numero ?? null, mobileLine: null, user: id };
}

const refused = (description: string, why: string) => new LegacyFault(500, 'SBL-BRL-00140', `Operazione "${description}" non ammessa: ${why}`);

function parameter(parameters: ReadonlyMap<string, string>, name: string): string {
  const value = parameters.get(name);
  if (!value) throw invalidRequest(`parametro ${name} mancante`);
  return value;
}

/** The grants that give `profile` to a user of `customer` on `line` (seed 001: AF the company, AL the company and his line, UT/UTD the line). */
function grantsFor(profile: string, customer: string, line: string | null): [kind: string, scope: string][] {
  if (profile === 'AF') return [['AZIENDA', customer]];
  if (!line) throw invalidRequest(`il profilo ${profile} richiede una linea`);
  if (profile === 'AL') return [['AZIENDA', customer], ['LINEA', line]];
  if (profile === 'UT' || profile === 'UTD') return [['LINEA', line]];
  throw invalidRequest('profilo ammessi: AF, AL, UT, UTD');
}

function replaceGrants(db: Db, user: CompanyUserRow, grants: [string, string][], profile: string): void {
  const company = db.prepare(`SELECT a.rowid AS r FROM abilitazioni a WHERE a.username = ? AND (
    (a.tipo_ambito = 'AZIENDA' AND a.ambito = ?)
    OR (a.tipo_ambito = 'CONTRATTO' AND a.ambito IN (SELECT numero FROM contratti WHERE codice_cliente = ?))
    OR (a.tipo_ambito = 'LINEA' AND (a.ambito IN (SELECT numero FROM linee_mobili WHERE codice_cliente = ?) OR a.ambito IN (SELECT numero FROM linee_fisse WHERE codice_cliente = ?))))`)
    .all(user.username, user.codice_cliente, user.codice_cliente, user.codice_cliente, user.codice_cliente) as { r: number }[];
  for (const { r } of company) db.prepare('DELETE FROM abilitazioni WHERE rowid = ?').run(r);
  for (const [kind, scope] of grants) db.prepare('INSERT INTO abilitazioni VALUES (?, ?, ?, ?)').run(user.username, profile, kind, scope);
}

type UserEffect = (store: CrmStore, target: ResolvedTarget, parameters: ReadonlyMap<string, string>) => boolean;

/** A change of one user: CRM re-checks what the graph checked (two requests may race) and never touches the legal representative. */
const onUser = (description: string, from: readonly string[], change: (db: Db, user: CompanyUserRow, parameters: ReadonlyMap<string, string>) => void): UserEffect =>
  (store, target, parameters) => {
    const user = target.user ? consoleUser(store.db, target.user) : null;
    if (!user) throw invalidRequest(`"${description}" riguarda un utente`);
    if (profileOf(user) === 'RL') throw refused(description, 'il Rappresentante Legale non è modificabile');
    if (!from.includes(user.stato)) throw refused(description, `utente ${user.id} in stato ${user.stato}`);
    change(store.db, user, parameters);
    return true;
  };

const setStatus = (status: string) => (db: Db, user: CompanyUserRow) => void db.prepare('UPDATE utenti SET stato = ? WHERE id = ?').run(status, user.id);

/** Creazione utenza, on a mobile line of the company that has no user: CRM names him (nome.cognome, numbered when taken). */
const createUser: UserEffect = (store, target, parameters) => {
  const line = target.mobileLine;
  if (!line) throw invalidRequest('"Creazione utenza" riguarda una linea mobile');
  const taken = (store.db.prepare(`SELECT count(*) AS n FROM abilitazioni a JOIN utenti u ON u.username = a.username
    WHERE a.tipo_ambito = 'LINEA' AND a.ambito = ? AND u.stato <> 'ELIMINATA'`).get(line.numero) as { n: number }).n;
  if (taken > 0) throw refused('Creazione utenza', `la linea ${line.numero} ha già un utente`);
  const [nome, cognome, codiceFiscale, email, profilo] = ['nome', 'cognome', 'codiceFiscale', 'email', 'profilo'].map((p) => parameter(parameters, p));
  const base = `${nome}.${cognome}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
  let username = base;
  for (let n = 2; store.db.prepare('SELECT 1 FROM utenti WHERE username = ?').get(username); n++) username = `${base}${n}`;
  const id = `1-C${String(randomInt(0, 10 ** 7)).padStart(7, '0')}`;
  store.db.prepare("INSERT INTO utenti VALUES (?, ?, ?, ?, ?, ?, ?, 'IN_ACCETTAZIONE')").run(id, username, nome, cognome, codiceFiscale, line.numero, email);
  for (const [kind, scope] of grantsFor(profilo, line.codice_cliente, line.numero)) {
    store.db.prepare('INSERT INTO abilitazioni VALUES (?, ?, ?, ?)').run(username, profilo, kind, scope);
  }
  store.db.prepare('INSERT INTO utenze_console VALUES (?, ?)').run(id, isoDate(today()));
  return true;
};

const CREDENTIALED = ['ATTIVA', 'IN_ACCETTAZIONE'] as const;

/** The console's pratiche and what each changes in CRM (the credentials themselves are the identity provider's). */
export const COMPANY_USER_EFFECTS: Record<string, UserEffect> = {
  'Creazione utenza': createUser,
  'Registrazione utenza': onUser('Registrazione utenza', ['DA_REGISTRARE'], setStatus('IN_ACCETTAZIONE')),
  'Modifica profilo utenza': onUser('Modifica profilo utenza', ['ATTIVA', 'IN_ACCETTAZIONE', 'DISATTIVATA', 'DA_REGISTRARE'], (db, user, parameters) => {
    const profile = parameter(parameters, 'profilo');
    replaceGrants(db, user, grantsFor(profile, user.codice_cliente, user.linea), profile);
  }),
  'Reimpostazione password utenza': onUser('Reimpostazione password utenza', CREDENTIALED, () => undefined),
  'Invio credenziali utenza': onUser('Invio credenziali utenza', CREDENTIALED, () => undefined),
  'Disattivazione utenza': onUser('Disattivazione utenza', CREDENTIALED, setStatus('DISATTIVATA')),
  'Eliminazione utenza': onUser('Eliminazione utenza', STATUSES, setStatus('ELIMINATA')),
};

export const COMPANY_USER_DESCRIPTIONS: readonly string[] = Object.keys(COMPANY_USER_EFFECTS);
