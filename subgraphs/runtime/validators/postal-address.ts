import { badUserInput } from '../../../adapters/errors';

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
