import { createHash } from 'node:crypto';
import { BANK_ACCOUNT_HOLDERS, PERSONAL_ACCOUNTS, type PersonalAccountSeed } from '../data/ebill-personal-accounts';
import { jsonObjectBody } from '../runtime/json-body';
import { minimalPdf } from '../runtime/pdf';
import { openDatabase } from '../runtime/db';
import { LegacyFault, type StandInReply } from '../runtime/server';
import type { EbillFileRoute } from './protocol';

/**
 * h-tuopost (issue 12). eBill's personal billing accounts of TIM TUO on postpaid lines (seed 002 §9.2.1.1): the
 * employee's invoice is eBill's, so eBill keeps who it is made out to (`intestatario`), where it goes (`indirizzo`)
 * and how it is paid (`modalita` CARTA / RID / BOLLETTINO, the card as the provider masked it, the IBAN and its
 * holder), and the direct debit's status. Its own SQLite file beside eBill's (`ebill-personal-account.sqlite`),
 * served on eBill's port with eBill's envelope and codes:
 * - `conti-personali/ricerca` {nrLinee (≤50)} → {conti: [conto]} (lines with an account); the IBAN only masked;
 * - `conti-personali/imposta` {idOp, nrLinea, intestatario? {nome, cognome, cf}, indirizzo? {via, civico, cap, comune,
 *   provincia}, modalita?, carta? {mascherata, scadenza}, iban?, titolare? {nome, cognome, cf, indirizzo}, smsNotifica?}
 *   → {idOp, conto}: the account changed as asked (what is left out stays; a new one needs all), once per `idOp` (the pratica's id): the same again answers the
 *   account as it is, `idOp` with another body → 409 EB-409. With `versione` (the account's version the change was
 *   asked against, answered by `ricerca`: one more for every change applied, 0 before eBill's first), an account changed
 *   since is 409 EB-409 (issue 19: two tabs, one change); the version is not part of the body an `idOp` records. A
 *   RID whose holder is not the bank's (BANK_ACCOUNT_HOLDERS) is discarded: `statoDomiciliazione` SCARTATA and
 *   `modalita` BOLLETTINO (seed 002 §9.2.1.1.1);
 * - `GET /ebill/v1/conti-personali/riepilogo.pdf?…`: the summary the employee downloads before confirming.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS conti_personali (
  nr_linea TEXT PRIMARY KEY, intestatario TEXT NOT NULL, indirizzo TEXT NOT NULL, modalita TEXT NOT NULL, carta TEXT, iban TEXT,
  titolare TEXT, stato_domiciliazione TEXT NOT NULL, sms_notifica TEXT, dt_agg TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS operazioni_conti (id_op TEXT PRIMARY KEY, nr_linea TEXT NOT NULL, impronta TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS versioni_conti (nr_linea TEXT PRIMARY KEY, versione INTEGER NOT NULL);
`;

type Json = Record<string, unknown>;
interface AccountRow {
  nr_linea: string; intestatario: string; indirizzo: string; modalita: string; carta: string | null; iban: string | null;
  titolare: string | null; stato_domiciliazione: string; sms_notifica: string | null; dt_agg: string;
}

const ok = (value: Json): StandInReply => ({
  status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ esito: 'OK', ...value }),
});
const invalid = (what: string) => new LegacyFault(400, 'EB-400', `richiesta non valida: ${what}`);
const body = (raw: Buffer) => jsonObjectBody(raw, () => invalid('corpo JSON atteso'));

function object(b: Json, field: string): Json {
  const value = b[field];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${field} obbligatorio`);
  return value as Json;
}
function strings(b: Json, field: string, names: readonly string[]): Json {
  const o = object(b, field);
  for (const name of names) if (typeof o[name] !== 'string' || o[name] === '') throw invalid(`${field}.${name} obbligatorio`);
  return Object.fromEntries(names.map((name) => [name, o[name]]));
}
const PERSON = ['nome', 'cognome', 'cf'] as const;
const ADDRESS = ['via', 'civico', 'cap', 'comune', 'provincia'] as const;

const maskedIban = (iban: string) => `${iban.slice(0, 5)}${'*'.repeat(iban.length - 9)}${iban.slice(-4)}`;
const now = () => new Date().toISOString().slice(0, 16);

/** Whether the bank holds `iban` under exactly this holder (names and tax code, as the bank wrote them). */
function bankConfirms(iban: string, holder: Json): boolean {
  const account = BANK_ACCOUNT_HOLDERS.find((a) => a.iban === iban);
  const same = (a: string, b: unknown) => a.toUpperCase() === String(b).trim().toUpperCase();
  return !!account && same(account.holder.firstName, holder.nome) && same(account.holder.lastName, holder.cognome) && same(account.holder.taxCode, holder.cf);
}

const seedRow = (s: PersonalAccountSeed): AccountRow => ({
  nr_linea: s.lineNumber,
  intestatario: JSON.stringify({ nome: s.holder.firstName, cognome: s.holder.lastName, cf: s.holder.taxCode }),
  indirizzo: JSON.stringify({ via: s.address.street, civico: s.address.houseNumber, cap: s.address.postalCode, comune: s.address.city, provincia: s.address.province }),
  modalita: s.method,
  carta: s.card ? JSON.stringify({ mascherata: s.card.masked, scadenza: s.card.expiry }) : null,
  iban: s.directDebit?.iban ?? null,
  titolare: s.directDebit ? JSON.stringify({ nome: s.directDebit.accountHolder.firstName, cognome: s.directDebit.accountHolder.lastName, cf: s.directDebit.accountHolder.taxCode }) : null,
  stato_domiciliazione: s.method === 'BOLLETTINO' ? 'NON_RICHIESTA' : 'DOMICILIATA',
  sms_notifica: null,
  dt_agg: '2021-03-02T10:00',
});

const accountJson = (r: AccountRow, version: number) => ({
  nrLinea: r.nr_linea,
  intestatario: JSON.parse(r.intestatario),
  indirizzo: JSON.parse(r.indirizzo),
  modalita: r.modalita,
  carta: r.carta ? JSON.parse(r.carta) : null,
  ibanMascherato: r.iban ? maskedIban(r.iban) : null,
  titolare: r.titolare ? JSON.parse(r.titolare) : null,
  statoDomiciliazione: r.stato_domiciliazione,
  smsNotifica: r.sms_notifica,
  dtAgg: r.dt_agg,
  versione: String(version),
});

/**
 * The account a request asks for, as eBill will keep it: what the request leaves out (`intestatario`, `indirizzo`, the
 * payment without `modalita`) stays as it is; a new account needs all three. A RID the bank does not confirm falls
 * back to the postal slip.
 */
function requested(b: Json, line: string, current: AccountRow | undefined): AccountRow {
  const kept = (field: 'intestatario' | 'indirizzo', names: readonly string[]) => {
    if (b[field] === undefined && current) return current[field];
    return JSON.stringify(strings(b, field, names));
  };
  const base = {
    nr_linea: line, intestatario: kept('intestatario', PERSON), indirizzo: kept('indirizzo', ADDRESS),
    sms_notifica: typeof b.smsNotifica === 'string' && b.smsNotifica !== '' ? b.smsNotifica : current?.sms_notifica ?? null, dt_agg: now(),
  };
  const method = b.modalita;
  if (method === undefined && current) return { ...current, ...base };
  const none = { carta: null, iban: null, titolare: null };
  if (method === 'BOLLETTINO') return { ...base, ...none, modalita: method, stato_domiciliazione: 'NON_RICHIESTA' };
  if (method === 'CARTA') return { ...base, ...none, modalita: method, carta: JSON.stringify(strings(b, 'carta', ['mascherata', 'scadenza'])), stato_domiciliazione: 'DOMICILIATA' };
  if (method !== 'RID') throw invalid('modalita ammesse: CARTA, RID, BOLLETTINO');
  const iban = typeof b.iban === 'string' && /^IT\d{2}[A-Z]\d{10}[0-9A-Z]{12}$/.test(b.iban) ? b.iban : null;
  if (!iban) throw invalid('iban italiano obbligatorio per la modalita RID');
  const holder = strings(b, 'titolare', PERSON);
  strings(object(b, 'titolare'), 'indirizzo', ADDRESS);
  const confirmed = bankConfirms(iban, holder);
  return { ...base, ...none, modalita: confirmed ? 'RID' : 'BOLLETTINO', iban, titolare: JSON.stringify(holder), stato_domiciliazione: confirmed ? 'DOMICILIATA' : 'SCARTATA' };
}

/** The summary module (seed 002 §9.2.1.1.1 "Scarica il pdf con il riepilogo dei dati"): what the request says, one line. */
function summaryPdf(_match: string[], query: URLSearchParams): StandInReply {
  const line = query.get('nrLinea') ?? '';
  if (!/^\d{6,15}$/.test(line)) throw new LegacyFault(404, 'EB-404', 'riepilogo inesistente');
  const parts = ['nrLinea', 'modalita', 'pagamento', 'indirizzo', 'rif'].map((k) => query.get(k) ?? '').filter((v) => v !== '');
  return {
    status: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="riepilogo-tim-tuo-${line}.pdf"` },
    body: minimalPdf(`Riepilogo richiesta TIM TUO: ${parts.join(' - ')}`),
  };
}

export function openPersonalAccounts(dataDir: string) {
  const db = openDatabase(dataDir, 'ebill-personal-account', SCHEMA, (d) => {
    const insert = d.prepare(`INSERT INTO conti_personali VALUES (@nr_linea, @intestatario, @indirizzo, @modalita, @carta, @iban, @titolare,
      @stato_domiciliazione, @sms_notifica, @dt_agg)`);
    for (const account of PERSONAL_ACCOUNTS) insert.run(seedRow(account));
  });
  const account = (line: string) => db.prepare('SELECT * FROM conti_personali WHERE nr_linea = ?').get(line) as AccountRow | undefined;
  const versionOf = (line: string) =>
    (db.prepare('SELECT versione FROM versioni_conti WHERE nr_linea = ?').get(line) as { versione: number } | undefined)?.versione ?? 0;
  const answered = (r: AccountRow) => accountJson(r, versionOf(r.nr_linea));

  function search(raw: Buffer): StandInReply {
    const lines = body(raw).nrLinee;
    if (!Array.isArray(lines) || !lines.every((l) => typeof l === 'string')) throw invalid('nrLinee deve essere una lista');
    if (lines.length > 50) throw new LegacyFault(413, 'EB-413', 'troppi elementi in nrLinee: massimo 50');
    return ok({ conti: lines.flatMap((l) => account(l) ?? []).map(answered) });
  }

  /** One transaction: the operation's record and the account, or neither; the same `idOp` again writes nothing. */
  function set(raw: Buffer): StandInReply {
    const b = body(raw);
    const operationId = typeof b.idOp === 'string' && b.idOp !== '' ? b.idOp : null;
    const line = typeof b.nrLinea === 'string' && /^\d{6,15}$/.test(b.nrLinea) ? b.nrLinea : null;
    if (!operationId || !line) throw invalid('idOp e nrLinea obbligatori');
    const { versione, ...request } = b;
    if (versione !== undefined && (typeof versione !== 'string' || !/^\d{1,9}$/.test(versione))) throw invalid('versione deve essere un numero');
    const print = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const done = db.transaction(() => {
      const previous = db.prepare('SELECT * FROM operazioni_conti WHERE id_op = ?').get(operationId) as { impronta: string } | undefined;
      if (previous) return previous.impronta === print ? account(line)! : null;
      if (versione !== undefined && versionOf(line) !== Number(versione)) throw new LegacyFault(409, 'EB-409', `conto della linea ${line} variato dopo la versione ${versione}`);
      const next = requested(b, line, account(line));
      db.prepare(`INSERT INTO conti_personali VALUES (@nr_linea, @intestatario, @indirizzo, @modalita, @carta, @iban, @titolare,
        @stato_domiciliazione, @sms_notifica, @dt_agg) ON CONFLICT (nr_linea) DO UPDATE SET intestatario = excluded.intestatario,
        indirizzo = excluded.indirizzo, modalita = excluded.modalita, carta = excluded.carta, iban = excluded.iban, titolare = excluded.titolare,
        stato_domiciliazione = excluded.stato_domiciliazione, sms_notifica = excluded.sms_notifica, dt_agg = excluded.dt_agg`).run(next);
      db.prepare('INSERT INTO operazioni_conti VALUES (?, ?, ?)').run(operationId, line, print);
      db.prepare('INSERT INTO versioni_conti VALUES (?, 1) ON CONFLICT (nr_linea) DO UPDATE SET versione = versione + 1').run(line);
      return account(line)!;
    })();
    if (!done) throw new LegacyFault(409, 'EB-409', `operazione ${operationId} già eseguita con altri dati`);
    return ok({ idOp: operationId, conto: answered(done) });
  }

  const files: EbillFileRoute[] = [{ path: /^\/ebill\/v1\/conti-personali\/riepilogo\.pdf$/, operation: 'conti-personali/riepilogo', run: summaryPdf }];
  return { routes: { 'conti-personali/ricerca': search, 'conti-personali/imposta': set }, files, close: () => db.close() };
}
