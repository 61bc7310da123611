import type { MobileLine } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { MOBILE_LINE } from '../../runtime/dispositive/targets';
import { checkMobileNumber } from '../../runtime/validators/phone';
import { settingsOf, unmanageable } from './line-rules';

/**
 * Seed 002 §7.3.10 (Appendix row 14) and MOB-13: the RIF profile (Rete Intelligente Flessibile: which numbers a
 * line may call) of a line. The portal shows the profiles as a legend under the lines; the codes are CRM's.
 */
export const RIF_PROFILES: readonly { code: string; description: string }[] = [
  { code: 'RIF_00', description: 'No restriction: every number may be called.' },
  { code: 'RIF_01', description: 'Company numbers only (the private network of the contract).' },
  { code: 'RIF_02', description: 'Company numbers and emergency numbers.' },
  { code: 'RIF_03', description: 'Company and national numbers: no international calls.' },
  { code: 'RIF_04', description: 'Incoming calls only, besides emergency numbers.' },
];

export const SET_RIF_PROFILE: DispositiveDeclaration<{ number: string; profile: string }, MobileLine> = {
  field: 'setRifProfile',
  appendixRows: [14],
  // "Il download dei documenti è obbligatorio per confermare la richiesta" (schema/appendix-1.yaml `summary`).
  summary: {},
  capabilities: ['MOB-13'],
  pratica: 'Servizio RIF',
  ordine: false,
  target: MOBILE_LINE,
  validate(raw, at) {
    const profile = typeof raw.profile === 'string' ? raw.profile.trim().toUpperCase() : '';
    if (!RIF_PROFILES.some((p) => p.code === profile)) throw badUserInput(at('profile'), `must be one of ${RIF_PROFILES.map((p) => p.code).join(', ')}`);
    return { number: checkMobileNumber(raw.number, at('number')), profile };
  },
  targetId: (input) => input.number,
  refusal(line, input) {
    const unusable = unmanageable(line, 'RIF profile');
    if (unusable) return unusable;
    return settingsOf(line).rifProfile === input.profile ? `The line already has the RIF profile ${input.profile}.` : null;
  },
  crm: (_line, input) => ({ parameters: { profiloRif: input.profile } }),
};
