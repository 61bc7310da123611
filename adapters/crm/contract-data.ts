import type { ContractData, ContractPaymentSettings, DeliveryAddress, Profile, Referent, ReferentType } from '../domain';
import { UnusableAnswer } from '../legacy-answer';
import { isoDate, optionalIsoDate } from '../legacy-values';
import { optionalRecord, optionalText, records, text, type CrmRecord } from './soap';

/**
 * GetDatiContratto ↔ the domain (seed 002 §7.1.2-§7.1.3): a contract's referents and delivery addresses. The
 * referent kinds and the profiles they give are CRM's (legacy/data/crm-contract-data.ts), translated here.
 */
const REFERENT_TYPES: Record<string, { type: ReferentType; profile: Profile | null }> = {
  MASTER: { type: 'MASTER', profile: 'ROA' },
  MANDATARIO: { type: 'LEGAL_REPRESENTATIVE', profile: null },
  EBILL: { type: 'EBILL', profile: 'REF_EBILL' },
  TRAFFIC_MANAGER: { type: 'TRAFFIC_MANAGER', profile: 'TRAFFIC_MANAGER' },
  MESSAGGISTICA: { type: 'MESSAGING', profile: 'REF_MESSAGING' },
};

/** The CRM word for a referent type (CreaPratica's `tipoReferente`). */
export const crmReferentType = (type: ReferentType): string =>
  Object.entries(REFERENT_TYPES).find(([, t]) => t.type === type)![0];

export const referentId = (contractNumber: string, type: ReferentType) => `${contractNumber}-${type}`;

function referent(contractNumber: string, r: CrmRecord): Referent {
  const kind = REFERENT_TYPES[text(r, 'tipo')];
  if (!kind) throw new UnusableAnswer(`unknown referent type "${text(r, 'tipo')}"`);
  return {
    id: referentId(contractNumber, kind.type), contractNumber, type: kind.type, profile: kind.profile,
    taxCode: text(r, 'codiceFiscale'), lastName: text(r, 'cognome'), firstName: text(r, 'nome'), mobile: text(r, 'cellulare'), email: optionalText(r, 'email'),
  };
}

function address(addresses: CrmRecord[], kind: string): DeliveryAddress | null {
  const a = addresses.find((r) => text(r, 'tipo') === kind);
  return a ? {
    attentionOf: optionalText(a, 'allAttenzione'), street: text(a, 'indirizzo'), houseNumber: text(a, 'civico'), postalCode: text(a, 'cap'),
    city: text(a, 'comune'), province: text(a, 'provincia'),
  } : null;
}

export function contractDataFromCrm(r: CrmRecord): ContractData {
  const contractNumber = text(r, 'numero');
  const addresses = records(r, 'recapito');
  return {
    contractNumber,
    updatedOn: optionalIsoDate(text(r, 'dataAggiornamento')),
    referents: records(r, 'referente').map((x) => referent(contractNumber, x)),
    invoiceDeliveryAddress: address(addresses, 'RENDICONTO'),
    trafficDocumentationAddress: address(addresses, 'DOC_TRAFFICO'),
    paymentSettings: paymentSettings(optionalRecord(r, 'impostazioniPagamento')),
  };
}

/** Issue 21: `impostazioniPagamento` (NoCarta SI/NO, the direct debit asked for); a CRM that prints none has neither. */
function paymentSettings(r: CrmRecord | null): ContractPaymentSettings {
  const debit = r && optionalRecord(r, 'domiciliazione');
  return {
    paperless: r !== null && text(r, 'noCarta') === 'SI',
    directDebit: debit && { maskedIban: text(debit, 'ibanMascherato'), accountHolder: text(debit, 'intestatario'), requestedOn: isoDate(text(debit, 'dataRichiesta')) },
  };
}
