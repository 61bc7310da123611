import type { AnyDeclaration } from '../../runtime/dispositive/declaration';
import {
  ACTIVATE_TIM_TUO_OPTION, CEASE_POSTPAID_TIM_TUO, CEASE_PREPAID_TIM_TUO, CEASE_TIM_TUO_OPTION, SET_TIM_TUO_ENABLEMENT,
} from './tim-tuo';
import { TIM_TUO_PREPAID_OPERATIONS } from './tim-tuo-prepaid';
import { EMPLOYEE_TIM_TUO_OPERATIONS } from './employee-tim-tuo';
import { COMPLETE_INVOICE_PAYMENT, COMPLETE_THIRD_PARTY_INVOICE_PAYMENT } from './invoice-payment';
import { REPORT_INVOICE_PAYMENT, REPORT_THIRD_PARTY_INVOICE_PAYMENT } from './invoice-payment-report';
import { MERGE_FIXED_INVOICES } from './invoice-merge';

/** Every dispositive operation of the billing subgraph: TIM TUO, the company side (seed 002 §7.4.5-§7.4.8, issue 11). */
export const BILLING_OPERATIONS: readonly AnyDeclaration[] = [
  SET_TIM_TUO_ENABLEMENT, ACTIVATE_TIM_TUO_OPTION, CEASE_POSTPAID_TIM_TUO, CEASE_PREPAID_TIM_TUO, CEASE_TIM_TUO_OPTION,
  ...TIM_TUO_PREPAID_OPERATIONS, // h-prepaid: the employee's TIM TUO packages and plafonds (seed 002 §9.2.1.3)
  ...EMPLOYEE_TIM_TUO_OPERATIONS, // h-tuopost (issue 12): TIM TUO as the employee, postpaid (rows 34–41)
  COMPLETE_INVOICE_PAYMENT, // issue 22: an invoice paid online (BIL-04)
  REPORT_INVOICE_PAYMENT, // issue 22: a payment made elsewhere, reported with its receipt (BIL-04, BIL-05)
  COMPLETE_THIRD_PARTY_INVOICE_PAYMENT, // issue 22: another customer's invoice paid online (BIL-06)
  REPORT_THIRD_PARTY_INVOICE_PAYMENT, // issue 22: another customer's invoice paid elsewhere, reported (BIL-06)
  MERGE_FIXED_INVOICES, // issue 22: two fixed invoices of one bimester merged into one PDF (BIL-07)
];
