import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The client contract as a developer meets it (issue 14 item 3): `npm run compose` writes it beside the supergraph,
 * refuses a breaking change until schema/contract-approvals.yaml approves it with a reason, then writes it.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FEDERATION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/@apollo/composition/package.json'), 'utf8')) as { version: string }).version;
const dir = mkdtempSync(join(tmpdir(), 'onegraph-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sdl = (lineFields: string) => 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\n'
  + `type Query { line(number: String!): Line }\ntype Line @key(fields: "number") { ${lineFields} }\n`;
writeFileSync(join(dir, 'rover.yaml'), `federation_version: =${FEDERATION}\nsubgraphs:\n  lines: { routing_url: "http://127.0.0.1:4101/graphql", schema: { file: ./lines.graphql } }\n`);

function compose(lineFields: string) {
  writeFileSync(join(dir, 'lines.graphql'), sdl(lineFields));
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'schema/compose.ts', '--config', join(dir, 'rover.yaml'), '--out', join(dir, 'supergraph.graphql')], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
const contract = () => readFileSync(join(dir, 'api-schema.graphql'), 'utf8');

describe('npm run compose and the client contract', () => {
  it('writes the API schema beside the supergraph, and lets additions through', () => {
    expect(compose('number: String! status: String!').status).toBe(0);
    expect(contract()).toMatch(/type Line \{\s+number: String!\s+status: String!\s+\}/);
    expect(contract()).not.toContain('join__');
    expect(compose('number: String! status: String! plan: String').status).toBe(0);
    expect(contract()).toContain('plan: String');
  }, 60_000);

  it('refuses a breaking change, naming it as its last line, and writes neither the contract nor the supergraph', () => {
    const supergraphBefore = readFileSync(join(dir, 'supergraph.graphql'), 'utf8');
    const run = compose('number: String! plan: String');
    expect(run.status).toBe(1);
    expect(run.output).toContain('FIELD_REMOVED Line.status');
    expect(run.output.trim().split('\n').at(-1)).toContain('contract-approvals.yaml');
    expect(contract()).toContain('status: String!');
    expect(readFileSync(join(dir, 'supergraph.graphql'), 'utf8')).toBe(supergraphBefore);
  }, 60_000);

  it('writes it once the change is approved with a reason', () => {
    writeFileSync(join(dir, 'contract-approvals.yaml'), 'approved:\n  - type: FIELD_REMOVED\n    path: Line.status\n    reason: no client reads it\n');
    const run = compose('number: String! plan: String');
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('breaking, approved: FIELD_REMOVED Line.status');
    expect(contract()).not.toContain('status');
  }, 60_000);

  it('refuses an approval without a reason', () => {
    writeFileSync(join(dir, 'contract-approvals.yaml'), 'approved:\n  - type: FIELD_REMOVED\n    path: Line.plan\n');
    const run = compose('number: String!');
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/approved\[0\] needs type, path and a reason/);
  }, 60_000);
});
