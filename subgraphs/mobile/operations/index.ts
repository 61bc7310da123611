import type { AnyDeclaration } from '../../runtime/dispositive/declaration';
import { CONFIRM_AUTOMATIC_RECHARGE, WAIVE_AUTOMATIC_RECHARGE } from './automatic-recharge';
import { CHANGE_SIM } from './change-sim';
import { REQUEST_COMPANY_RECHARGE } from './company-recharge';
import { BLOCK_SIM, UNBLOCK_SIM } from './sim-block';

/** Every dispositive operation of the mobile subgraph: what the Appendix test checks against schema/appendix-1.yaml. */
export const MOBILE_OPERATIONS: readonly AnyDeclaration[] = [
  CONFIRM_AUTOMATIC_RECHARGE, WAIVE_AUTOMATIC_RECHARGE, REQUEST_COMPANY_RECHARGE, BLOCK_SIM, UNBLOCK_SIM, CHANGE_SIM,
];
