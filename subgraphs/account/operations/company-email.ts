import type { Company } from '../../../adapters/domain';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { COMPANY } from '../../runtime/dispositive/targets';
import { checkEmail } from '../../runtime/validators/email';
import { checkRequiredText } from '../../runtime/validators/text';

/**
 * Seed 000 "Dati Aziendali", Profilo aziendale, punto 4 (ACC-06): "modifica email di comunicazione fissa", the RL and
 * the AF ("per la modifica dell'email di comunicazione è abilitata anche l'Amm. Full"). The address follows the
 * customer area's rule for every e-mail it takes (validators/email.ts: a plain address, never a certified PEC one).
 * A pratica on the company that CRM applies at once (legacy/crm/company-data.ts).
 */
interface CommunicationEmailChange { companyId: string; email: string }

export const CHANGE_FIXED_COMMUNICATION_EMAIL: DispositiveDeclaration<CommunicationEmailChange, Company> = {
  field: 'changeFixedCommunicationEmail',
  appendixRows: [],
  capabilities: ['ACC-06'],
  pratica: 'Modifica email comunicazioni fisso',
  ordine: false,
  target: COMPANY,
  validate: (raw, at) => ({
    companyId: checkRequiredText(raw.companyId, at('companyId'), 20),
    email: checkEmail(raw.email, at('email')).toLowerCase(),
  }),
  targetId: (input) => input.companyId,
  refusal: (company, { email }) => (company.fixedCommunicationEmail?.toLowerCase() === email
    ? 'This is already the e-mail of the fixed-line communications.' : null),
  crm: (_company, { email }) => ({ parameters: { email } }),
};
