import { randomUUID } from 'node:crypto';
import { LegacyFault } from '../runtime/server';
import type { Db } from '../runtime/db';

/**
 * CRM's attachment store (allegati): the documents a user uploads before the pratica that needs them (an IMEI block's
 * theft report and identity document, a list of SIMs to activate). The gateway detects the type from the content and
 * names the owner; CRM keeps both with the bytes, in SQLite like every CRM record, so an id survives a restart.
 * An attachment serves one pratica only: CreaPratica claims it in its own transaction.
 */
export const ATTACHMENTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS allegati (
  id TEXT PRIMARY KEY, proprietario TEXT NOT NULL, tipo TEXT NOT NULL, dimensione INTEGER NOT NULL, contenuto BLOB NOT NULL,
  caricato_il TEXT NOT NULL, usato_il TEXT);
`;

/** CRM's fault for an attachment that cannot be used: unknown, someone else's, already used, or of the wrong type. */
export const ATTACHMENT_REFUSED = 'SBL-ATT-00001';

interface AttachmentRow { id: string; proprietario: string; tipo: string; usato_il: string | null }

export function saveAttachment(db: Db, upload: { owner: string; type: string; content: Buffer }): string {
  const id = `ALL-${randomUUID()}`;
  db.prepare('INSERT INTO allegati VALUES (?, ?, ?, ?, ?, ?, NULL)')
    .run(id, upload.owner, upload.type, upload.content.length, upload.content, new Date().toISOString());
  return id;
}

/**
 * Marks the attachments used by `owner`'s pratica. Call it inside the transaction that writes the pratica, so that a
 * refused pratica leaves them unused. The fault names the first id at fault (`detail/crm:errore/allegato`); its
 * text says why, for CRM's log only: the caller may not learn whether a foreign id exists.
 */
export function claimAttachments(db: Db, ids: string[], owner: string, allowedTypes: string[]): void {
  const find = db.prepare('SELECT id, proprietario, tipo, usato_il FROM allegati WHERE id = ?');
  const markUsed = db.prepare('UPDATE allegati SET usato_il = ? WHERE id = ?');
  const now = new Date().toISOString();
  for (const id of ids) {
    const row = find.get(id) as AttachmentRow | undefined;
    const why = !row || row.proprietario !== owner ? 'inesistente'
      : row.usato_il !== null ? `già utilizzato il ${row.usato_il}`
        : !allowedTypes.includes(row.tipo) ? `di tipo ${row.tipo}, ammessi ${allowedTypes.join(', ')}`
          : null;
    if (why) throw new LegacyFault(500, ATTACHMENT_REFUSED, `Allegato ${id} non utilizzabile: ${why}`, { allegato: id });
    markUsed.run(now, id);
  }
}

/** How many attachments CRM holds, used or not (what an operator checks after a refused upload). */
export const attachmentCount = (db: Db): number => (db.prepare('SELECT COUNT(*) AS n FROM allegati').get() as { n: number }).n;
