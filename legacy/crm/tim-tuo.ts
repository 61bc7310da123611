import { placeholders, type Db } from '../runtime/db';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { soapAnswer, texts, type SoapRecord } from './soap';

/**
 * TIM TUO (dual billing), the company side (seed 002 §7.4.5–§7.4.8; issue 11): per mobile line whether its user may
 * activate TIM TUO (`abilitato` SI/NO), the service's state (NON_ATTIVO, ATTIVO, CESSATO), the employee's code once he
 * activated it and the TIM TUO options active on it. CRM owns services, so CRM holds this record; a line without a
 * row is not enabled. `GetTimTuo` prints it by line number (≤100).
 */
export type TimTuoStatus = 'NON_ATTIVO' | 'ATTIVO' | 'CESSATO';
/** The options of §7.4.6: Roaming on Extra UE (postpaid), MMS and Roaming on Extra UE (prepaid). */
export const TIM_TUO_OPTIONS = ['ROAMING_EXTRA_UE', 'MMS'] as const;

interface TimTuoRow { numero: string; abilitato: 'SI' | 'NO'; stato: TimTuoStatus; codice_dipendente: string | null; opzioni: string }

/**
 * The TIM TUO options active on Ente KRISHNA's lines (seed 002 §7.4.6, §7.4.8): the per-line record itself (enabled,
 * service state, employee) is the inventory's (inventory.ts, legacy/data/inventory-reference.ts).
 */
const SEED_OPTIONS: { line: string; options: string[] }[] = [
  { line: '3312548681', options: ['ROAMING_EXTRA_UE'] },
  { line: '3700801103', options: ['MMS'] },
  // h-prepaid: gina.eu's prepaid line may take the extra-EU roaming packages and plafonds (seed 002 §9.2.1.3).
  { line: '3700034020', options: ['ROAMING_EXTRA_UE'] },
];

export function seedTimTuoOptions(db: Db): void {
  const update = db.prepare('UPDATE tim_tuo_linee SET opzioni = ? WHERE numero_linea = ?');
  for (const { line, options } of SEED_OPTIONS) update.run(JSON.stringify(options), line);
}


/** The TIM TUO record of existing mobile lines; a line without a row answers as not enabled. */
function timTuoOf(db: Db, numbers: string[]): TimTuoRow[] {
  if (numbers.length === 0) return [];
  return db.prepare(`SELECT l.numero, COALESCE(t.abilitata, 'NO') AS abilitato, COALESCE(t.stato_servizio, 'NON_ATTIVO') AS stato,
      t.codice_dipendente, COALESCE(t.opzioni, '[]') AS opzioni
    FROM linee_mobili l LEFT JOIN tim_tuo_linee t ON t.numero_linea = l.numero WHERE l.numero IN (${placeholders(numbers.length)})`)
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
