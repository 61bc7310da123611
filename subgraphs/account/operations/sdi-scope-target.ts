import type { Company } from '../../../adapters/domain';
import type { SdiRecipientCode, SdiRecipientScope } from '../../../adapters/crm/sdi-codes';
import type { SubgraphContext } from '../../runtime/server';
import { COMPANY, type TargetKind } from '../../runtime/dispositive/targets';

/**
 * Issue 20 (ACC-07): what a change of an SDI recipient code acts on, one scope of a company's "Codice destinatario"
 * table (a mobile contract, a fixed billing customer code, a fixed line), with the code it has now. Its id names the
 * company and the scope, `1-VALL01/CONTRACT/888012170373`: the grants are the company's, and a scope that is not the
 * company's (another company's contract, a made-up number) is unknown like a foreign company. A fixed line of the
 * company without a code of its own may get one; a contract or a customer code must be one the table lists.
 * The outcome's record is the company, as it now is.
 */
export interface CompanySdiScope extends Company {
  sdiScope: { scope: SdiRecipientScope; scopeId: string; current: SdiRecipientCode | null };
}

export const sdiScopeId = (companyId: string, scope: SdiRecipientScope, scopeId: string) => `${companyId}/${scope}/${scopeId}`;

async function scopeOf(companyId: string, scope: SdiRecipientScope, scopeId: string, context: SubgraphContext) {
  const codes = await context.legacy.crm.sdiCodes.list(companyId);
  const current = codes?.find((c) => c.scope === scope && c.scopeId === scopeId) ?? null;
  if (current || scope !== 'LINE') return current && { scope, scopeId, current };
  const line = await context.loaders.crm.fixedLines.load(scopeId);
  return line && line.companyId === companyId && line.status !== 'CEASED' ? { scope, scopeId, current: null } : null;
}

export const COMPANY_SDI_SCOPE: TargetKind<CompanySdiScope> = {
  ...COMPANY,
  label: "This company's contract, customer code or line",
  plausible: /^[A-Za-z0-9-]{1,20}\/(CONTRACT|CUSTOMER_CODE|LINE)\/\d{1,20}$/,
  async load(id, context) {
    const [companyId, scope, scopeId] = id.split('/') as [string, SdiRecipientScope, string];
    const [company, sdiScope] = await Promise.all([COMPANY.load(companyId, context), scopeOf(companyId, scope, scopeId, context)]);
    return company && sdiScope && { ...company, sdiScope };
  },
  async reload(record, context) {
    const { scope, scopeId } = record.sdiScope;
    const [company, sdiScope] = await Promise.all([COMPANY.reload(record, context), scopeOf(record.id, scope, scopeId, context)]);
    return { ...company, sdiScope: sdiScope ?? record.sdiScope };
  },
};
