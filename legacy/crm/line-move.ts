import { legacyDate, today } from '../runtime/clock';
import { placeholders, type Db } from '../runtime/db';
import { LegacyFault } from '../runtime/server';
import type { ContractEffect } from './contract-data-effects';
import { invalidRequest } from './soap';
import type { CrmStore } from './store';

/**
 * Trasloco of a fixed line (seed 000 "Linee fisso"; seed 003: active "entro 10 giorni dalla data della richiesta", and
 * "in seguito al trasloco è necessario effettuare nuovamente la richiesta di domiciliazione"; FIX-03). CRM keeps the
 * new site and the day the line is active there (MOVE_DAYS after the request); until then it prints
 * `traslocoProgrammato`, from that day the new site as the line's `sede`. In the pratica's transaction the direct
 * debit of the line's contract is dropped (payment-settings.ts): it must be asked again. The pratica stays open (the
 * technicians' work).
 */
export const LINE_MOVE_SCHEMA = `
CREATE TABLE IF NOT EXISTS traslochi_linee (
  numero TEXT PRIMARY KEY, indirizzo TEXT NOT NULL, cap TEXT NOT NULL, comune TEXT NOT NULL, provincia TEXT NOT NULL, data_attivazione TEXT NOT NULL);
`;

export const MOVE_FIXED_LINE = 'Trasloco linea fissa';
const MOVE_DAYS = 10;

interface MoveRow { numero: string; indirizzo: string; cap: string; comune: string; provincia: string; data_attivazione: string }

const iso = (d: Date) => d.toISOString().slice(0, 10);

function moves(db: Db, numbers: readonly string[]): Map<string, MoveRow> {
  if (numbers.length === 0) return new Map();
  const rows = db.prepare(`SELECT * FROM traslochi_linee WHERE numero IN (${placeholders(numbers.length)})`).all(...numbers) as MoveRow[];
  return new Map(rows.map((r) => [r.numero, r]));
}

/** Fixed lines as CRM prints them, with their move: `traslocoProgrammato` while it is ahead, the new `sede` from its day. */
export function withMoves<L extends { numero: string }>(db: Db, lines: L[]): L[] {
  const found = moves(db, lines.map((l) => l.numero));
  const now = iso(today());
  return lines.map((line) => {
    const move = found.get(line.numero);
    if (!move) return line;
    const site = { indirizzo: move.indirizzo, cap: move.cap, comune: move.comune, provincia: move.provincia };
    return move.data_attivazione <= now
      ? { ...line, sede: site }
      : { ...line, traslocoProgrammato: { ...site, dataAttivazione: legacyDate(new Date(`${move.data_attivazione}T12:00:00Z`)) } };
  });
}

const required = (parameters: ReadonlyMap<string, string>, name: string) => {
  const value = parameters.get(name);
  if (!value) throw invalidRequest(`parametro ${name} mancante`);
  return value;
};

const move: ContractEffect = (store: CrmStore, target, parameters) => {
  if (target.kind !== 'LINEA_FISSA' || !target.line) throw invalidRequest(`"${MOVE_FIXED_LINE}" riguarda una linea fissa`);
  const [line] = store.fixedLines([target.line]);
  const pending = moves(store.db, [line.numero]).get(line.numero);
  if (line.stato !== 'ATTIVO' || (pending && pending.data_attivazione > iso(today()))) {
    throw new LegacyFault(500, 'SBL-BRL-00110', `Operazione "${MOVE_FIXED_LINE}" non ammessa: linea ${line.numero} non attiva o con trasloco in corso`);
  }
  const activeOn = new Date(today().getTime() + MOVE_DAYS * 86_400_000);
  store.db.prepare('INSERT OR REPLACE INTO traslochi_linee VALUES (?, ?, ?, ?, ?, ?)')
    .run(line.numero, required(parameters, 'indirizzo'), required(parameters, 'cap'), required(parameters, 'comune'), required(parameters, 'provincia'), iso(activeOn));
  // Seed 003: after a move the direct debit must be asked again.
  store.db.prepare('UPDATE impostazioni_pagamento SET iban_mascherato = NULL, intestatario = NULL, data_richiesta = NULL WHERE numero_contratto = ?')
    .run(line.numero_contratto);
  return false;
};

export const LINE_MOVE_EFFECTS: Record<string, ContractEffect> = { [MOVE_FIXED_LINE]: move };
