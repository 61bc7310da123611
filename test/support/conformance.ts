import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, tokenFor, type TestStack } from './stack';
import { useStack } from './use-stack';

/**
 * The conformance matrix of spec/profiles.md (and seed 002 §5/§8 for CM8), walked against the running stack. Each
 * cell is one test: a capability, a user, and what he must get — data, an empty answer (allowed, nothing of his), or
 * FORBIDDEN on that path with the rest of the answer served. A rule wrong in either direction fails its cell.
 * Each part of the portals declares its own matrix file with `conformanceMatrix` (test/policy/*-matrix.test.ts).
 */
export type Outcome = 'data' | 'empty' | 'forbidden';
export const D: Outcome = 'data';
export const E: Outcome = 'empty';
export const F: Outcome = 'forbidden';

/**
 * One capability as a client asks it. `path` is where its answer is; `postpaid` / `prepaid` pick the first line of
 * that kind in a list of lines.
 */
export interface Capability { id: string; what: string; query: string; path: (string | number)[] }

/** Expected outcome per user, in the order of the capabilities. */
export type Matrix = Record<string, { profile: string; cells: Outcome[] }>;

/** The value at a path; `postpaid` / `prepaid` pick the first line of that kind in a list of lines. */
export function valueAt(data: unknown, path: (string | number)[]): unknown {
  let value: any = data;
  for (const step of path) {
    if (value === null || value === undefined) return value;
    if (step === 'postpaid' || step === 'prepaid') value = (value as any[]).find((l) => l.kind === step.toUpperCase()) ?? null;
    else value = value[step];
  }
  return value;
}

/** The outcome the client sees: FORBIDDEN on the path (or above it, on a list of it), else data or nothing. */
export function outcomeOf(body: { data?: any; errors?: any[] }, path: (string | number)[]): Outcome {
  const named = path.filter((s) => typeof s === 'string' && s !== 'postpaid' && s !== 'prepaid');
  const forbidden = (body.errors ?? []).some((e) => e.extensions?.code === 'FORBIDDEN'
    && (e.path as (string | number)[]).filter((s) => typeof s === 'string').every((s, i) => named[i] === s));
  const value = valueAt(body.data, path);
  if (forbidden) {
    expect(value ?? null, 'a forbidden field is null').toBeNull();
    return 'forbidden';
  }
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0) ? 'empty' : 'data';
}

/**
 * Declares the matrix's tests in the calling file: one stack for the file, one token per user, one test per cell.
 * Returns the stack for the file's other tests (read it inside a test, once `beforeAll` has run).
 */
export function conformanceMatrix(capabilities: Capability[], matrix: Matrix, options: { env?: Record<string, string> } = {}): { stack: () => TestStack; token: (username: string) => string } {
  const stack = useStack({ env: options.env });
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    for (const username of Object.keys(matrix)) tokens.set(username, await tokenFor(stack, username));
  });

  it('has one cell per capability for every user', () => {
    for (const [username, { cells }] of Object.entries(matrix)) expect(cells.length, username).toBe(capabilities.length);
  });

  describe.each(Object.entries(matrix))('%s', (username, { profile, cells }) => {
    it.each(capabilities.map((capability, i) => ({ ...capability, expected: cells[i] })))(
      `${profile}: $id $what → $expected`,
      async ({ query, path, expected }) => {
        const { status, body } = await graphql(stack, query, {}, tokens.get(username));
        expect(status).toBe(200);
        // Nothing but the policy may fail here: any other error is a bug the cell would hide.
        expect((body.errors ?? []).filter((e: any) => e.extensions?.code !== 'FORBIDDEN')).toEqual([]);
        expect(outcomeOf(body, path)).toBe(expected);
      },
    );
  });
  return { stack: () => stack, token: (username) => tokens.get(username)! };
}
