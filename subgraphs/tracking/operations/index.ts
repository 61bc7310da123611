import type { AnyDeclaration } from '../../runtime/dispositive/declaration';
import { BOOK_CALL_BACK, WRITE_TO_US } from './contact-requests';
import { REQUEST_SMAS_ASSISTANCE, REQUEST_SMAS_CREDENTIALS } from './smas';
import { OPEN_DEVICE_TICKET, REQUEST_SERVICE_ASSISTANCE, REQUEST_TERMINAL_CONFIGURATION } from './technical-assistance';

/** Every dispositive operation of the tracking subgraph: the assistance requests of issue 13 (Appendix rows 27–32). */
export const TRACKING_OPERATIONS: readonly AnyDeclaration[] = [
  REQUEST_SMAS_ASSISTANCE, REQUEST_SMAS_CREDENTIALS, WRITE_TO_US, REQUEST_TERMINAL_CONFIGURATION, OPEN_DEVICE_TICKET, REQUEST_SERVICE_ASSISTANCE,
  BOOK_CALL_BACK,
];
