import { graphql, type TestStack } from './stack';

/**
 * The ids of the requests (pratiche) with this description on this line, as `token`'s viewer sees them in the requests
 * history: how the crash tests count that a change was recorded once, whatever the retries.
 */
export async function requestsOn(stack: TestStack, token: string, line: string, description: string): Promise<string[]> {
  const { body } = await graphql(stack, '{ requests { id description line { number } } }', {}, token);
  return (body.data.requests as { id: string; description: string; line: { number: string } | null }[])
    .filter((r) => r.description === description && r.line?.number === line).map((r) => r.id);
}
