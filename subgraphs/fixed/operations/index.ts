import type { AnyDeclaration } from '../../runtime/dispositive/declaration';
import { ACTIVATE_FIXED_LINE_SERVICE, DEACTIVATE_FIXED_LINE_SERVICE, REPORT_UNWANTED_CALLS } from './fixed-services';
import { CEASE_FIXED_LINES, REVOKE_FIXED_LINE_CESSATION } from './line-cessation';
import { MOVE_FIXED_LINE } from './move';
import { CHANGE_ROUTING_PLAN } from './routing-plan';

/** Every dispositive operation of the fixed subgraph (issue 21: the Area Clienti's "Linee fisso" and "Servizi fisso"). */
export const FIXED_OPERATIONS: readonly AnyDeclaration[] = [
  CEASE_FIXED_LINES, REVOKE_FIXED_LINE_CESSATION, MOVE_FIXED_LINE,
  CHANGE_ROUTING_PLAN, ACTIVATE_FIXED_LINE_SERVICE, DEACTIVATE_FIXED_LINE_SERVICE, REPORT_UNWANTED_CALLS,
];
