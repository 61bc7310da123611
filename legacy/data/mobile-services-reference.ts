import { monthsAgo, today } from '../runtime/clock';
import type { CrmContractRecord } from './crm-reference';
import type { EbillThresholdRecord } from './ebill-thresholds';
import type { ContractServiceRecord, LineServiceRecord } from './inventory-reference';

/**
 * Issue 21 (MOB-06, MOB-17): what the customer area's "Servizi mobile" page (seed 000 "Linee e Servizi (2/3)") and a
 * line's move to another contract (seed 003) need in CRM, for company A (VALLISNERI GINEVRA, 1-VALL01):
 * - a second mobile contract, so that a line has another contract of the same company to move to;
 * - the services active on its first contract (the seed's "Soglie dati roaming a volume", "SMS solidale", and the
 *   TIMDUO and RIF Azienda the page also manages) and on its lines (the seed's "Servizio BU Mobile", with the share the
 *   company pays, TL), read through the same records as the CM8 inventory (STS, SAC);
 * - premium services subscribed on its lines, one of them barred, and a black list (a line kept from a type of
 *   premium service).
 */
const VALL = '1-VALL01';
const CONTRACT_A = '888012170373';
/** Company A's second mobile contract: no line yet, until one is moved to it. */
export const SECOND_CONTRACT_A = '888012170381';

export const COMPANY_A_SECOND_CONTRACT: CrmContractRecord = {
  number: SECOND_CONTRACT_A, type: 'MOBILE', customerCode: VALL, billingCustomerCode: null, status: 'ATTIVO',
  activatedOn: new Date('2023-03-01T12:00:00Z'), ceasedOn: null, sdiCode: '1234567891', agreement: null,
};

/** Servizi attivi su contratto (SAC) of company A's contract. */
export const COMPANY_A_CONTRACT_SERVICES: ContractServiceRecord[] = [
  'SOGLIE DATI ROAMING A VOLUME', 'SMS SOLIDALE', 'TIMDUO', 'RIF AZIENDA',
].map((description) => ({ contract: CONTRACT_A, description, activatedOn: '2020-11-24', status: 'ATTIVO' }));

const bu = (line: string, activatedOn: string, extra: Partial<LineServiceRecord> = {}): LineServiceRecord => ({
  line, contract: CONTRACT_A, description: 'SERVIZIO BU MOBILE', apn: null, activatedOn, ceasedOn: null, status: 'ATTIVO',
  chargedToEntePercent: 100, monthlyFeeCent: 500, ...extra,
});

/** Servizi attivi su linea: the seed's three "Servizio BU Mobile", a share paid by the company, one ceased. */
export const COMPANY_A_LINE_SERVICES: LineServiceRecord[] = [
  bu('3316779290', '2020-11-24'),
  bu('3343860302', '2020-01-17'),
  bu('3343860505', '2020-01-17'),
  bu('3343860902', '2021-05-03', { description: 'TIM VISION BUSINESS', chargedToEntePercent: 50, monthlyFeeCent: 800 }),
  bu('3343860405', '2020-06-10', { description: 'RIF USCENTE', ceasedOn: '2023-09-30', status: 'CESSATO', monthlyFeeCent: 300 }),
];

/** The types of premium service a line can be kept from (black list) and that its premium services belong to. */
export const PREMIUM_SERVICE_TYPES = ['SMS_PREMIUM', 'ABBONAMENTI_VAS', 'NUMERAZIONI_SOVRAPPREZZO'] as const;
export type PremiumServiceType = (typeof PREMIUM_SERVICE_TYPES)[number];

export interface PremiumServiceRecord {
  line: string;
  code: string;
  description: string;
  provider: string;
  type: PremiumServiceType;
  activatedOn: string;
  /** ATTIVO, or BLOCCATO once the customer barred it (it can be unbarred). */
  status: 'ATTIVO' | 'BLOCCATO';
}

export const COMPANY_A_PREMIUM_SERVICES: PremiumServiceRecord[] = [
  { line: '3343860505', code: 'VAS-48210', description: 'METEO PLUS SETTIMANALE', provider: 'MEDIAVAS SRL', type: 'ABBONAMENTI_VAS',
    activatedOn: '2025-03-14', status: 'ATTIVO' },
  { line: '3343860505', code: 'SMS-45501', description: 'OROSCOPO SMS', provider: 'STELLE MOBILE SPA', type: 'SMS_PREMIUM',
    activatedOn: '2025-06-02', status: 'BLOCCATO' },
  { line: '3343860405', code: 'VAS-48330', description: 'NEWS SPORT', provider: 'MEDIAVAS SRL', type: 'ABBONAMENTI_VAS',
    activatedOn: '2024-10-21', status: 'ATTIVO' },
];

/** Lines kept from a type of premium service ("Gestione black list"). */
export const COMPANY_A_BLACK_LIST: { line: string; type: PremiumServiceType }[] = [
  { line: '3343860902', type: 'NUMERAZIONI_SOVRAPPREZZO' },
];

/** The services on the contract switched line by line (legacy/crm/line-switched-services.ts), as CRM names them. */
export const LINE_SWITCHED_SERVICES = ['SMS_SOLIDALE', 'TIMDUO'] as const;
export type LineSwitchedService = (typeof LINE_SWITCHED_SERVICES)[number];

/**
 * The lines of company A each service is enabled on. "SMS solidale: abilita o disabilita le tue linee a inviare SMS ai
 * servizi di raccolta fondi (numerazioni 45xxxx)": a line may send them only once enabled. TIMDUO (seed 000 "Abilita:
 * ... TIMDUO"): the line's SIM also carries a second, personal number; one line of company A has it.
 */
export const COMPANY_A_SWITCHED_SERVICES: { service: LineSwitchedService; line: string }[] = [
  { service: 'SMS_SOLIDALE', line: '3343860505' },
  { service: 'SMS_SOLIDALE', line: '3343860902' },
  { service: 'TIMDUO', line: '3343860902' },
];

/**
 * "Soglie dati roaming a volume: monitora e gestisci le soglie aziendali dati in roaming sulle linee del contratto":
 * eBill's extra-EU roaming data thresholds on company A's lines (the same records as seed 002 §7.5's).
 */
export const companyARoamingThresholds = (until = today()): EbillThresholdRecord[] => [
  { lineNumber: '3343860505', contract: CONTRACT_A, kind: 'DATI_EXTRA_UE', nature: 'INFO', period: 'MESE', cents: 5_000, activatedOn: monthsAgo(4, 12, until) },
  { lineNumber: '3343860902', contract: CONTRACT_A, kind: 'DATI_EXTRA_UE', nature: 'DISPO', period: 'MESE', cents: 3_000, activatedOn: monthsAgo(4, 12, until) },
];
