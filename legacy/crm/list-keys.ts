import type { Db } from '../runtime/db';
import { LegacyFault } from '../runtime/server';

/**
 * CreaPratica's list key (`chiaveLista`, `improntaLista`, optional): a caller that sends many pratiche under one key
 * of its client (a change of a list of lines, one pratica per line, each under its own derived key) says which list
 * the key was first used for. Each pratica's own key tells a retry of that line; only the list key tells a retry of
 * the list from another list sent under the same key, which would otherwise run its new lines under new derived keys.
 * Kept in the pratica's transaction: the first pratica written under a list key records its fingerprint, and any
 * later CreaPratica or GetEsitoPratica with that list key and another fingerprint is fault SBL-IDM-00409, like a
 * reused idempotency key.
 */
export const LIST_KEYS_SCHEMA = `
CREATE TABLE IF NOT EXISTS chiavi_lista (chiave TEXT PRIMARY KEY, impronta TEXT NOT NULL);
`;

export interface ListKey { key: string; fingerprint: string }

/** Refuses a list key first used for another list. */
export function checkListKey(db: Db, list: ListKey | null): void {
  if (!list) return;
  const row = db.prepare('SELECT impronta FROM chiavi_lista WHERE chiave = ?').get(list.key) as { impronta: string } | undefined;
  if (row && row.impronta !== list.fingerprint) {
    throw new LegacyFault(500, 'SBL-IDM-00409', `Chiave di idempotenza ${list.key} già usata per un elenco diverso`);
  }
}

/** Records the list a key is used for, once (inside the transaction that writes its first pratica). */
export function rememberListKey(db: Db, list: ListKey | null): void {
  if (list) db.prepare('INSERT OR IGNORE INTO chiavi_lista VALUES (?, ?)').run(list.key, list.fingerprint);
}
