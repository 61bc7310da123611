import { legacyDate, parseLegacyDate, today } from '../runtime/clock';
import { placeholders, type Db } from '../runtime/db';
import { LegacyFault } from '../runtime/server';
import type { ContractEffect } from './contract-data-effects';
import { invalidRequest } from './soap';
import type { CrmStore } from './store';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Cessation of a mobile or fixed line and its revocation (seed 000 "Linee e Servizi", Area Clienti; MOB-05, FIX-02).
 * A cessation is scheduled: CRM keeps the day it takes effect (`data_effetto`) and the line goes on as it was until
 * then; from that day CRM prints it CESSATO with that day as its `dataCessazione`. A revocation removes the schedule,
 * which is possible only while the day has not come: a ceased line is not revived.
 * The pratica of a cessation stays open (the back office carries it out on the day); a revocation is done on creation.
 */
export const LINE_CESSATION_SCHEMA = `
CREATE TABLE IF NOT EXISTS cessazioni_linee (numero TEXT PRIMARY KEY, data_effetto TEXT NOT NULL);
`;

export const CEASE_LINE = 'Cessazione linea';
export const REVOKE_LINE_CESSATION = 'Revoca cessazione linea';

/** The days the line's cessation is scheduled on, by number (ISO dates). */
function scheduled(db: Db, numbers: readonly string[]): Map<string, string> {
  if (numbers.length === 0) return new Map();
  const rows = db.prepare(`SELECT numero, data_effetto FROM cessazioni_linee WHERE numero IN (${placeholders(numbers.length)})`)
    .all(...numbers) as { numero: string; data_effetto: string }[];
  return new Map(rows.map((r) => [r.numero, r.data_effetto]));
}

const asLegacy = (iso: string) => legacyDate(new Date(`${iso}T12:00:00Z`));

/**
 * Lines as CRM prints them, with their cessation: `cessazioneProgrammata` while it is ahead, CESSATO and
 * `dataCessazione` from its day on.
 */
export function withCessations<L extends { numero: string; stato: string }>(db: Db, lines: L[]): L[] {
  const days = scheduled(db, lines.map((l) => l.numero));
  const now = isoDate(today());
  return lines.map((line) => {
    const day = days.get(line.numero);
    if (!day) return line;
    return day <= now
      ? { ...line, stato: 'CESSATO', dataCessazione: asLegacy(day) }
      : { ...line, cessazioneProgrammata: asLegacy(day) };
  });
}

const refused = (line: string, description: string, why: string) =>
  new LegacyFault(500, 'SBL-BRL-00110', `Operazione "${description}" non ammessa: linea ${line} ${why}`);

/** The line's stored status, whichever its kind. */
function statusOf(store: CrmStore, number: string, kind: string): string {
  const [line] = kind === 'LINEA_MOBILE' ? store.mobileLines([number]) : store.fixedLines([number]);
  return line.stato;
}

function lineOf(target: Parameters<ContractEffect>[1], description: string): string {
  if (!target.line || (target.kind !== 'LINEA_MOBILE' && target.kind !== 'LINEA_FISSA')) throw invalidRequest(`"${description}" riguarda una linea`);
  return target.line;
}

/** Cessazione linea: `dataEffetto` (dd/mm/yyyy) from tomorrow on; the line not ceased and not already scheduled. */
const cease: ContractEffect = (store, target, parameters) => {
  const number = lineOf(target, CEASE_LINE);
  const effective = parseLegacyDate(parameters.get('dataEffetto') ?? '');
  if (!effective) throw invalidRequest('parametro dataEffetto mancante o non valido');
  if (isoDate(effective) <= isoDate(today())) throw invalidRequest('dataEffetto deve essere successiva a oggi');
  if (statusOf(store, number, target.kind) === 'CESSATO' || scheduled(store.db, [number]).has(number)) {
    throw refused(number, CEASE_LINE, 'cessata o con cessazione già richiesta');
  }
  store.db.prepare('INSERT INTO cessazioni_linee VALUES (?, ?)').run(number, isoDate(effective));
  return false;
};

/** Revoca cessazione linea: a cessation scheduled on a day still ahead is removed. */
const revoke: ContractEffect = (store, target) => {
  const number = lineOf(target, REVOKE_LINE_CESSATION);
  const day = scheduled(store.db, [number]).get(number);
  if (!day || day <= isoDate(today())) throw refused(number, REVOKE_LINE_CESSATION, 'senza cessazione revocabile');
  store.db.prepare('DELETE FROM cessazioni_linee WHERE numero = ?').run(number);
  return true;
};

export const LINE_CESSATION_EFFECTS: Record<string, ContractEffect> = { [CEASE_LINE]: cease, [REVOKE_LINE_CESSATION]: revoke };
