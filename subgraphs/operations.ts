import type { AnyDeclaration } from './runtime/dispositive/declaration';
import { ACCOUNT_OPERATIONS } from './account/operations';
import { MOBILE_OPERATIONS } from './mobile/operations';
import { TRACKING_OPERATIONS } from './tracking/operations';
import { CONSUMPTION_OPERATIONS } from './consumption/operations';
import { BILLING_OPERATIONS } from './billing/operations';
import { FIXED_OPERATIONS } from './fixed/operations';

/**
 * Every dispositive operation of every subgraph, whichever serves it: what the Appendix test and the coverage table
 * check against schema/appendix-1.yaml. A subgraph that declares operations lists them in its own
 * `operations/index.ts` and adds that list here.
 */
export const ALL_OPERATIONS: readonly AnyDeclaration[] = [
  ...MOBILE_OPERATIONS,
  ...TRACKING_OPERATIONS,
  ...ACCOUNT_OPERATIONS,
  // issue 11 (h-billing): spending thresholds.
  ...CONSUMPTION_OPERATIONS,
  // issue 11 (h-billing): TIM TUO, company side.
  ...BILLING_OPERATIONS,
  // issue 21: the Area Clienti's fixed lines.
  ...FIXED_OPERATIONS,
];
