import { badUserInput } from '../../../adapters/errors';
import { checkRequiredText } from './text';

/** Italian postal codes (CAP): 5 digits. */
export function checkPostalCode(raw: unknown, field: string): string {
  const cap = typeof raw === 'string' ? raw.trim() : '';
  if (!/^\d{5}$/.test(cap)) throw badUserInput(field, 'must be an Italian postal code (CAP) of 5 digits, e.g. 40132');
  return cap;
}

/** Italian province codes (sigla): 2 letters, e.g. BO; written in capitals as the post does. */
export function checkProvince(raw: unknown, field: string): string {
  const province = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  if (!/^[A-Z]{2}$/.test(province)) throw badUserInput(field, 'must be the 2-letter code of an Italian province, e.g. BO');
  return province;
}

// h-tuopost (issue 12): a whole postal address, as TIM TUO's invoice and account holder addresses take it.
/** Street (≤80), house number (≤10), CAP, town (≤60, in capitals) and province code, each named at `<field>.<part>`. */
export function checkPostalAddress(raw: unknown, field: string) {
  const a = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    street: checkRequiredText(a.street, `${field}.street`, 80),
    houseNumber: checkRequiredText(a.houseNumber, `${field}.houseNumber`, 10),
    postalCode: checkPostalCode(a.postalCode, `${field}.postalCode`),
    city: checkRequiredText(a.city, `${field}.city`, 60).toUpperCase(),
    province: checkProvince(a.province, `${field}.province`),
  };
}
