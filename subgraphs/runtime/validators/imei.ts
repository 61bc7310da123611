import { badUserInput } from '../../../adapters/errors';

/**
 * IMEIs (3GPP TS 23.003): 14 digits and a Luhn check digit, 15 in all, as printed on the device's box or shown by
 * *#06#. The check digit catches a mistyped digit before TIM blocks somebody else's device.
 */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export function checkImei(raw: unknown, field: string): string {
  const imei = typeof raw === 'string' ? raw.replace(/[\s-]/g, '') : '';
  if (!/^\d{15}$/.test(imei)) throw badUserInput(field, 'must be an IMEI: 15 digits');
  if (!luhnValid(imei)) throw badUserInput(field, 'is not a valid IMEI: its check digit does not match');
  return imei;
}
