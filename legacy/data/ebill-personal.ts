import { daysAgo } from '../runtime/clock';

/**
 * h-employee (issue 12). eBill's personal baskets of prepaid lines (seed 002 §9.1.1-§9.1.3): the employee's own
 * credit, topped up by him and distinct from the company's (`3700034020` has 135,00 € of personal credit), and his
 * personal top-ups from every channel (the two of the §9.1.3 screen, and one older than its 6 months).
 */
export interface PersonalBasketSeed { lineNumber: string; cents: number; updatedDaysAgo: number }
export interface PersonalTopUpSeed {
  operationId: string; lineNumber: string; cents: number; daysAgo: number; kind: string; detail: string;
}

export const PERSONAL_TOP_UP_KIND = 'Ricarica da altri canali';

export const PERSONAL_BASKETS: readonly PersonalBasketSeed[] = [
  { lineNumber: '3700034020', cents: 13_500, updatedDaysAgo: 5 },
];

export const PERSONAL_TOP_UPS: readonly PersonalTopUpSeed[] = [
  { operationId: 'RIC-3700034020-1', lineNumber: '3700034020', cents: 1_000, daysAgo: 64, kind: PERSONAL_TOP_UP_KIND, detail: 'Ricarica da WEB' },
  { operationId: 'RIC-3700034020-2', lineNumber: '3700034020', cents: 2_500, daysAgo: 107, kind: PERSONAL_TOP_UP_KIND, detail: 'Ricarica da WEB' },
  { operationId: 'RIC-3700034020-0', lineNumber: '3700034020', cents: 5_000, daysAgo: 240, kind: 'Ricarica in negozio', detail: 'Ricarica da punto vendita' },
];

export const personalTopUpDate = (seed: PersonalTopUpSeed) => daysAgo(seed.daysAgo);

/** A service SMS the line received (seed 002 §9.2.3): threshold reached, offer activated, top-up confirmed. */
export interface ServiceSmsSeed { lineNumber: string; sender: string; kind: string; text: string; daysAgo: number; status: string }

export const SERVICE_SMS: readonly ServiceSmsSeed[] = [
  { lineNumber: '3700034020', sender: 'TIMBusiness', kind: 'SMS Area Clienti H24', daysAgo: 12, status: 'CONSEGNATO',
    text: 'Gentile cliente, l\'opzione RICARICA ONE SHOT 7 EBU ric e\' stata attivata sulla tua linea. Grazie da TIM Business' },
  { lineNumber: '3700034020', sender: 'TIMBusiness', kind: 'SMS Area Clienti H24', daysAgo: 64, status: 'CONSEGNATO',
    text: 'Gentile cliente, la ricarica di 10,00 euro sul tuo credito personale e\' stata effettuata. Grazie da TIM Business' },
  { lineNumber: '3700034020', sender: 'TIMBusiness', kind: 'SMS Soglie', daysAgo: 200, status: 'CONSEGNATO',
    text: 'Gentile cliente, hai raggiunto l\'80% del traffico dati incluso. Grazie da TIM Business' },
  { lineNumber: '3312548681', sender: 'TIMBusiness', kind: 'SMS Soglie', daysAgo: 20, status: 'CONSEGNATO',
    text: 'Gentile cliente, hai raggiunto l\'80% del traffico dati incluso. Grazie da TIM Business' },
];
