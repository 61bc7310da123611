import { counters, graphql, tokenFor, type TestStack } from './stack';

/** A GraphQL document sent as a demo user (a fresh token from the demo IdP); the answer's body. */
export async function asUser(stack: TestStack, username: string, query: string, variables: Record<string, unknown> = {}) {
  return (await graphql(stack, query, variables, await tokenFor(stack, username))).body;
}

/** The pratiche CRM has created so far (its CreaPratica counter): what "nothing written" is checked against. */
export const crmWrites = async (stack: TestStack) => (await counters(stack, 'crm')).CreaPratica ?? 0;
