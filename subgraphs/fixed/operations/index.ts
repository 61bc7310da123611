import type { AnyDeclaration } from '../../runtime/dispositive/declaration';
import { CEASE_FIXED_LINES, REVOKE_FIXED_LINE_CESSATION } from './line-cessation';
import { MOVE_FIXED_LINE } from './move';

/** Every dispositive operation of the fixed subgraph (issue 21: the Area Clienti's "Linee fisso"). */
export const FIXED_OPERATIONS: readonly AnyDeclaration[] = [CEASE_FIXED_LINES, REVOKE_FIXED_LINE_CESSATION, MOVE_FIXED_LINE];
