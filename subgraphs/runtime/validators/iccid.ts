import { badUserInput } from '../../../adapters/errors';

/**
 * ICCIDs (ITU-T E.118): 89 (telecom), then 17 or 18 digits; TIM's are 19 digits from 8939 (8939010008546264046).
 * No Luhn check: the seed's own example and CRM's ICCIDs do not carry a valid one, and a SIM in the customer's hand
 * must not be refused. The portals ask for it in another shape for a SIM change (MOB-04): only the last 10 digits
 * of the new SIM, the rest being TIM's issuer prefix.
 */
const ICCID = /^89\d{17,18}$/;

export const isIccid = (value: string) => ICCID.test(value);

export function checkIccid(raw: unknown, field: string): string {
  const iccid = typeof raw === 'string' ? raw.replace(/\s/g, '') : '';
  if (!isIccid(iccid)) throw badUserInput(field, 'must be an ICCID: 19 or 20 digits starting with 89');
  return iccid;
}

/** MOB-04: the last 10 digits of the new SIM's ICCID, as printed on the card. */
export function checkIccidLastDigits(raw: unknown, field: string): string {
  const digits = typeof raw === 'string' ? raw.replace(/\s/g, '') : '';
  if (!/^\d{10}$/.test(digits)) throw badUserInput(field, 'must be the last 10 digits of the new SIM\'s ICCID');
  return digits;
}

/** A SIM change must not give the line the SIM it already has: the last 10 digits of the current ICCID. */
export function checkNewSim(lastDigits: string, currentIccid: string, field: string): void {
  if (currentIccid.endsWith(lastDigits)) throw badUserInput(field, 'is the SIM the line already has');
}
