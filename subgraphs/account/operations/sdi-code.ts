import { CRM_SDI_SCOPE, type SdiRecipientScope } from '../../../adapters/crm/sdi-codes';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { COMPANY_SDI_SCOPE, sdiScopeId, type CompanySdiScope } from './sdi-scope-target';
import { checkRequiredText } from '../../runtime/validators/text';

/**
 * Seed 000 "Dati Aziendali", Codice destinatario (ACC-07; "accessibile solo al Rappresentante Legale"): the SDI
 * recipient code of one row of the table, a mobile contract, a fixed billing customer code, or a fixed line (which
 * may get a code of its own). A pratica on the company that CRM applies at once (legacy/crm/company-data.ts):
 * Company.sdiRecipientCodes and, for a contract, Contract.sdiRecipientCode show it.
 */
interface SdiCodeChange { companyId: string; scope: SdiRecipientScope; scopeId: string; code: string }

const SCOPES = new Set(Object.keys(CRM_SDI_SCOPE));

/**
 * The code the Agenzia delle Entrate's exchange system (SDI) delivers to: 7 letters or digits for a business (0000000
 * when invoices go to a PEC or the tax drawer), 6 for a public administration's office (codice univoco ufficio).
 */
function checkSdiCode(raw: unknown, field: string): string {
  const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  if (!/^[A-Z0-9]{6,7}$/.test(code)) throw badUserInput(field, 'must be an SDI recipient code: 7 letters or digits (6 for a public administration)');
  return code;
}

export const CHANGE_SDI_RECIPIENT_CODE: DispositiveDeclaration<SdiCodeChange, CompanySdiScope> = {
  field: 'changeSdiRecipientCode',
  appendixRows: [],
  capabilities: ['ACC-07'],
  pratica: 'Modifica codice destinatario',
  ordine: false,
  target: COMPANY_SDI_SCOPE,
  validate(raw, at) {
    if (typeof raw.scope !== 'string' || !SCOPES.has(raw.scope)) throw badUserInput(at('scope'), 'must be CONTRACT, CUSTOMER_CODE or LINE');
    const scopeId = checkRequiredText(raw.scopeId, at('scopeId'), 20);
    if (!/^\d+$/.test(scopeId)) throw badUserInput(at('scopeId'), 'must be a contract, customer code or line number (digits)');
    return { companyId: checkRequiredText(raw.companyId, at('companyId'), 20), scope: raw.scope as SdiRecipientScope, scopeId, code: checkSdiCode(raw.code, at('code')) };
  },
  targetId: (input) => sdiScopeId(input.companyId, input.scope, input.scopeId),
  refusal: (target, { code }) => (target.sdiScope.current?.code === code ? 'This is already the SDI recipient code of this contract, customer code or line.' : null),
  crm: (_target, input) => ({ parameters: { tipoAmbito: CRM_SDI_SCOPE[input.scope], ambito: input.scopeId, codice: input.code } }),
};
