import type { Db } from '../runtime/db';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { invalid, jsonBody, ok, optionalString } from './operations';

/**
 * `linee/opzioni-tim-tuo` (seed 002 §7.4.6, §7.4.8; issue 11): eBill bills the TIM TUO options a company activates on
 * a line (CRM holds the service, eBill what it charges). `{idOp, nrLinea, opzione ROAMING_EXTRA_UE/MMS, azione
 * ATTIVA/CESSA}`, once per `idOp` (the CRM pratica id): the same again answers the line's options as they are; the
 * `idOp` with another request is EB-409.
 */
export const TIM_TUO_OPTIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS opzioni_tim_tuo (nr_linea TEXT NOT NULL, opzione TEXT NOT NULL, dt_att TEXT NOT NULL, PRIMARY KEY (nr_linea, opzione));
CREATE TABLE IF NOT EXISTS operazioni_tim_tuo (id_op TEXT PRIMARY KEY, richiesta TEXT NOT NULL, dt TEXT NOT NULL);
`;

/** The options CRM's seed has active (legacy/crm/tim-tuo.ts), billed since their lines' TIM TUO began. */
export function seedTimTuoOptions(db: Db): void {
  const insert = db.prepare('INSERT INTO opzioni_tim_tuo VALUES (?, ?, ?)');
  insert.run('3312548681', 'ROAMING_EXTRA_UE', '2021-05-03');
  insert.run('3700801103', 'MMS', '2021-05-03');
  // h-prepaid: gina.eu's prepaid line (the extra-EU roaming packages of seed 002 §9.2.1.3 need it).
  insert.run('3700034020', 'ROAMING_EXTRA_UE', '2021-05-03');
}

const OPTIONS = ['ROAMING_EXTRA_UE', 'MMS'];
const ACTIONS = ['ATTIVA', 'CESSA'];

export function timTuoOptions(db: Db, raw: Buffer): StandInReply {
  const body = jsonBody(raw);
  const [operationId, line, option, action] = ['idOp', 'nrLinea', 'opzione', 'azione'].map((f) => optionalString(body, f));
  if (!operationId || !line) throw invalid('idOp e nrLinea obbligatori');
  if (!OPTIONS.includes(option ?? '')) throw invalid(`opzione ammesse: ${OPTIONS.join(', ')}`);
  if (!ACTIONS.includes(action ?? '')) throw invalid(`azione ammesse: ${ACTIONS.join(', ')}`);
  const request = JSON.stringify({ line, option, action });
  const now = new Date().toISOString();
  const conflict = db.transaction(() => {
    const done = db.prepare('SELECT richiesta FROM operazioni_tim_tuo WHERE id_op = ?').get(operationId) as { richiesta: string } | undefined;
    if (done) return done.richiesta !== request;
    if (action === 'ATTIVA') db.prepare('INSERT OR IGNORE INTO opzioni_tim_tuo VALUES (?, ?, ?)').run(line, option, now.slice(0, 10));
    else db.prepare('DELETE FROM opzioni_tim_tuo WHERE nr_linea = ? AND opzione = ?').run(line, option);
    db.prepare('INSERT INTO operazioni_tim_tuo VALUES (?, ?, ?)').run(operationId, request, now);
    return false;
  })();
  if (conflict) throw new LegacyFault(409, 'EB-409', `operazione ${operationId} già eseguita con altri dati`);
  const options = (db.prepare('SELECT opzione FROM opzioni_tim_tuo WHERE nr_linea = ? ORDER BY opzione').all(line) as { opzione: string }[]).map((o) => o.opzione);
  return ok({ idOp: operationId, nrLinea: line, opzioni: options });
}
