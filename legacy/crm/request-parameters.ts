import type { Db } from '../runtime/db';

/**
 * What a pratica was asked with (CreaPratica's `parametro`s and the attachments it claimed), kept with it: a pratica
 * CRM does not apply itself (spare SIMs to ship, SIMs to activate, an IMEI to block) is work for the back office,
 * which needs the quantities, the address, the list and the documents, not only the description.
 */
export const REQUEST_PARAMETERS_SCHEMA = `
CREATE TABLE IF NOT EXISTS parametri_pratica (id_pratica TEXT NOT NULL, nome TEXT NOT NULL, valore TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS parametri_pratica_id ON parametri_pratica (id_pratica);
`;

export function keepRequestParameters(db: Db, requestId: string, parameters: Iterable<readonly [string, string]>): void {
  const insert = db.prepare('INSERT INTO parametri_pratica VALUES (?, ?, ?)');
  for (const [name, value] of parameters) insert.run(requestId, name, value);
}

/** The pratica's parameters by name (an attachment repeats `allegato`), as the back office reads them. */
export function requestParameters(db: Db, requestId: string): { name: string; value: string }[] {
  return db.prepare('SELECT nome AS name, valore AS value FROM parametri_pratica WHERE id_pratica = ? ORDER BY rowid').all(requestId) as { name: string; value: string }[];
}
