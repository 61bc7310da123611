import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Typed clients out of the box (issue 25 item 3): `npm run codegen` maps the graph's scalars, so a frontend team's
 * types say `string` for money and dates where they said `unknown`, and the committed generated files are current.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GENERATED = ['examples/dashboard/src/gql/graphql.ts', 'trusted-documents/cm8-portal/gql/graphql.ts'];

describe('typed clients (npm run codegen)', () => {
  it('type Decimal, Date and DateTime as strings: no operation result reads `unknown`', () => {
    for (const file of GENERATED) {
      const operationTypes = readFileSync(`${ROOT}/${file}`, 'utf8').split('\n').filter((line) => /^export type \w+(Query|Mutation) = /.test(line));
      expect(operationTypes.length, file).toBeGreaterThan(0);
      for (const line of operationTypes) expect(line, file).not.toContain('unknown');
    }
    const dashboard = readFileSync(`${ROOT}/${GENERATED[0]}`, 'utf8');
    expect(dashboard).toMatch(/amount: string/);
    expect(dashboard).toMatch(/dueOn: string \| null/);
  });

  it('are what the contract and the documents generate today (graphql-codegen --check)', () => {
    const run = spawnSync(process.execPath, ['node_modules/@graphql-codegen/cli/cjs/bin.js', '--config', 'codegen.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  }, 60_000);
});
