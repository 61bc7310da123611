import type { CrmFixedLineRecord } from './crm-reference';

/**
 * Issue 21 (FIX-01, FIX-04, FIX-06, FIX-07): company A's fixed side as seed 000 "Linee e Servizi" and seed 004
 * ("Consistenza per Sede o per Servizio") need it. Its fixed contract 066633987 holds, besides the line 066633987 of
 * reference-data.md: a voice line at the same Milan site, a voice-and-data line at a second site in Rome, and a Numero
 * Verde (Rete Intelligente) whose routing plan splits the calls between the two sites (End User Control, seed 003).
 * TiAvviso and IVR are active on two of its lines; the contract's offer decides the TuconTI profile and whether
 * Evoluzione Ufficio is reachable. CRM holds all of it (legacy/crm/intelligent-network.ts, fixed-services.ts).
 */
const VALL = '1-VALL01';
const MILAN = { street: 'VIA PAVIA 2', postalCode: '20136', city: 'MILANO', province: 'MI' };
const ROME = { street: 'VIA NAZIONALE 100', postalCode: '00184', city: 'ROMA', province: 'RM' };

export const COMPANY_A_FIXED_LINES: CrmFixedLineRecord[] = [
  { number: '066633988', contract: '066633987', customerCode: VALL, status: 'ATTIVO', type: 'FONIA', site: MILAN },
  { number: '0612345670', contract: '066633987', customerCode: VALL, status: 'ATTIVO', type: 'FONIA_DATI', site: ROME },
  // The Numero Verde rings at the company's seat: CRM files an intelligent number where it was subscribed.
  { number: '800123456', contract: '066633987', customerCode: VALL, status: 'ATTIVO', type: 'RETE_INTELLIGENTE', site: MILAN },
];

/** VERDE (Numero Verde), UNICO (Numero Unico), RIPARTITO (Numero Ripartito): the intelligent numbers of seed 003. */
export type CrmIntelligentNumberKind = 'VERDE' | 'UNICO' | 'RIPARTITO';
export type CrmWeekday = 'LUN' | 'MAR' | 'MER' | 'GIO' | 'VEN' | 'SAB' | 'DOM';

/** A routing plan in CRM's words (seed 003 "È possibile variare i piani di instradamento"). */
export interface CrmRoutingPlan {
  /** Where the calls go, with the share of each: the shares add up to 100. */
  sedi: { nome: string; numeroRisposta: string; percentuale: number }[];
  /** The calling line identities allowed to call; empty: every caller. */
  cliAutorizzati: string[];
  /** The districts (area codes) the calls are accepted from; empty: every district. */
  distretti: string[];
  /** When the calls are answered, by days of the week. */
  fasce: { giorni: CrmWeekday[]; dalle: string; alle: string }[];
  /** Days of the year the number is closed (holidays, closing for ferie), ISO dates. */
  chiusure: string[];
}

export interface CrmIntelligentNumberRecord { number: string; kind: CrmIntelligentNumberKind; plan: CrmRoutingPlan }

export const INTELLIGENT_NUMBERS: CrmIntelligentNumberRecord[] = [
  {
    number: '800123456', kind: 'VERDE',
    plan: {
      sedi: [{ nome: 'MILANO VIA PAVIA', numeroRisposta: '066633987', percentuale: 60 }, { nome: 'ROMA VIA NAZIONALE', numeroRisposta: '0612345670', percentuale: 40 }],
      cliAutorizzati: [],
      distretti: ['02', '06'],
      fasce: [{ giorni: ['LUN', 'MAR', 'MER', 'GIO', 'VEN'], dalle: '08:30', alle: '18:00' }],
      chiusure: ['2026-12-25', '2026-12-26'],
    },
  },
];

/** TIAVVISO (the SMS of the calls received while busy or unreachable) and IVR (the voice menu), per fixed line. */
export type CrmFixedServiceKind = 'TIAVVISO' | 'IVR';
export interface CrmFixedServiceRecord { line: string; service: CrmFixedServiceKind; status: 'ATTIVO' | 'DISATTIVO'; activatedOn: string; setting: string }

export const FIXED_SERVICES: CrmFixedServiceRecord[] = [
  // TiAvviso sends its SMS to a mobile number; IVR plays a greeting before the menu.
  { line: '066633987', service: 'TIAVVISO', status: 'ATTIVO', activatedOn: '2021-03-01', setting: '3343860505' },
  { line: '0612345670', service: 'IVR', status: 'ATTIVO', activatedOn: '2022-06-15', setting: 'BENVENUTI IN VALLISNERI SRL' },
  { line: '066633988', service: 'TIAVVISO', status: 'DISATTIVO', activatedOn: '2021-03-01', setting: '3343860505' },
];

/**
 * The offer subscribed on a fixed contract (seed 000 "Servizi fisso": TuconTI "in funzione del profilo di offerta
 * sottoscritto"; "Servizi IT e Web": Evoluzione Ufficio): CRM's offer code, the TuconTI profile it gives, whether it
 * includes Evoluzione Ufficio.
 */
export interface CrmFixedOfferRecord { contract: string; offer: string; tuconti: string; officeEvolution: boolean }

export const FIXED_OFFERS: CrmFixedOfferRecord[] = [
  { contract: '066633987', offer: 'TIM IMPRESA SEMPLICE EVOLUZIONE UFFICIO', tuconti: 'BUSINESS_PLUS', officeEvolution: true },
  { contract: '021234567', offer: 'TIM IMPRESA SEMPLICE VOCE', tuconti: 'BUSINESS', officeEvolution: false },
];
