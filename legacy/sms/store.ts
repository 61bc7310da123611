import { randomUUID } from 'node:crypto';
import { openDatabase } from '../runtime/db';

/** The SMS gateway's log of accepted messages: what an operator's delivery report would show. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY, recipient TEXT NOT NULL, sender TEXT NOT NULL, text TEXT NOT NULL, accepted_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS messages_recipient ON messages (recipient);
`;

export interface SmsRow { id: string; recipient: string; sender: string; text: string; accepted_at: string }

export function openSmsStore(dataDir: string) {
  const db = openDatabase(dataDir, 'sms', SCHEMA, () => undefined);
  return {
    accept(recipient: string, sender: string, text: string): SmsRow {
      const row: SmsRow = { id: `sms_${randomUUID()}`, recipient, sender, text, accepted_at: new Date().toISOString() };
      db.prepare('INSERT INTO messages VALUES (?, ?, ?, ?, ?)').run(row.id, row.recipient, row.sender, row.text, row.accepted_at);
      return row;
    },
    /** Newest first; one recipient's, or every message. */
    sent: (recipient?: string) => (recipient
      ? db.prepare('SELECT * FROM messages WHERE recipient = ? ORDER BY rowid DESC').all(recipient)
      : db.prepare('SELECT * FROM messages ORDER BY rowid DESC').all()) as SmsRow[],
    close: () => db.close(),
  };
}
export type SmsStore = ReturnType<typeof openSmsStore>;
