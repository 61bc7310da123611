import { randomUUID } from 'node:crypto';
import { openDatabase } from '../runtime/db';

/** The relay's mailbox: every message it accepted, as the envelope named it and as mailparser read it. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY, envelope_from TEXT NOT NULL, envelope_to TEXT NOT NULL, subject TEXT NOT NULL,
  text TEXT NOT NULL, received_at TEXT NOT NULL);
`;

export interface MailRow { id: string; envelope_from: string; envelope_to: string; subject: string; text: string; received_at: string }
export interface ReceivedMail { from: string; to: string[]; subject: string; text: string }

export function openMailStore(dataDir: string) {
  const db = openDatabase(dataDir, 'mail', SCHEMA, () => undefined);
  return {
    keep(mail: ReceivedMail): void {
      db.prepare('INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?)')
        .run(`mail_${randomUUID()}`, mail.from, JSON.stringify(mail.to), mail.subject, mail.text, new Date().toISOString());
    },
    /** Newest first; those sent to one address, or every message. */
    received(to?: string) {
      const rows = db.prepare('SELECT * FROM messages ORDER BY rowid DESC').all() as MailRow[];
      return rows
        .map((r) => ({ id: r.id, from: r.envelope_from, to: JSON.parse(r.envelope_to) as string[], subject: r.subject, text: r.text, receivedAt: r.received_at }))
        .filter((m) => to === undefined || m.to.includes(to.toLowerCase()));
    },
    close: () => db.close(),
  };
}
export type MailStore = ReturnType<typeof openMailStore>;
