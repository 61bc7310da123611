import { createHash, randomBytes } from 'node:crypto';
import { openDatabase } from '../runtime/db';
import { jsonObjectBody } from '../runtime/json-body';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { page } from './checkout-page';
import { authorisationOf, DEMO_OTP, json } from './operations';
import { MAX_FAILED_ATTEMPTS } from './store';

/**
 * h-tuopost (issue 12). Card verifications (zero-amount "setups", a mandate): how a merchant learns that a card may
 * be charged later without charging it now, as TIM TUO's "Domiciliazione su carta di credito" needs (seed 002
 * §9.2.1.1.1: "si verrà indirizzati sul sito del gestore della Carta di Credito ... PSD2"). Created by the merchant
 * under an `Idempotency-Key`, confirmed by the customer on the provider's page with a card and his bank's code
 * (the same demo bank: `123456`, three wrong codes fail it, a card ending in 0002 is declined), read back by the
 * merchant: only the masked card and its expiry ever leave the provider. Kept in its own SQLite file
 * (`payments-setups.sqlite`):
 * - `POST /v1/setups` + `Idempotency-Key` {customer, reference, returnUrl?} → 201 (200 the same again, 409 with
 *   other data) {id "seti_…", status REQUIRES_AUTHENTICATION/SUCCEEDED/FAILED, customer, reference, redirectUrl
 *   (while waiting), card {masked, expiry} (once verified), createdAt};
 * - `GET /v1/setups/{id}` → the setup, 404 `resource_missing`;
 * - `GET|POST /checkout/setups/{id}` (the customer's browser, no key): the form (`pan`, `expiry`, `cvv`, `otp`).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS setups (
  id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, fingerprint TEXT NOT NULL, customer TEXT NOT NULL, reference TEXT NOT NULL,
  return_url TEXT, status TEXT NOT NULL, failed_attempts INTEGER NOT NULL DEFAULT 0, card_masked TEXT, card_expiry TEXT, created_at TEXT NOT NULL);
`;

interface SetupRow {
  id: string; idempotency_key: string; fingerprint: string; customer: string; reference: string; return_url: string | null;
  status: 'REQUIRES_AUTHENTICATION' | 'SUCCEEDED' | 'FAILED'; failed_attempts: number; card_masked: string | null; card_expiry: string | null; created_at: string;
}

const SETUP_ID = /^seti_[0-9a-f]{24}$/;
const invalid = (what: string) => new LegacyFault(400, 'invalid_request', what);
const missing = (id: string) => new LegacyFault(404, 'resource_missing', `setup ${id} not found`);
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const setupJson = (s: SetupRow, origin: string) => ({
  id: s.id, status: s.status, customer: s.customer, reference: s.reference,
  redirectUrl: s.status === 'REQUIRES_AUTHENTICATION' ? `${origin}/checkout/setups/${s.id}` : null,
  card: s.card_masked ? { masked: s.card_masked, expiry: s.card_expiry } : null,
  createdAt: s.created_at,
});

function form(setup: SetupRow, error?: string): StandInReply {
  return page(error ? 400 : 200, 'Inserisci i dati per la verifica', `<p>Esercente <b>Telecom Italia S.p.A</b>, numero d'ordine <b>${escape(setup.id)}</b>: `
    + 'verifica della carta per la domiciliazione, nessun addebito.</p>'
    + `${error ? `<p role="alert">${escape(error)}</p>` : ''}<form method="post" action="/checkout/setups/${escape(setup.id)}">`
    + '<label>Numero carta <input name="pan" inputmode="numeric" autocomplete="cc-number" required></label>'
    + '<label>Scadenza (MM/AA) <input name="expiry" autocomplete="cc-exp" required></label>'
    + '<label>Codice di controllo <input name="cvv" inputmode="numeric" autocomplete="cc-csc" required></label>'
    + '<label>Codice di sicurezza ricevuto dalla tua banca <input name="otp" inputmode="numeric" autocomplete="one-time-code" required></label>'
    + '<button type="submit">Conferma</button></form>');
}

const outcome = (setup: SetupRow) => (setup.status === 'SUCCEEDED'
  ? page(200, 'Carta verificata', `<p>Carta ${escape(setup.card_masked ?? '')} verificata. Torna al sito del venditore.</p>`)
  : page(200, 'Verifica non riuscita', '<p>La carta non è stata verificata.</p>'));

export function openCardSetups(dataDir: string) {
  const db = openDatabase(dataDir, 'payments-setups', SCHEMA, () => undefined);
  const setup = (id: string) => (SETUP_ID.test(id) ? db.prepare('SELECT * FROM setups WHERE id = ?').get(id) as SetupRow | undefined : undefined);
  const found = (id: string) => setup(id) ?? (() => { throw missing(id); })();

  function create(raw: Buffer, idempotencyKey: string | undefined, origin: string): StandInReply {
    if (!idempotencyKey || !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) throw invalid('Idempotency-Key header required');
    const b = jsonObjectBody(raw, () => invalid('body must be a JSON object'));
    const text = (field: string, pattern: RegExp) => {
      if (typeof b[field] !== 'string' || !pattern.test(b[field] as string)) throw invalid(`${field} is missing or malformed`);
      return b[field] as string;
    };
    const customer = text('customer', /^[A-Za-z0-9-]{1,40}$/);
    const reference = text('reference', /^[A-Za-z0-9-]{1,40}$/);
    const returnUrl = b.returnUrl === undefined || b.returnUrl === null ? null : text('returnUrl', /^https?:\/\/\S{1,500}$/);
    const fingerprint = createHash('sha256').update(JSON.stringify([customer, reference, returnUrl])).digest('hex');
    const made = db.transaction(() => {
      const previous = db.prepare('SELECT * FROM setups WHERE idempotency_key = ?').get(idempotencyKey) as SetupRow | undefined;
      if (previous) return previous.fingerprint === fingerprint ? { row: previous, created: false } : null;
      const id = `seti_${randomBytes(12).toString('hex')}`;
      db.prepare(`INSERT INTO setups (id, idempotency_key, fingerprint, customer, reference, return_url, status, created_at)
        VALUES (?, ?, ?, ?, ?, ?, 'REQUIRES_AUTHENTICATION', ?)`).run(id, idempotencyKey, fingerprint, customer, reference, returnUrl, new Date().toISOString());
      return { row: setup(id)!, created: true };
    })();
    if (!made) throw new LegacyFault(409, 'idempotency_conflict', 'Idempotency-Key already used with other parameters');
    return json(made.created ? 201 : 200, setupJson(made.row, origin));
  }

  /** The customer confirms: a wrong code counts (the third fails it), a declined card fails it, else the card is verified, once. */
  function confirm(id: string, raw: Buffer): StandInReply {
    const current = found(id);
    if (current.status !== 'REQUIRES_AUTHENTICATION') return outcome(current);
    const entered = new URLSearchParams(raw.toString('utf8'));
    const authorisation = authorisationOf(entered, 'CARD', undefined);
    if (typeof authorisation === 'string') return form(current, authorisation);
    if (!('newMethod' in authorisation)) return form(current, 'Numero di carta non valido.');
    if (entered.get('otp') !== DEMO_OTP) {
      db.prepare(`UPDATE setups SET failed_attempts = failed_attempts + 1, status = CASE WHEN failed_attempts + 1 >= ? THEN 'FAILED' ELSE status END
        WHERE id = ? AND status = 'REQUIRES_AUTHENTICATION'`).run(MAX_FAILED_ATTEMPTS, id);
      const after = found(id);
      return after.status === 'FAILED' ? outcome(after) : form(after, 'Codice di sicurezza errato.');
    }
    const declined = (entered.get('pan') ?? '').replace(/\s/g, '').endsWith('0002');
    db.prepare(`UPDATE setups SET status = ?, card_masked = ?, card_expiry = ? WHERE id = ? AND status = 'REQUIRES_AUTHENTICATION'`)
      .run(declined ? 'FAILED' : 'SUCCEEDED', declined ? null : authorisation.newMethod.masked, declined ? null : authorisation.newMethod.expiry, id);
    const done = found(id);
    if (!done.return_url) return outcome(done);
    const back = new URL(done.return_url);
    back.searchParams.set('setup', done.id);
    return { status: 303, headers: { location: back.toString(), 'content-type': 'text/plain; charset=utf-8' }, body: '' };
  }

  return {
    create,
    get: (id: string, origin: string) => json(200, setupJson(found(id), origin)),
    page: (id: string) => {
      const current = found(id);
      return current.status === 'REQUIRES_AUTHENTICATION' ? form(current) : outcome(current);
    },
    confirm,
    close: () => db.close(),
  };
}
export type CardSetups = ReturnType<typeof openCardSetups>;
