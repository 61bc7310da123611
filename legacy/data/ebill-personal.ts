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
