import { readFileSync } from 'node:fs';
import { buildSchema, parse, type FieldNode, type GraphQLEnumType, type OperationDefinitionNode } from 'graphql';
import { graphql, type TestStack } from './stack';

/**
 * The one summary query (seed 002 §10 Appendice 1: "Il download dei documenti è obbligatorio per confermare la
 * richiesta"), as a page asks it before confirming a change: the mutation's name and its input as it will be sent.
 */
export const CHANGE_SUMMARY = `query($mutation: SummarisedChange!, $input: ChangeInput!) { changeSummary(mutation: $mutation, input: $input) {
  mutation pratica records { id terms { name value } } fileUrl confirmationRef } }`;

export interface ChangeSummary {
  mutation: string;
  pratica: string;
  records: { id: string; terms: { name: string; value: string }[] }[];
  fileUrl: string;
  confirmationRef: string;
}

/** The summary of `input` for `mutation`, as `token`'s user asks it; a refused or null summary throws. */
export async function changeSummary(stack: TestStack, token: string, mutation: string, input: Record<string, unknown>): Promise<ChangeSummary> {
  const { body } = await graphql(stack, CHANGE_SUMMARY, { mutation, input }, token);
  if (body.errors?.length) throw new Error(`summary of ${mutation} refused: ${JSON.stringify(body.errors)}`);
  if (!body.data.changeSummary) throw new Error(`no summary of ${mutation}: a record unknown or outside the grants`);
  return body.data.changeSummary;
}

/** The mutation's input as a page sends it once the summary is downloaded: the summary's confirmationRef added. */
export async function confirmed(stack: TestStack, token: string, mutation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  return { ...input, confirmationRef: (await changeSummary(stack, token, mutation, input)).confirmationRef };
}

/** A well-formed reference that confirms nothing (its signature is not ours). */
export const NO_CONFIRMATION = `eyJ9.${'A'.repeat(43)}`;

/** The mutations that take a confirmationRef: the values of SummarisedChange in the client contract. */
const SUMMARISED: ReadonlySet<string> = new Set((buildSchema(readFileSync(new URL('../../schema/api-schema.graphql', import.meta.url), 'utf8'))
  .getType('SummarisedChange') as GraphQLEnumType).getValues().map((v) => v.name));

/**
 * Sends a change as its page does: where the mutation takes a confirmationRef and `input` has none, the summary is
 * asked first and its reference quoted. A summary the rules refuse confirms nothing (NO_CONFIRMATION): the mutation
 * then answers the same refusal, which is what such a test looks at.
 */
export async function sendChange(stack: TestStack, document: string, input: Record<string, unknown>, token: string) {
  const operation = parse(document).definitions[0] as OperationDefinitionNode;
  const mutation = (operation.selectionSet.selections[0] as FieldNode).name.value;
  const sent = SUMMARISED.has(mutation) && !('confirmationRef' in input)
    ? { ...input, confirmationRef: await changeSummary(stack, token, mutation, input).then((s) => s.confirmationRef, () => NO_CONFIRMATION) }
    : input;
  return graphql(stack, document, { input: sent }, token);
}
