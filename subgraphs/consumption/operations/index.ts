import type { AnyDeclaration } from '../../runtime/dispositive/declaration';
import { THRESHOLD_OPERATIONS } from './spending-thresholds';

/** Every dispositive operation of the consumption subgraph: the threshold requests (seed 002 §7.5, issue 11). */
export const CONSUMPTION_OPERATIONS: readonly AnyDeclaration[] = [...THRESHOLD_OPERATIONS];
