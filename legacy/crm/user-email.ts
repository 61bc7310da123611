import type { Db } from '../runtime/db';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { notFoundFault } from './operations';
import { invalidRequest, soapAnswer, text, type SoapRecord } from './soap';

/**
 * h-invoice (issue 12). `AggiornaEmailUtente` {idUtente, email, chiaveIdempotenza, impronta} → `utente` {id, email}:
 * the e-mail of a user's portal registration (the one username and password are recovered with, seed 002 §4, §6),
 * which "La mia fattura"'s MODIFICA EMAIL changes too (§9.2.1.2). Once per key: the same key and `impronta` write
 * nothing and answer the user's e-mail as it is now (a later change under another key stands); the key with another
 * `impronta` is SBL-IDM-00409, like CreaPratica; an unknown user SBL-DAT-00225.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS email_utente_operazioni (
  chiave_idempotenza TEXT PRIMARY KEY, utente TEXT NOT NULL, impronta TEXT NOT NULL, email TEXT NOT NULL, eseguita_il TEXT NOT NULL);
`;

export function userEmailOperations(db: Db): Record<string, (params: SoapRecord) => StandInReply> {
  db.exec(SCHEMA);
  const emailOf = (user: string) => db.prepare('SELECT email FROM utenti WHERE id = ?').get(user) as { email: string | null } | undefined;
  return {
    AggiornaEmailUtente(params) {
      const [user, email, key, fingerprint] = ['idUtente', 'email', 'chiaveIdempotenza', 'impronta'].map((f) => text(params, f));
      if (!email.includes('@')) throw invalidRequest('email non valida');
      db.transaction(() => {
        const done = db.prepare('SELECT utente, impronta FROM email_utente_operazioni WHERE chiave_idempotenza = ?').get(key) as
          { utente: string; impronta: string } | undefined;
        if (done) {
          if (done.utente !== user || done.impronta !== fingerprint) throw new LegacyFault(500, 'SBL-IDM-00409', 'Chiave di idempotenza già usata per un\'altra richiesta');
          return;
        }
        if (!emailOf(user)) throw notFoundFault(`utente ${user}`);
        db.prepare('UPDATE utenti SET email = ? WHERE id = ?').run(email, user);
        db.prepare('INSERT INTO email_utente_operazioni VALUES (?, ?, ?, ?, ?)').run(key, user, fingerprint, email, new Date().toISOString());
      })();
      return soapAnswer('AggiornaEmailUtente', { utente: { id: user, email: emailOf(user)?.email ?? '' } });
    },
  };
}
