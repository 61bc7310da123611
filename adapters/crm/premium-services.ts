import type { BlackListEntry, PremiumService, PremiumServiceType, SwitchedServiceLine } from '../inventory-domain';
import { optionalIsoDate } from '../legacy-values';
import type { CrmCall } from './inventory';
import { records, text, type CrmRecord } from './soap';

/**
 * Issue 21 (MOB-06): the premium services and the black list of a contract's lines, one `ListaServiziPremium` call
 * per contract (legacy/crm/premium-services.ts), and per service switched line by line (SMS solidale, TIMDUO) its lines, one `ListaServizioLinee` (line-switched-services.ts). CRM's types by ours, both ways: the changes name them to CRM.
 */
export const CRM_PREMIUM_TYPES: Record<PremiumServiceType, string> = {
  PREMIUM_SMS: 'SMS_PREMIUM', VAS_SUBSCRIPTION: 'ABBONAMENTI_VAS', PREMIUM_RATE_NUMBERS: 'NUMERAZIONI_SOVRAPPREZZO',
};
const OUR_TYPES = Object.fromEntries(Object.entries(CRM_PREMIUM_TYPES).map(([ours, theirs]) => [theirs, ours as PremiumServiceType]));

function premiumType(crm: string): PremiumServiceType {
  const type = OUR_TYPES[crm];
  if (!type) throw new Error(`unexpected premium service type from CRM: ${crm}`);
  return type;
}

const premiumServiceFromCrm = (r: CrmRecord): PremiumService => ({
  lineNumber: text(r, 'numeroLinea'), code: text(r, 'codice'), description: text(r, 'descrizione'), provider: text(r, 'fornitore'),
  type: premiumType(text(r, 'tipologia')), activatedOn: optionalIsoDate(text(r, 'dataAttivazione')), barred: text(r, 'stato') === 'BLOCCATO',
});

/** The services on the contract switched line by line, by our name; CRM's name for each. */
export type SwitchedService = 'SMS_SOLIDALE' | 'TIMDUO';
const CRM_SWITCHED_SERVICES: Record<SwitchedService, string> = { SMS_SOLIDALE: 'SMS_SOLIDALE', TIMDUO: 'TIMDUO' };

export interface ContractPremiumServices { services: PremiumService[]; blackList: BlackListEntry[] }

export interface CrmPremiumServices {
  /** The premium services and black list of the lines of one contract, by line. */
  ofContract(contractNumber: string): Promise<ContractPremiumServices>;
  /** A service on the contract switched line by line: every line of the contract, enabled or not (`ListaServizioLinee`). */
  switchedLines(contractNumber: string, service: SwitchedService): Promise<SwitchedServiceLine[]>;
}

export const createCrmPremiumServices = (call: CrmCall): CrmPremiumServices => ({
  ofContract: (contractNumber) => call('ListaServiziPremium', { numeroContratto: contractNumber }, (a) => ({
    services: records(a, 'servizioPremium').map(premiumServiceFromCrm),
    blackList: records(a, 'blackList').map((b) => ({ lineNumber: text(b, 'numeroLinea'), type: premiumType(text(b, 'tipologia')) })),
  })),
  switchedLines: (contractNumber, service) => call('ListaServizioLinee', { numeroContratto: contractNumber, servizio: CRM_SWITCHED_SERVICES[service] }, (a) =>
    records(a, 'linea').map((l) => ({ lineNumber: text(l, 'numeroLinea'), enabled: text(l, 'abilitata') === 'SI' }))),
});
