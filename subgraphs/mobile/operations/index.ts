import type { AnyDeclaration } from '../../runtime/dispositive/declaration';
import { CONFIRM_AUTOMATIC_RECHARGE, WAIVE_AUTOMATIC_RECHARGE } from './automatic-recharge';
import { CHANGE_SIM } from './change-sim';
import { REQUEST_COMPANY_RECHARGE } from './company-recharge';
import { SET_BUNDLE_ENABLEMENTS } from './bundle-enablement';
import { ACTIVATE_SIMS_LATER } from './deferred-activation';
import { BLOCK_IMEI } from './imei-block';
import { SET_NETWORK_SERVICES } from './network-services';
import { SET_RIF_PROFILE } from './rif-profile';
import { BLOCK_SIM, UNBLOCK_SIM } from './sim-block';
import { REQUEST_SPARE_SIMS } from './spare-sims';
import { COMPLETE_PERSONAL_TOP_UP } from './personal-top-up';
import { CEASE_MOBILE_LINES, REVOKE_MOBILE_LINE_CESSATION } from './line-cessation';
import { COMPLETE_LINE_TOP_UP } from './credit-top-up';
import { MOVE_MOBILE_LINE_TO_CONTRACT } from './line-contract-move';
import {
  ADD_LINES_TO_BLACK_LIST, BAR_PREMIUM_SERVICE, DISABLE_SMS_SOLIDALE, DISABLE_TIMDUO, ENABLE_SMS_SOLIDALE, ENABLE_TIMDUO, REMOVE_LINES_FROM_BLACK_LIST,
  UNBAR_PREMIUM_SERVICE,
} from './premium-services';
import { REPORT_MOBILE_UNWANTED_CALLS } from './unwanted-calls';

/** Every dispositive operation of the mobile subgraph: what the Appendix test checks against schema/appendix-1.yaml. */
export const MOBILE_OPERATIONS: readonly AnyDeclaration[] = [
  CONFIRM_AUTOMATIC_RECHARGE, WAIVE_AUTOMATIC_RECHARGE, REQUEST_COMPANY_RECHARGE, SET_BUNDLE_ENABLEMENTS, ACTIVATE_SIMS_LATER,
  BLOCK_SIM, UNBLOCK_SIM, CHANGE_SIM, SET_NETWORK_SERVICES, SET_RIF_PROFILE, REQUEST_SPARE_SIMS, BLOCK_IMEI,
  // h-employee (issue 12)
  COMPLETE_PERSONAL_TOP_UP,
  // issue 21: the Area Clienti's "Linee mobile".
  CEASE_MOBILE_LINES, REVOKE_MOBILE_LINE_CESSATION,
  // issue 22: the customer area's top-up of a prepaid line's credit (CON-01)
  COMPLETE_LINE_TOP_UP,
  // issue 21 (h21-mobile): a line moved to another contract (MOB-17).
  MOVE_MOBILE_LINE_TO_CONTRACT,
  // issue 21 (h21-mobile): the premium services and the black list (MOB-06).
  BAR_PREMIUM_SERVICE, UNBAR_PREMIUM_SERVICE, ADD_LINES_TO_BLACK_LIST, REMOVE_LINES_FROM_BLACK_LIST, ENABLE_SMS_SOLIDALE, DISABLE_SMS_SOLIDALE,
  // issue 21 (h21-timduo): TIMDUO switched per line like SMS solidale (MOB-06).
  ENABLE_TIMDUO, DISABLE_TIMDUO,
  // issue 21 (h21-finish): unwanted calls reported on a mobile line (FIX-04).
  REPORT_MOBILE_UNWANTED_CALLS,
];
