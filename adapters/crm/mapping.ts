import {
  BUNDLE_ENABLEMENTS, PROFILES, type Address, type BundleEnablement, type LineNetworkSettings, type NetworkServiceCategory, type PlanFamily, type AutomaticRecharge, type CompanyRecharge, type Company, type Contract, type ContractStatus, type FixedLine, type FixedLineType, type Grant, type LineSort,
  type LineStatus, type MobileLine, type MobileLineKind, type Order, type Profile, type RecordFilter, type RequestStatus, type ScopeKind,
  type ServiceRequest, type UserProfile,
} from '../domain';
import { UnusableAnswer } from '../legacy-answer';
import { count, decimal, isoDate, optionalIsoDate } from '../legacy-values';
import { optionalRecord, optionalText, records, text, texts, type CrmRecord, type SoapParams } from './soap';

/** CRM records ↔ domain types. Every legacy word is translated by a table; an unknown word makes the answer unusable. */
export function word<T>(table: Record<string, T>, what: string) {
  return (legacy: string): T => {
    const value = table[legacy];
    if (value === undefined) throw new UnusableAnswer(`unknown ${what} "${legacy}"`);
    return value;
  };
}

export const lineStatus = word<LineStatus>({ ATTIVO: 'ACTIVE', CONGELATO: 'FROZEN', SOSPESO: 'SUSPENDED', CESSATO: 'CEASED' }, 'line status');
const contractStatus = word<ContractStatus>({ ATTIVO: 'ACTIVE', SOSPESO: 'SUSPENDED', CESSATO: 'CEASED' }, 'contract status');
const contractType = word<Contract['type']>({ MOBILE: 'MOBILE', FISSO: 'FIXED' }, 'contract type');
const mobileKind = word<MobileLineKind>({ ABBONAMENTO: 'POSTPAID', RICARICABILE: 'PREPAID' }, 'mobile line kind');
export const fixedType = word<FixedLineType>({ FONIA: 'VOICE', FONIA_DATI: 'VOICE_DATA', RETE_INTELLIGENTE: 'INTELLIGENT_NETWORK' }, 'fixed line type');
const oneNumberRole = word<'PRIMARY' | 'SECONDARY'>({ PRIMARIA: 'PRIMARY', SECONDARIA: 'SECONDARY' }, 'One Number role');
const requestStatus = word<RequestStatus>({ Aperto: 'OPEN', 'In lavorazione': 'IN_PROGRESS', Chiuso: 'CLOSED' }, 'request status');
const scopeKind = word<ScopeKind>({ AZIENDA: 'COMPANY', CONTRATTO: 'CONTRACT', LINEA: 'LINE' }, 'scope kind');
// issue 20 (ACC-08): a user the legal representative created or registered signs in (IN_ACCETTAZIONE); one imported and
// not registered (DA_REGISTRARE) or deleted (ELIMINATA, no grants left) does not.
const userEnabled = word<boolean>({ ATTIVA: true, DISATTIVATA: false, IN_ACCETTAZIONE: true, DA_REGISTRARE: false, ELIMINATA: false }, 'user status');
const profile = word<Profile>(Object.fromEntries(PROFILES.map((p) => [p, p])), 'profile');

export function address(r: CrmRecord | null): Address | null {
  if (!r) return null;
  return { street: text(r, 'indirizzo'), postalCode: text(r, 'cap'), city: text(r, 'comune'), province: text(r, 'provincia') };
}

function grant(r: CrmRecord): Grant {
  return { profile: profile(text(r, 'profilo')), scope: { kind: scopeKind(text(r, 'tipoAmbito')), id: text(r, 'ambito') } };
}

export function userFromCrm(r: CrmRecord): UserProfile {
  return {
    id: text(r, 'id'),
    username: text(r, 'username'),
    firstName: text(r, 'nome'),
    lastName: text(r, 'cognome'),
    taxCode: text(r, 'codiceFiscale'),
    mobile: optionalText(r, 'cellulare'),
    email: optionalText(r, 'email'),
    enabled: userEnabled(text(r, 'stato')),
    grants: records(r, 'abilitazione').map(grant),
  };
}

export function companyFromCrm(r: CrmRecord): Company {
  const representative = optionalRecord(r, 'rappresentanteLegale');
  return {
    id: text(r, 'codiceCliente'),
    name: text(r, 'ragioneSociale'),
    taxCode: text(r, 'codiceFiscale'),
    legalSeat: address(optionalRecord(r, 'sedeLegale')),
    legalRepresentative: representative && {
      firstName: text(representative, 'nome'), lastName: text(representative, 'cognome'), taxCode: text(representative, 'codiceFiscale'),
      email: optionalText(representative, 'email'), mobile: optionalText(representative, 'cellulare'),
    },
    fixedCommunicationEmail: optionalText(r, 'emailComunicazioniFisso'),
    groupId: optionalText(r, 'gruppo'),
  };
}

export function contractFromCrm(r: CrmRecord): Contract {
  return {
    number: text(r, 'numero'),
    type: contractType(text(r, 'tipo')),
    companyId: text(r, 'codiceCliente'),
    billingCustomerCode: optionalText(r, 'codiceClienteFatturazione'),
    status: contractStatus(text(r, 'stato')),
    activatedOn: optionalIsoDate(text(r, 'dataAttivazione')),
    ceasedOn: optionalIsoDate(text(r, 'dataCessazione')),
    linesCount: count(text(r, 'numeroLinee')),
    sdiRecipientCode: optionalText(r, 'codiceDestinatario'),
    agreement: optionalText(r, 'convenzione'),
  };
}

export function mobileLineFromCrm(r: CrmRecord): MobileLine {
  const oneNumber = optionalRecord(r, 'oneNumber');
  return {
    number: text(r, 'numero'),
    contractNumber: text(r, 'numeroContratto'),
    companyId: text(r, 'codiceCliente'),
    iccid: text(r, 'iccid'),
    status: lineStatus(text(r, 'stato')),
    tariffPlan: text(r, 'pianoTariffario'),
    kind: mobileKind(text(r, 'tipoLinea')),
    activatedOn: optionalIsoDate(text(r, 'dataAttivazione')),
    ceasedOn: optionalIsoDate(text(r, 'dataCessazione')),
    oneNumber: oneNumber && { role: oneNumberRole(text(oneNumber, 'ruolo')), iccids: texts(oneNumber, 'iccid') },
    automaticRecharge: automaticRechargeFromCrm(optionalRecord(r, 'ricaricaAutomatica')),
    companyRecharge: companyRechargeFromCrm(optionalRecord(r, 'ricaricaAziendale')),
    networkSettings: networkSettingsFromCrm(r),
    cessationScheduledOn: scheduledCessation(r),
  };
}

const planFamily = word<PlanFamily>({ CONSUMO: 'POSTPAID_PAY_PER_USE', PACCHETTO: 'POSTPAID_PACKAGE', RICARICABILE: 'PREPAID' }, 'offer type');
const yesNo = word<boolean>({ SI: true, NO: false }, 'yes/no');
const categoryState = word<boolean>({ ABILITATA: true, BLOCCATA: false }, 'network category state');
/** CRM's names of the enablements and of the direttrici, by ours. */
export const CRM_BUNDLE_ENABLEMENTS: Record<BundleEnablement, string> = {
  EXTRA_BUNDLE: 'extraBundle', OVER_BUNDLE_NATIONAL_EU: 'overBundleNazionaleUe', OVER_BUNDLE_EXTRA_EU: 'overBundleExtraUe',
};
export const CRM_NETWORK_CATEGORIES: Record<NetworkServiceCategory, string> = {
  INTERNATIONAL_CALLS: 'INTERNAZIONALE', ROAMING: 'ROAMING', PREMIUM_RATE_NUMBERS: 'SOVRAPPREZZO', PREMIUM_SMS: 'SMS_PREMIUM', SATELLITE: 'SATELLITARE',
};
const networkCategory = word<NetworkServiceCategory>(
  Object.fromEntries(Object.entries(CRM_NETWORK_CATEGORIES).map(([ours, theirs]) => [theirs, ours as NetworkServiceCategory])), 'network category');

function networkSettingsFromCrm(r: CrmRecord): LineNetworkSettings | null {
  const offer = optionalText(r, 'tipoOfferta');
  const bundles = optionalRecord(r, 'abilitazioniBundle');
  if (offer === null || bundles === null) return null;
  return {
    planFamily: planFamily(offer),
    bundleEnablements: Object.fromEntries(BUNDLE_ENABLEMENTS.map((e) => [e, yesNo(text(bundles, CRM_BUNDLE_ENABLEMENTS[e]))])) as Record<BundleEnablement, boolean>,
    networkServices: records(r, 'direttrice').map((d) => ({ category: networkCategory(text(d, 'categoria')), enabled: categoryState(text(d, 'stato')) })),
    rifProfile: text(r, 'profiloRif'),
  };
}

const rechargeMode = word<AutomaticRecharge['mode']>({ CONFERMA: 'CONFIRM', RINUNCIA: 'WAIVE' }, 'automatic recharge mode');
const companyRechargeKind = word<CompanyRecharge['kind']>({ TEMPO: 'TIMED', SOGLIA: 'THRESHOLD' }, 'company recharge kind');

function automaticRechargeFromCrm(r: CrmRecord | null): AutomaticRecharge | null {
  return r && { mode: rechargeMode(text(r, 'modalita')), changedForMonth: optionalText(r, 'meseVariato') };
}

function companyRechargeFromCrm(r: CrmRecord | null): CompanyRecharge | null {
  if (!r) return null;
  const days = optionalText(r, 'giorni');
  const threshold = optionalText(r, 'soglia');
  return {
    kind: companyRechargeKind(text(r, 'tipo')), amount: decimal(text(r, 'importo')),
    everyDays: days === null ? null : count(days), threshold: threshold === null ? null : decimal(threshold),
  };
}

/** A line's cessation still ahead (legacy/crm/line-cessation.ts): CRM prints it only then. */
const scheduledCessation = (r: CrmRecord) => optionalIsoDate(optionalText(r, 'cessazioneProgrammata') ?? '');

/** A fixed line's trasloco still ahead (legacy/crm/line-move.ts): its new site and the day it is active there. */
const pendingMove = (r: CrmRecord | null) => r && { site: address(r)!, activeBy: isoDate(text(r, 'dataAttivazione')) };

export function fixedLineFromCrm(r: CrmRecord): FixedLine {
  return {
    number: text(r, 'numero'),
    contractNumber: text(r, 'numeroContratto'),
    companyId: text(r, 'codiceCliente'),
    status: lineStatus(text(r, 'stato')),
    type: fixedType(text(r, 'tipoLinea')),
    site: address(optionalRecord(r, 'sede')),
    cessationScheduledOn: scheduledCessation(r),
    pendingMove: pendingMove(optionalRecord(r, 'traslocoProgrammato')),
  };
}

export function orderFromCrm(r: CrmRecord): Order {
  return {
    id: text(r, 'id'),
    contractNumber: optionalText(r, 'numeroContratto'),
    lineNumber: optionalText(r, 'numeroLinea'),
    companyId: text(r, 'codiceCliente'),
    type: text(r, 'tipo'),
    description: text(r, 'descrizione'),
    channel: text(r, 'canale'),
    status: text(r, 'stato'),
    shipmentStatus: optionalText(r, 'statoSpedizione'),
    createdOn: isoDate(text(r, 'dataCreazione')),
    requestId: optionalText(r, 'idPratica'),
    items: records(r, 'elemento').map((item) => ({ description: text(item, 'descrizione'), status: text(item, 'stato') })),
  };
}

export function requestFromCrm(r: CrmRecord): ServiceRequest {
  return {
    id: text(r, 'id'),
    type: text(r, 'tipo'),
    description: text(r, 'descrizione'),
    contractNumber: optionalText(r, 'numeroContratto'),
    lineNumber: optionalText(r, 'numeroLinea'),
    companyId: text(r, 'codiceCliente'),
    origin: text(r, 'origine'),
    status: requestStatus(text(r, 'stato')),
    openedOn: isoDate(text(r, 'dataApertura')),
    closedOn: optionalIsoDate(text(r, 'dataChiusura')),
    orderId: optionalText(r, 'idOrdine'),
  };
}

/** `filtro` of the list operations. */
export function filterParams(filter: RecordFilter): SoapParams {
  return { codiceCliente: filter.companyIds ?? [], numeroContratto: filter.contractNumbers ?? [], numeroLinea: filter.lineNumbers ?? [] };
}

export const LINE_SORT: Record<LineSort, string> = { NUMBER: 'NUMERO', STATUS: 'STATO', ACTIVATION_DATE: 'DATA_ATTIVAZIONE' };
