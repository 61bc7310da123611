import type { LineStatus, MobileLine } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { MOBILE_LINE } from '../../runtime/dispositive/targets';
import { checkMobileNumber } from '../../runtime/validators/phone';

/**
 * Seed 002 §7.3.7 (Appendix rows 10, 11) and MOB-03: block a SIM after theft or loss (the line becomes SUSPENDED),
 * unblock it when found (ACTIVE again). CRM applies the status in the pratica's transaction.
 */
export type SimBlockReason = 'THEFT' | 'LOSS';
/** CRM `motivo` is free text for the back office, in its language. */
const CRM_REASONS: Record<SimBlockReason, string> = { THEFT: 'Furto', LOSS: 'Smarrimento' };

const lineNumber = (raw: Record<string, unknown>, at: (field: string) => string) => checkMobileNumber(raw.number, at('number'));

function refusedUnless(allowed: LineStatus[], what: string) {
  return (line: MobileLine) => (allowed.includes(line.status)
    ? null
    : `${what}: the line is ${line.status.toLowerCase()}.`);
}

export const BLOCK_SIM: DispositiveDeclaration<{ number: string; reason: SimBlockReason }, MobileLine> = {
  field: 'blockSim',
  appendixRows: [10],
  capabilities: ['MOB-03'],
  pratica: 'Furto/Smarrimento SIM',
  ordine: true,
  target: MOBILE_LINE,
  validate(raw, at) {
    const reason = raw.reason;
    if (reason !== 'THEFT' && reason !== 'LOSS') throw badUserInput(at('reason'), 'must be THEFT or LOSS');
    return { number: lineNumber(raw, at), reason };
  },
  targetId: (input) => input.number,
  refusal: refusedUnless(['ACTIVE', 'FROZEN'], 'Only the SIM of an active or frozen line can be blocked'),
  crm: (_line, input) => ({ reason: CRM_REASONS[input.reason] }),
};

export const UNBLOCK_SIM: DispositiveDeclaration<{ number: string }, MobileLine> = {
  field: 'unblockSim',
  appendixRows: [11],
  capabilities: ['MOB-03'],
  pratica: 'Ritrovamento SIM',
  ordine: true,
  target: MOBILE_LINE,
  validate: (raw, at) => ({ number: lineNumber(raw, at) }),
  targetId: (input) => input.number,
  refusal: refusedUnless(['SUSPENDED'], 'Only the SIM of a suspended line can be unblocked'),
};
