import { graphql, type TestStack } from './stack';

/**
 * h-prepaid (issue 12). The TIM TUO prepaid page's summary (seed 002 §9.2.1.3), as the employee asks it before
 * confirming a change: its answer, whose `confirmationRef` the mutation carries.
 */
export interface PrepaidChange { number: string; family: string; action: 'ACTIVATE' | 'CEASE'; option?: string }

export const SUMMARY = `query($number: ID!, $family: TimTuoPrepaidFamily!, $action: TimTuoPrepaidAction!, $option: TimTuoPrepaidOptionCode) {
  timTuoPrepaidChangeSummary(number: $number, family: $family, action: $action, option: $option) {
    number family action option { code price creditCovers } cost personalCredit creditCovers refusal fileUrl confirmationRef } }`;

export async function prepaidSummary(stack: TestStack, token: string, change: PrepaidChange) {
  const { body } = await graphql(stack, SUMMARY, { ...change }, token);
  if (body.errors) throw new Error(`summary refused: ${JSON.stringify(body.errors)}`);
  return body.data.timTuoPrepaidChangeSummary;
}

/** A mutation's input for the change, confirming the summary asked just now. */
export async function confirmedInput(stack: TestStack, token: string, change: PrepaidChange) {
  const { confirmationRef } = await prepaidSummary(stack, token, change);
  return { number: change.number, ...(change.option && { option: change.option }), confirmationRef };
}
