import { changeSummary, type ChangeSummary } from './change-summary';
import type { TestStack } from './stack';

/**
 * h-prepaid (issue 12). A TIM TUO prepaid change (seed 002 §9.2.1.3) as the employee asks its summary before
 * confirming it (changeSummary): its answer, whose `confirmationRef` the mutation carries.
 */
export interface PrepaidChange { number: string; family: string; action: 'ACTIVATE' | 'CEASE'; option?: string }

const NOUN: Record<string, string> = {
  NATIONAL_PACKAGE: 'NationalPackage', EXTRA_DATA_PLAFOND: 'ExtraDataPlafond',
  EXTRA_EU_ROAMING_DAILY_PACKAGE: 'ExtraEuDailyPackage', EXTRA_EU_ROAMING_DATA_PLAFOND: 'ExtraEuDataPlafond',
};
/** The mutation of a family and action (activateTimTuoNationalPackage, …). */
export const prepaidMutation = (change: PrepaidChange) => `${change.action === 'ACTIVATE' ? 'activate' : 'cease'}TimTuo${NOUN[change.family]}`;
const inputOf = (change: PrepaidChange) => ({ number: change.number, ...(change.option && { option: change.option }) });

export function prepaidSummary(stack: TestStack, token: string, change: PrepaidChange): Promise<ChangeSummary> {
  return changeSummary(stack, token, prepaidMutation(change), inputOf(change));
}

/** A mutation's input for the change, confirming the summary asked just now. */
export async function confirmedInput(stack: TestStack, token: string, change: PrepaidChange) {
  const { confirmationRef } = await prepaidSummary(stack, token, change);
  return { ...inputOf(change), confirmationRef };
}
