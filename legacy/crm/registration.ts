import { randomInt } from 'node:crypto';
import type { Db } from '../runtime/db';
import { monthsAgo } from '../runtime/clock';
import type { StandInReply } from '../runtime/server';
import { isoDate } from './store';
import { optionalText, soapAnswer, text, type SoapRecord } from './soap';

/**
 * issue 20. The customer area's spontaneous registration (seed 000 "Registrazione Spontanea"), CRM side.
 * `VerificaRegistrazione` {codiceFiscale, codiceFiscaleAzienda?} → `esito`, `codiceCliente` when AMMESSA;
 * `RegistraUtente` {the same, username, nome, cognome, cellulare, email} → `esito`, `utente` {id, username, profilo,
 * codiceCliente} when REGISTRATO. Who may register: the legal representative CRM holds for a company marked SME
 * (a contract not under a Convenzione) that is active, or whose fixed contract ceased less than 12 months ago; never
 * a prospect (no contract) or a ceased customer. The profile follows from CRM's data: RL on the whole company
 * (complete, convergent, multi-contract). `esito`: AMMESSA / REGISTRATO, GIA_REGISTRATO (CRM already has a user with
 * this tax code), NON_AMMESSA, AZIENDA_RICHIESTA (the person represents several companies: the company tax code
 * says which), USERNAME_IN_USO.
 */
type Verdict = { esito: 'AMMESSA'; codiceCliente: string } | { esito: 'GIA_REGISTRATO' | 'NON_AMMESSA' | 'AZIENDA_RICHIESTA' };

function verify(db: Db, personalTaxCode: string, companyTaxCode: string | null): Verdict {
  const companies = db.prepare(`SELECT codice_cliente FROM aziende WHERE rl_codice_fiscale = ? AND (? IS NULL OR codice_fiscale = ?)`)
    .all(personalTaxCode, companyTaxCode, companyTaxCode) as { codice_cliente: string }[];
  if (companies.length === 0) return { esito: 'NON_AMMESSA' };
  if (companies.length > 1) return { esito: 'AZIENDA_RICHIESTA' };
  const [{ codice_cliente: customer }] = companies;
  const eligible = db.prepare(`SELECT 1 FROM contratti WHERE codice_cliente = ? AND convenzione IS NULL
    AND (stato = 'ATTIVO' OR (tipo = 'FISSO' AND stato = 'CESSATO' AND data_cessazione >= ?))`).get(customer, isoDate(monthsAgo(12)));
  if (!eligible) return { esito: 'NON_AMMESSA' };
  if (db.prepare('SELECT 1 FROM utenti WHERE codice_fiscale = ?').get(personalTaxCode)) return { esito: 'GIA_REGISTRATO' };
  return { esito: 'AMMESSA', codiceCliente: customer };
}

export function registrationOperations(db: Db): Record<string, (params: SoapRecord) => StandInReply> {
  return {
    VerificaRegistrazione(params) {
      return soapAnswer('VerificaRegistrazione', verify(db, text(params, 'codiceFiscale'), optionalText(params, 'codiceFiscaleAzienda')));
    },
    RegistraUtente(params) {
      const [username, nome, cognome, codiceFiscale, cellulare, email] = ['username', 'nome', 'cognome', 'codiceFiscale', 'cellulare', 'email'].map((f) => text(params, f));
      const answer = db.transaction(() => {
        const verdict = verify(db, codiceFiscale, optionalText(params, 'codiceFiscaleAzienda'));
        if (verdict.esito !== 'AMMESSA') return { esito: verdict.esito };
        if (db.prepare('SELECT 1 FROM utenti WHERE username = ?').get(username)) return { esito: 'USERNAME_IN_USO' };
        const id = `1-R${String(randomInt(0, 10 ** 7)).padStart(7, '0')}`;
        db.prepare("INSERT INTO utenti VALUES (?, ?, ?, ?, ?, ?, ?, 'ATTIVA')").run(id, username, nome, cognome, codiceFiscale, cellulare, email);
        db.prepare("INSERT INTO abilitazioni VALUES (?, 'RL', 'AZIENDA', ?)").run(username, verdict.codiceCliente);
        return { esito: 'REGISTRATO', utente: { id, username, profilo: 'RL', codiceCliente: verdict.codiceCliente } };
      })();
      return soapAnswer('RegistraUtente', answer);
    },
  };
}
