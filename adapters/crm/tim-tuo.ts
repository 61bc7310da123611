import { UnusableAnswer } from '../legacy-answer';
import { optionalText, text, texts, type CrmRecord } from './soap';

/**
 * TIM TUO, the company side, as CRM holds it per line (seed 002 §7.4.5–§7.4.8; BIL-09; issue 11): whether the line's
 * user may activate it, the service's state, the employee's code and the options active.
 */
export type TimTuoStatus = 'NOT_ACTIVE' | 'ACTIVE' | 'CEASED';
export type TimTuoOption = 'EXTRA_EU_ROAMING' | 'MMS';
export interface TimTuoLine { number: string; enabled: boolean; status: TimTuoStatus; employeeCode: string | null; options: TimTuoOption[] }

const STATUS: Record<string, TimTuoStatus> = { NON_ATTIVO: 'NOT_ACTIVE', ATTIVO: 'ACTIVE', CESSATO: 'CEASED' };
const OPTION: Record<string, TimTuoOption> = { ROAMING_EXTRA_UE: 'EXTRA_EU_ROAMING', MMS: 'MMS' };

function known<T>(words: Record<string, T>, legacy: string): T {
  const value = words[legacy];
  if (value === undefined) throw new UnusableAnswer(`unknown value ${legacy}`);
  return value;
}

export function timTuoFromCrm(r: CrmRecord): TimTuoLine {
  const enabled = text(r, 'abilitato');
  if (enabled !== 'SI' && enabled !== 'NO') throw new UnusableAnswer(`abilitato ${enabled}`);
  return {
    number: text(r, 'numero'),
    enabled: enabled === 'SI',
    status: known(STATUS, text(r, 'stato')),
    employeeCode: optionalText(r, 'codiceDipendente'),
    options: texts(r, 'opzione').map((o) => known(OPTION, o)),
  };
}
