import { badUserInput } from '../../../adapters/errors';
import { crmReferentType } from '../../../adapters/crm/contract-data';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { REFERENT, type ReferentTarget } from '../../runtime/dispositive/referent-target';
import { checkEmail } from '../../runtime/validators/email';
import { checkMobileNumber } from '../../runtime/validators/phone';
import { checkPersonalTaxCode } from '../../runtime/validators/tax-code';
import { checkOptionalText } from '../../runtime/validators/text';

/**
 * Seed 002 §7.1.2 (Appendix rows 1 and 2; ACC-09): replace a referent of a CM8 contract, or change his contacts;
 * both are the pratica "Referenti", applied by CRM in its transaction. A referent's mobile line is what profiles him
 * (§5, §8), so the grants CRM answers follow at once (the gateway's grants cache: README "Who sees what").
 *
 * The seed's rule: the ROA/Master's data are changed only by the legal representative (Mandatario, the RL); the ROA
 * manages the single-service referents. The legal representative's own data came with the contract (§7.1.1: "se non
 * sono corretti contatta il 191").
 */
function checkReferentId(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !REFERENT.plausible.test(raw)) throw badUserInput(field, 'must be a referent id, e.g. 888010088938-EBILL');
  return raw;
}

function whoMayChange(referent: ReferentTarget): string | null {
  if (referent.type === 'LEGAL_REPRESENTATIVE') {
    return "The legal representative's data were given with the contract: to correct them, call the customer service (191).";
  }
  if (referent.type === 'MASTER' && !referent.viewerProfiles.has('RL')) {
    return "Only the legal representative (Mandatario) may change the Master referent's data.";
  }
  return null;
}

const referentParameters = (referent: ReferentTarget, operation: 'SOSTITUZIONE' | 'CONTATTI', values: Record<string, string | undefined>) => ({
  parameters: Object.fromEntries(Object.entries({ operazione: operation, tipoReferente: crmReferentType(referent.type), ...values })
    .filter((e): e is [string, string] => e[1] !== undefined)),
});

interface Replacement { referentId: string; taxCode: string; mobile: string; email: string; firstName?: string; lastName?: string }

export const REPLACE_REFERENT: DispositiveDeclaration<Replacement, ReferentTarget> = {
  field: 'replaceReferent',
  appendixRows: [1],
  capabilities: ['ACC-09'],
  pratica: 'Referenti',
  ordine: false,
  target: REFERENT,
  validate(raw, at) {
    const firstName = checkOptionalText(raw.firstName, at('firstName'), 60)?.toUpperCase();
    const lastName = checkOptionalText(raw.lastName, at('lastName'), 60)?.toUpperCase();
    if ((firstName === undefined) !== (lastName === undefined)) {
      throw badUserInput(at(firstName === undefined ? 'firstName' : 'lastName'), 'give both first name and surname, or neither');
    }
    return {
      referentId: checkReferentId(raw.referentId, at('referentId')),
      taxCode: checkPersonalTaxCode(raw.taxCode, at('taxCode')),
      mobile: checkMobileNumber(raw.mobile, at('mobile')),
      email: checkEmail(raw.email, at('email')),
      ...(firstName !== undefined && { firstName, lastName }),
    };
  },
  targetId: (input) => input.referentId,
  refusal: whoMayChange,
  crm: (referent, input) => referentParameters(referent, 'SOSTITUZIONE', {
    codiceFiscale: input.taxCode, cellulare: input.mobile, email: input.email, nome: input.firstName, cognome: input.lastName,
  }),
};

interface ContactsChange { referentId: string; mobile?: string; email?: string }

export const CHANGE_REFERENT_CONTACTS: DispositiveDeclaration<ContactsChange, ReferentTarget> = {
  field: 'changeReferentContacts',
  appendixRows: [2],
  capabilities: ['ACC-09'],
  pratica: 'Referenti',
  ordine: false,
  target: REFERENT,
  validate(raw, at) {
    const mobile = raw.mobile === undefined || raw.mobile === null ? undefined : checkMobileNumber(raw.mobile, at('mobile'));
    const email = raw.email === undefined || raw.email === null ? undefined : checkEmail(raw.email, at('email'));
    if (mobile === undefined && email === undefined) throw badUserInput(at('mobile'), 'give the new mobile, the new e-mail, or both');
    return { referentId: checkReferentId(raw.referentId, at('referentId')), ...(mobile && { mobile }), ...(email && { email }) };
  },
  targetId: (input) => input.referentId,
  refusal: whoMayChange,
  crm: (referent, input) => referentParameters(referent, 'CONTATTI', { cellulare: input.mobile, email: input.email }),
};
