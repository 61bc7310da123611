import { badUserInput } from '../../../adapters/errors';

/** Italian mobile numbers as CRM stores them and the graph shows them: no prefix, 9 or 10 digits starting with 3. */
const MOBILE_NUMBER = /^3\d{8,9}$/;

export const isMobileNumber = (value: string) => MOBILE_NUMBER.test(value);

/**
 * Issue 21 (FIX-06): the intelligent numbers of the fixed network (Rete Intelligente): 800 and 803 (Numero Verde), 840,
 * 841, 847, 848 (Numero Ripartito), 199 (Numero Unico), and 3 to 7 digits.
 */
export const INTELLIGENT_NUMBER = /^(80[03]|84[0178]|199)\d{3,7}$/;

/** A fixed-network line as CRM stores it: geographic (0 and the area code) or an intelligent number. */
export const isFixedNetworkNumber = (value: string) => value.startsWith('0') || INTELLIGENT_NUMBER.test(value);

/** The number, or BAD_USER_INPUT naming `field`. */
export function checkMobileNumber(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !isMobileNumber(raw)) throw badUserInput(field, 'must be an Italian mobile number: 9 or 10 digits starting with 3');
  return raw;
}

/** Any Italian phone or fax number a person can be reached at: fixed (0…) or mobile (3…), 6 to 11 digits; spaces ignored. */
export function checkPhoneNumber(raw: unknown, field: string): string {
  const number = typeof raw === 'string' ? raw.replace(/[\s./-]/g, '') : '';
  if (!/^[03]\d{5,10}$/.test(number)) throw badUserInput(field, 'must be an Italian phone number: 6 to 11 digits starting with 0 or 3');
  return number;
}
