import type { MobileLine } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { MOBILE_LINE } from '../../runtime/dispositive/targets';
import { checkIccid, checkIccidLastDigits } from '../../runtime/validators/iccid';
import { checkMobileNumber } from '../../runtime/validators/phone';
import { checkFreeText } from '../../runtime/validators/text';

/**
 * Seed 002 §7.3.8 (Appendix row 12), §9.1.4 and MOB-04: change a line's SIM. The portal asks for the last 10 digits
 * of the new ICCID ("Nuovo ICCID 893901000-…", without the 4 trailing characters printed on the card) and the reason.
 * With One Number the line has several SIMs: the client names the one to replace. CRM swaps the ICCID in the
 * pratica's transaction.
 */
const TIM_ICCID_PREFIX = '893901000';

interface ChangeSimInput { number: string; replacedIccid: string | null; newIccid: string; reason: string }

const simsOf = (line: MobileLine) => [...new Set([line.iccid, ...(line.oneNumber?.iccids ?? [])])];

export const CHANGE_SIM: DispositiveDeclaration<ChangeSimInput, MobileLine> = {
  field: 'changeSim',
  appendixRows: [12],
  capabilities: ['MOB-04', 'MOB-18'],
  pratica: 'Cambio SIM',
  ordine: true,
  target: MOBILE_LINE,
  validate: (raw, at) => ({
    number: checkMobileNumber(raw.number, at('number')),
    replacedIccid: raw.replacedIccid === undefined || raw.replacedIccid === null ? null : checkIccid(raw.replacedIccid, at('replacedIccid')),
    newIccid: TIM_ICCID_PREFIX + checkIccidLastDigits(raw.newIccidLastDigits, at('newIccidLastDigits')),
    reason: checkFreeText(raw.reason, at('reason'), { min: 3, max: 200 }),
  }),
  targetId: (input) => input.number,
  refusal(line, input) {
    if (line.status === 'CEASED') return 'The SIM of a ceased line cannot be changed.';
    const sims = simsOf(line);
    if (line.oneNumber && !input.replacedIccid) {
      return badUserInput('input.replacedIccid', 'is required: the line has a One Number group, name the SIM to replace');
    }
    if (input.replacedIccid && !sims.includes(input.replacedIccid)) return badUserInput('input.replacedIccid', 'is not a SIM of this line');
    if (sims.includes(input.newIccid)) return badUserInput('input.newIccidLastDigits', 'is a SIM the line already has');
    return null;
  },
  crm: (line, input) => ({ reason: input.reason, parameters: { iccidSostituito: input.replacedIccid ?? line.iccid, nuovoIccid: input.newIccid } }),
};
