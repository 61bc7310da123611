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

/** A required free-text field (a name, a street): trimmed, not empty, at most `max` characters, no control characters. */
export function checkRequiredText(raw: unknown, field: string, max: number): string {
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (value === '') throw badUserInput(field, 'is required');
  if (value.length > max || /[\x00-\x1f\x7f]/.test(value)) throw badUserInput(field, `must be plain text of at most ${max} characters`);
  return value;
}

/** The same rules for a field that may be left out (absent, null or blank): undefined then. */
export function checkOptionalText(raw: unknown, field: string, max: number): string | undefined {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  return checkRequiredText(raw, field, max);
}

/** A whole number from `min` to `max`. */
export function checkInteger(raw: unknown, field: string, min: number, max: number): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > max) throw badUserInput(field, `must be a whole number from ${min} to ${max}`);
  return raw;
}
