import { describe, expect, it } from 'vitest';
import { counters, graphql, type TestStack } from './stack';
import type { Outcome } from './conformance';

/**
 * The conformance matrix's cells for changes (test/support/conformance.ts has those for reads), in the same titles
 * (`<user> > <PROFILE …>: <ID> <what> → <outcome>`), so that the coverage's walk of schema/profiles.yaml counts them.
 * A change's outcome for a user:
 * - `data`: made, the outcome read back;
 * - `forbidden`: FORBIDDEN, he sees the record but his profile may not change it;
 * - `empty`: NOT_FOUND, he holds nothing the change could act on (the record answers like an unknown one).
 * Neither refusal writes anything in CRM.
 */
export interface Change {
  id: string;
  what: string;
  mutation: string;
  inputType: string;
  /** The selection of the outcome read back. */
  selection: string;
  /** The input for this user (his company, his contract), without the key; `run` makes each allowed one different. */
  input: (username: string, run: number) => Record<string, unknown>;
}

/** Per user: his profile label and the outcome of each change, in the order of the changes. */
export type ChangeMatrix = Record<string, { profile: string; cells: Outcome[] }>;

const CODE: Record<Outcome, string | null> = { data: null, forbidden: 'FORBIDDEN', empty: 'NOT_FOUND' };

export function changeWalk(changes: Change[], matrix: ChangeMatrix, stack: () => TestStack, token: (username: string) => string): void {
  it('has one change cell per change for every user', () => {
    for (const [username, { cells }] of Object.entries(matrix)) expect(cells.length, username).toBe(changes.length);
  });
  let run = 0;
  describe.each(Object.entries(matrix))('%s', (username, { profile, cells }) => {
    it.each(changes.map((change, i) => ({ ...change, expected: cells[i] })))(
      `${profile}: $id $what → $expected`,
      async ({ mutation, inputType, selection, input, expected }) => {
        run += 1;
        const writes = async () => (await counters(stack(), 'crm')).CreaPratica ?? 0;
        const before = await writes();
        const { body } = await graphql(stack(), `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${selection} } }`,
          { input: { ...input(username, run), idempotencyKey: `change-walk-${username.replace(/\W/g, '_')}-${run}` } }, token(username));
        if (expected === 'data') {
          expect(body.errors).toBeUndefined();
          expect(body.data[mutation]).not.toBeNull();
          expect(await writes()).toBe(before + 1);
          return;
        }
        expect(body.data?.[mutation] ?? null).toBeNull();
        expect(body.errors?.map((e: { extensions?: { code?: string } }) => e.extensions?.code)).toEqual([CODE[expected]]);
        expect(await writes()).toBe(before);
      },
    );
  });
}
