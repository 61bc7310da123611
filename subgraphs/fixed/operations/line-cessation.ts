import { badUserInput } from '../../../adapters/errors';
import { lineCessation, lineCessationRevocation } from '../../runtime/line-cessation';
import { FIXED_LINE } from '../../runtime/dispositive/targets';

/** FIX-02: cease fixed lines and revoke their cessation, one or many (subgraphs/runtime/line-cessation.ts says the rules). */
export function checkFixedNumber(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !/^0\d{5,10}$/.test(raw)) throw badUserInput(field, 'must be an Italian fixed number with its area code: 6 to 11 digits starting with 0');
  return raw;
}

const FIXED = { capability: 'FIX-02', target: FIXED_LINE, checkNumber: checkFixedNumber };

export const CEASE_FIXED_LINES = lineCessation({ field: 'ceaseFixedLines', ...FIXED });
export const REVOKE_FIXED_LINE_CESSATION = lineCessationRevocation({ field: 'revokeFixedLineCessation', ...FIXED });
