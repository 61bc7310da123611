import { badUserInput } from '../../../adapters/errors';

/**
 * Italian tax codes. A person's codice fiscale: 16 characters, the last a check letter computed from the other
 * 15; digits may be replaced by letters (omocodia: LMNPQRSTUV for 0-9). A company's: 11 digits (the same as its
 * VAT number), the last a Luhn-style check digit.
 */
const PERSONAL = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const COMPANY = /^\d{11}$/;

/** Values of a character in an odd position (1st, 3rd, … 15th), by digit or letter (the same for 0/A, 1/B, …). */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

const index = (ch: string) => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65);

export function personalCheckLetter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += i % 2 === 0 ? ODD_VALUES[index(first15[i])] : index(first15[i]);
  return String.fromCharCode(65 + (sum % 26));
}

export function companyCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(first10[i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export const isPersonalTaxCode = (value: string) => PERSONAL.test(value) && personalCheckLetter(value.slice(0, 15)) === value[15];
export const isCompanyTaxCode = (value: string) => COMPANY.test(value) && companyCheckDigit(value.slice(0, 10)) === Number(value[10]);

export function checkPersonalTaxCode(raw: unknown, field: string): string {
  const code = typeof raw === 'string' ? raw.replace(/\s/g, '').toUpperCase() : '';
  if (!PERSONAL.test(code)) throw badUserInput(field, 'must be a personal tax code of 16 characters, e.g. RSSMRA80A01H501U');
  if (personalCheckLetter(code.slice(0, 15)) !== code[15]) throw badUserInput(field, 'is not a valid tax code: its check character does not match');
  return code;
}

export function checkCompanyTaxCode(raw: unknown, field: string): string {
  const code = typeof raw === 'string' ? raw.replace(/\s/g, '') : '';
  if (!COMPANY.test(code)) throw badUserInput(field, 'must be a company tax code of 11 digits');
  if (companyCheckDigit(code.slice(0, 10)) !== Number(code[10])) throw badUserInput(field, 'is not a valid tax code: its check digit does not match');
  return code;
}
