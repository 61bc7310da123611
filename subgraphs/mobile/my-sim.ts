import type { MobileLine, ResidualCredit } from '../../adapters/domain';
import { serviceSmsFilePath, type PersonalTopUpRecord, type ServiceSms } from '../../adapters/ebill/personal';
import { badUserInput } from '../../adapters/errors';
import { lastMonths } from '../runtime/calendar';
import { personalTopUpWindow } from '../runtime/dispositive/payment-target';
import type { SubgraphContext } from '../runtime/server';

/**
 * h-employee (issue 12). What the employee's "La mia SIM" and "Storico ricariche personali" pages read on his line
 * (seed 002 §9.1.1, §9.1.3, MOB-18/MOB-19): its SIMs with their One Number role (CRM), his personal credit and his
 * personal top-ups (eBill's personal basket); and the service SMS the line received (§9.2.3, CON-09). Never a PIN or PUK: the seed keeps that reminder on the device.
 */
type OneNumberRole = 'PRIMARY' | 'SECONDARY';
/**
 * A SIM and where its line is (not in the SDL): `lineNumber` for the device look-up (sim-imei.ts), and the line's
 * company and contract so that a field of the SIM with its own @allow (`imei`) is decided on the profiles the viewer
 * holds on that line, like the line's own fields (mobile's record types, resolvers.ts).
 */
export interface LineSim { iccid: string; role: OneNumberRole | null; lineNumber: string; companyId: string; contractNumber: string }

/**
 * The line's own SIM first, with the line's role in its group; the group's other SIMs are secondary when the line's
 * is the primary, and of a role CRM does not say otherwise.
 */
export function simsOf(line: MobileLine): LineSim[] {
  const place = { lineNumber: line.number, companyId: line.companyId, contractNumber: line.contractNumber };
  if (!line.oneNumber) return [{ iccid: line.iccid, role: null, ...place }];
  const others = line.oneNumber.iccids.filter((iccid) => iccid !== line.iccid);
  const othersRole: OneNumberRole | null = line.oneNumber.role === 'PRIMARY' ? 'SECONDARY' : null;
  return [{ iccid: line.iccid, role: line.oneNumber.role, ...place }, ...others.map((iccid) => ({ iccid, role: othersRole, ...place }))];
}

/** MobileLine fields of the employee's pages; the personal ones are the EU's alone (their @allow). */
export const mySimFields = {
  sims: (line: MobileLine): LineSim[] => simsOf(line),
  personalCredit: (line: MobileLine, _args: unknown, { loaders }: SubgraphContext): Promise<ResidualCredit | null> | null =>
    (line.kind === 'PREPAID' ? loaders.ebill.personalCredit.load(line.number) : null),
  personalTopUps: (line: MobileLine, _args: unknown, { legacy }: SubgraphContext): Promise<PersonalTopUpRecord[]> | [] =>
    (line.kind === 'PREPAID' ? legacy.ebill.listPersonalTopUps(line.number, ...personalTopUpWindow()) : []),
  serviceSms(line: MobileLine, { months }: { months: number }, { legacy }: SubgraphContext): Promise<ServiceSms[]> {
    const { from, to } = serviceSmsWindow(months);
    return legacy.ebill.listServiceSms(line.number, from, to);
  },
  serviceSmsFileUrl(line: MobileLine, { months }: { months: number }, { downloads, identity }: SubgraphContext): Promise<string> {
    const { from, to } = serviceSmsWindow(months);
    return downloads.urlFor({
      system: 'eBill', path: serviceSmsFilePath(line.number, from, to), fileName: `sms-servizio-${line.number}.csv`, contentType: 'text/csv',
    }, identity.userId);
  },
};

function serviceSmsWindow(months: number) {
  if (!Number.isInteger(months) || months < 1 || months > SERVICE_SMS_MONTHS) throw badUserInput('months', `must be 1 to ${SERVICE_SMS_MONTHS}`);
  return lastMonths(months);
}

/** How far back the service SMS go (seed 002 §9.2.3: "profondità massima di 6 mesi"). */
export const SERVICE_SMS_MONTHS = 6;
