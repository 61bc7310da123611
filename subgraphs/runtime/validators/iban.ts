import { badUserInput } from '../../../adapters/errors';

/**
 * Italian IBANs only (BIL-10: "al momento non è consentito l'uso di un IBAN estero"): IT, 2 check digits, the CIN
 * letter, ABI (5 digits), CAB (5 digits), account (12 letters or digits) = 27 characters, checked with ISO 13616's
 * mod 97. Spaces and lower case are accepted as people type them.
 */
const ITALIAN_IBAN = /^IT\d{2}[A-Z]\d{10}[0-9A-Z]{12}$/;

export function normalizeIban(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

/** ISO 13616: the first four characters moved to the end, letters as 10..35, the number mod 97 is 1. */
export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export const isItalianIban = (value: string) => ITALIAN_IBAN.test(value) && ibanChecksumValid(value);

export function checkItalianIban(raw: unknown, field: string): string {
  const iban = typeof raw === 'string' ? normalizeIban(raw) : '';
  if (!iban.startsWith('IT')) throw badUserInput(field, 'must be the IBAN of an Italian account (IT…)');
  if (!ITALIAN_IBAN.test(iban)) throw badUserInput(field, 'must be an Italian IBAN of 27 characters, e.g. IT60X0542811101000000123456');
  if (!ibanChecksumValid(iban)) throw badUserInput(field, 'is not a valid IBAN: its check digits do not match');
  return iban;
}
