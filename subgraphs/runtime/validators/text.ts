import { badUserInput } from '../../../adapters/errors';

/**
 * Free text a person types for the back office (a reason, a note): trimmed, within a length, on one line and without
 * control characters, so that it prints as it is in CRM and in the logs of whoever reads it.
 */
export function checkFreeText(raw: unknown, field: string, { min, max }: { min: number; max: number }): string {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text.length < min || text.length > max) throw badUserInput(field, `must be ${min} to ${max} characters`);
  if (/\p{Cc}/u.test(text)) throw badUserInput(field, 'must be one line of text without control characters');
  return text;
}
