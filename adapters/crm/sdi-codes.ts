import { UnusableAnswer } from '../legacy-answer';
import type { CrmCall } from './inventory';
import { optionalText, records, text } from './soap';

/**
 * Issue 20 (ACC-07, seed 000 "Codice destinatario"): the SDI recipient codes of a company, as CRM lists them
 * (`ListaCodiciDestinatario`): one per mobile contract, per fixed billing customer code and per fixed line invoiced
 * to a code of its own, each with the seed's "Tipologia".
 */
export type SdiRecipientScope = 'CONTRACT' | 'CUSTOMER_CODE' | 'LINE';
export type SdiRecipientKind = 'MOBILE' | 'VOICE' | 'VOICE_DATA' | 'INTELLIGENT_NETWORK';
export interface SdiRecipientCode { scope: SdiRecipientScope; scopeId: string; code: string | null; kind: SdiRecipientKind }

/** CRM's scope words, and ours: the change names the scope to CRM in its own words. */
export const CRM_SDI_SCOPE: Readonly<Record<SdiRecipientScope, string>> = { CONTRACT: 'CONTRATTO', CUSTOMER_CODE: 'CLIENTE', LINE: 'LINEA' };
const SCOPES = new Map(Object.entries(CRM_SDI_SCOPE).map(([ours, crm]) => [crm, ours as SdiRecipientScope]));
const KINDS: Readonly<Record<string, SdiRecipientKind>> = {
  MOBILE: 'MOBILE', FONIA: 'VOICE', 'FONIA-DATI': 'VOICE_DATA', 'RETE INTELLIGENTE': 'INTELLIGENT_NETWORK',
};

export interface CrmSdiCodes {
  /** The company's codes in the seed's order (contracts, customer codes, lines); null when CRM does not know it. */
  list(companyId: string): Promise<SdiRecipientCode[] | null>;
}

export function createCrmSdiCodes(call: CrmCall): CrmSdiCodes {
  return {
    list: (companyId) => call('ListaCodiciDestinatario', { codiceCliente: companyId }, (answer) => records(answer, 'codiceDestinatario').map((r) => {
      const scope = SCOPES.get(text(r, 'tipoAmbito'));
      const kind = KINDS[text(r, 'tipologia')];
      if (!scope || !kind) throw new UnusableAnswer(`unknown tipoAmbito or tipologia in ListaCodiciDestinatario`);
      return { scope, scopeId: text(r, 'ambito'), code: optionalText(r, 'codice'), kind };
    }), () => null),
  };
}
