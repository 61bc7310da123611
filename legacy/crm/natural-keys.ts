import type { Db } from '../runtime/db';

/**
 * CreaPratica's business key (`chiaveNaturale`): the fact a pratica records, which may be recorded once whatever the
 * caller's idempotency keys, e.g. a payment's id for "Ricarica manuale web/app". An idempotency key tells a retry
 * from a new request of the same client; it cannot tell two requests of the same fact made under two keys (two tabs,
 * two devices, a client that lost its key) and racing each other past the graph's own rules. The business key is
 * unique per pratica description, the way a real CRM keeps a business key unique: a second request for the same fact
 * is answered the pratica that already records it, and writes nothing but its own key (so that its retries, and
 * GetEsitoPratica under it, answer the same). A second request that asks something else for that fact (another
 * `impronta`) is refused (SBL-BRL-00130): the fact is recorded already, as it was first asked.
 *
 * Why the existing pratica rather than a refusal for the same request: its caller then finishes what the first
 * caller may have left undone (the graph's `applyElsewhere`, idempotent under the pratica's id), e.g. the eBill
 * credit of a payment whose first completion crashed between CRM and eBill.
 */
export const NATURAL_KEYS_SCHEMA = `
CREATE TABLE IF NOT EXISTS chiavi_naturali (
  descrizione TEXT NOT NULL, chiave_naturale TEXT NOT NULL, chiave_idempotenza TEXT NOT NULL, impronta TEXT NOT NULL, risposta TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chiavi_naturali_fatto ON chiavi_naturali (descrizione, chiave_naturale);
CREATE UNIQUE INDEX IF NOT EXISTS chiavi_naturali_chiave ON chiavi_naturali (chiave_idempotenza);
`;

/** One request recorded under a business key: the key it came with, its fingerprint, the answer it got. */
export interface NaturalKeyUse { key: string; fingerprint: string; answer: string }

/** The first request that recorded this fact, if any. */
export function firstUnderNaturalKey(db: Db, description: string, naturalKey: string): NaturalKeyUse | null {
  const row = db.prepare(`SELECT chiave_idempotenza AS key, impronta AS fingerprint, risposta AS answer FROM chiavi_naturali
    WHERE descrizione = ? AND chiave_naturale = ? ORDER BY rowid LIMIT 1`).get(description, naturalKey) as NaturalKeyUse | undefined;
  return row ?? null;
}

/** The answer a request under this idempotency key got through a business key (a later request for a recorded fact). */
export function answerThroughNaturalKey(db: Db, key: string): { fingerprint: string; answer: string } | null {
  const row = db.prepare('SELECT impronta AS fingerprint, risposta AS answer FROM chiavi_naturali WHERE chiave_idempotenza = ?')
    .get(key) as { fingerprint: string; answer: string } | undefined;
  return row ?? null;
}

export function rememberNaturalKey(db: Db, description: string, naturalKey: string, use: NaturalKeyUse): void {
  db.prepare('INSERT INTO chiavi_naturali VALUES (?, ?, ?, ?, ?)').run(description, naturalKey, use.key, use.fingerprint, use.answer);
}
