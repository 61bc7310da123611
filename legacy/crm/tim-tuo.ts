import type { Db } from '../runtime/db';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { soapAnswer, texts, type SoapRecord } from './soap';

/**
 * TIM TUO (dual billing), the company side (seed 002 §7.4.5–§7.4.8; issue 11): per mobile line whether its user may
 * activate TIM TUO (`abilitato` SI/NO), the service's state (NON_ATTIVO, ATTIVO, CESSATO), the employee's code once he
 * activated it and the TIM TUO options active on it. CRM owns services, so CRM holds this record; a line without a
 * row is not enabled. `GetTimTuo` prints it by line number (≤100).
 */
export const TIM_TUO_SCHEMA = `
CREATE TABLE IF NOT EXISTS tim_tuo_linee (
  numero TEXT PRIMARY KEY, abilitato TEXT NOT NULL, stato TEXT NOT NULL, codice_dipendente TEXT, opzioni TEXT NOT NULL);
`;

export type TimTuoStatus = 'NON_ATTIVO' | 'ATTIVO' | 'CESSATO';
/** The options of §7.4.6: Roaming on Extra UE (postpaid), MMS and Roaming on Extra UE (prepaid). */
export const TIM_TUO_OPTIONS = ['ROAMING_EXTRA_UE', 'MMS'] as const;

interface TimTuoRow { numero: string; abilitato: 'SI' | 'NO'; stato: TimTuoStatus; codice_dipendente: string | null; opzioni: string }

/**
 * Ente KRISHNA's TIM TUO lines (seed 002 §7.4.5–§7.4.6 and reference-data.md): 3312547516, 3312547883, 3312547899
 * enabled; 3312548662 enabled with TIM TUO active (the line §7.4.6 shows); 3312548681 and 3312547310 active, the
 * first with the Roaming on Extra UE option; the prepaid 3700801103 active with MMS.
 */
const SEED: TimTuoRow[] = [
  { numero: '3312547516', abilitato: 'SI', stato: 'NON_ATTIVO', codice_dipendente: null, opzioni: '[]' },
  { numero: '3312547883', abilitato: 'SI', stato: 'NON_ATTIVO', codice_dipendente: null, opzioni: '[]' },
  { numero: '3312547899', abilitato: 'SI', stato: 'NON_ATTIVO', codice_dipendente: null, opzioni: '[]' },
  { numero: '3312548662', abilitato: 'SI', stato: 'ATTIVO', codice_dipendente: 'DIP-004512', opzioni: '[]' },
  { numero: '3312548681', abilitato: 'SI', stato: 'ATTIVO', codice_dipendente: 'DIP-001234', opzioni: '["ROAMING_EXTRA_UE"]' },
  { numero: '3312547310', abilitato: 'SI', stato: 'ATTIVO', codice_dipendente: 'DIP-002468', opzioni: '[]' },
  { numero: '3700801103', abilitato: 'SI', stato: 'ATTIVO', codice_dipendente: 'DIP-003579', opzioni: '["MMS"]' },
];

export function seedTimTuo(db: Db): void {
  const insert = db.prepare('INSERT INTO tim_tuo_linee VALUES (?, ?, ?, ?, ?)');
  for (const r of SEED) insert.run(r.numero, r.abilitato, r.stato, r.codice_dipendente, r.opzioni);
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The TIM TUO record of existing mobile lines; a line without a row answers as not enabled. */
function timTuoOf(db: Db, numbers: string[]): TimTuoRow[] {
  if (numbers.length === 0) return [];
  return db.prepare(`SELECT l.numero, COALESCE(t.abilitato, 'NO') AS abilitato, COALESCE(t.stato, 'NON_ATTIVO') AS stato,
      t.codice_dipendente, COALESCE(t.opzioni, '[]') AS opzioni
    FROM linee_mobili l LEFT JOIN tim_tuo_linee t ON t.numero = l.numero WHERE l.numero IN (${placeholders(numbers.length)})`)
    .all(...numbers) as TimTuoRow[];
}

const timTuoXml = (r: TimTuoRow) => ({
  numero: r.numero, abilitato: r.abilitato, stato: r.stato, codiceDipendente: r.codice_dipendente ?? '', opzione: JSON.parse(r.opzioni) as string[],
});

/** `GetTimTuo`: `numero`* (≤100) → `lineaTimTuo`* {numero, abilitato SI/NO, stato, codiceDipendente, opzione*}. */
export function timTuoOperations(db: Db): Record<string, (params: SoapRecord) => StandInReply> {
  return {
    GetTimTuo(params) {
      const numbers = texts(params, 'numero');
      if (numbers.length > 100) throw new LegacyFault(500, 'SBL-BAT-00001', 'Superato il numero massimo di elementi (100) per numero');
      return soapAnswer('GetTimTuo', { lineaTimTuo: timTuoOf(db, numbers).map(timTuoXml) });
    },
  };
}

/**
 * For the aggregate inventory (h-inventory's one CRM GROUP BY, seed 002 §7.2): the TIM TUO lines of some contracts
 * by line kind (ABBONAMENTO/RICARICABILE), enablement and service state. Bind the contract numbers, `?` per contract.
 */
export const timTuoByKindAndStatusSql = (contracts: number) => `
  SELECT l.tipo_linea AS tipoLinea, COALESCE(t.abilitato, 'NO') AS abilitato, COALESCE(t.stato, 'NON_ATTIVO') AS stato, COUNT(*) AS linee
  FROM linee_mobili l LEFT JOIN tim_tuo_linee t ON t.numero = l.numero
  WHERE l.numero_contratto IN (${placeholders(contracts)}) AND (t.abilitato = 'SI' OR t.stato IS NOT NULL)
  GROUP BY l.tipo_linea, COALESCE(t.abilitato, 'NO'), COALESCE(t.stato, 'NON_ATTIVO')`;
