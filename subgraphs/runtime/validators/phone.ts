import { badUserInput } from '../../../adapters/errors';

/** Italian mobile numbers as CRM stores them and the graph shows them: no prefix, 9 or 10 digits starting with 3. */
const MOBILE_NUMBER = /^3\d{8,9}$/;

export const isMobileNumber = (value: string) => MOBILE_NUMBER.test(value);

/** The number, or BAD_USER_INPUT naming `field`. */
export function checkMobileNumber(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !isMobileNumber(raw)) throw badUserInput(field, 'must be an Italian mobile number: 9 or 10 digits starting with 3');
  return raw;
}
