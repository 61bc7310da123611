import { logger } from '../../observability/logger';
import type { Db } from '../runtime/db';

/**
 * Unclaimed attachments expire (issue 19 item 8): a file no pratica claimed within `ttlSeconds` of its upload is
 * deleted, bytes and all, so uploads nobody uses do not stay in CRM for ever. A claim after that finds nothing, as
 * for an unknown id. Swept every `min(ttl, 60 s)`; a claimed attachment stays with its pratica.
 */
export function startAttachmentExpiry(db: Db, ttlSeconds: number): { stop(): void } {
  const expire = db.prepare('DELETE FROM allegati WHERE usato_il IS NULL AND caricato_il < ?');
  const timer = setInterval(() => {
    // ISO timestamps in UTC compare as text.
    const { changes } = expire.run(new Date(Date.now() - ttlSeconds * 1000).toISOString());
    if (changes > 0) logger.info({ expired: changes }, 'unclaimed attachments expired');
  }, Math.min(ttlSeconds, 60) * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
