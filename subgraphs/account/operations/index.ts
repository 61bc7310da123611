import type { AnyDeclaration } from '../../runtime/dispositive/declaration';
import { CHANGE_INVOICE_DELIVERY_ADDRESS, CHANGE_TRAFFIC_DOCUMENTATION_ADDRESS } from './delivery-address';
import { CHANGE_REFERENT_CONTACTS, REPLACE_REFERENT } from './referents';
import { DISABLE_PAPERLESS_INVOICE, ENABLE_PAPERLESS_INVOICE, REQUEST_DIRECT_DEBIT } from './payment-settings';
import { USER_CONSOLE_OPERATIONS } from './users-console';
import { CHANGE_LEGAL_SEAT } from './legal-seat';
import { CHANGE_FIXED_COMMUNICATION_EMAIL } from './company-email';
import { CHANGE_SDI_RECIPIENT_CODE } from './sdi-code';
import { ACTIVATE_OFFER } from './offer';

/** Every dispositive operation of the account subgraph (seed 002 §7.1.2-§7.1.3, Appendix rows 1-4). */
export const ACCOUNT_OPERATIONS: readonly AnyDeclaration[] = [
  REPLACE_REFERENT, CHANGE_REFERENT_CONTACTS, CHANGE_INVOICE_DELIVERY_ADDRESS, CHANGE_TRAFFIC_DOCUMENTATION_ADDRESS,
  // issue 21: the Area Clienti's contract payment settings (MOB-02, FIX-05).
  ENABLE_PAPERLESS_INVOICE, DISABLE_PAPERLESS_INVOICE, REQUEST_DIRECT_DEBIT,
  // issue 20 item 5: the legal representative's user console (ACC-08).
  ...USER_CONSOLE_OPERATIONS,
  // issue 20: the company's data of "Dati Aziendali" (ACC-05, ACC-06, ACC-07).
  CHANGE_LEGAL_SEAT, CHANGE_FIXED_COMMUNICATION_EMAIL, CHANGE_SDI_RECIPIENT_CODE,
  // issue 21: an offer of "Offerte per te" (MOB-20).
  ACTIVATE_OFFER,
];
