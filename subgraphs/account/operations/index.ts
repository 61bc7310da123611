import type { AnyDeclaration } from '../../runtime/dispositive/declaration';
import { CHANGE_INVOICE_DELIVERY_ADDRESS, CHANGE_TRAFFIC_DOCUMENTATION_ADDRESS } from './delivery-address';
import { CHANGE_REFERENT_CONTACTS, REPLACE_REFERENT } from './referents';

/** Every dispositive operation of the account subgraph (seed 002 §7.1.2-§7.1.3, Appendix rows 1-4). */
export const ACCOUNT_OPERATIONS: readonly AnyDeclaration[] = [
  REPLACE_REFERENT, CHANGE_REFERENT_CONTACTS, CHANGE_INVOICE_DELIVERY_ADDRESS, CHANGE_TRAFFIC_DOCUMENTATION_ADDRESS,
];
