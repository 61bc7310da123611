import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** `npm run compose` and `npm run compose:check` as CI runs them, on throwaway SDL files. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INSTALLED = (JSON.parse(readFileSync(join(ROOT, 'node_modules/@apollo/composition/package.json'), 'utf8')) as { version: string }).version;

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';
const LINES = `${LINK}\ntype Query { line(number: String!): Line }\ntype Line @key(fields: "number") { number: String! status: String! }\n`;
const BILLS = `${LINK}\ntype Line @key(fields: "number") { number: String! credit: String }\n`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onegraph-compose-'));
  writeFileSync(join(dir, 'lines.graphql'), LINES);
  writeFileSync(join(dir, 'bills.graphql'), BILLS);
  writeRoverYaml(`=${INSTALLED}`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeRoverYaml(federationVersion: string): void {
  writeFileSync(join(dir, 'rover.yaml'), [
    `federation_version: ${federationVersion}`,
    'subgraphs:',
    '  lines: { routing_url: "http://127.0.0.1:4101/graphql", schema: { file: ./lines.graphql } }',
    '  bills: { routing_url: "http://127.0.0.1:4102/graphql", schema: { file: ./bills.graphql } }',
  ].join('\n'));
}

function runCompose(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'schema/compose.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const compose = (...flags: string[]) =>
  runCompose(['--config', join(dir, 'rover.yaml'), '--out', join(dir, 'supergraph.graphql'), ...flags]);

describe('the committed supergraph', () => {
  it('is what rover.yaml composes (npm run compose:check)', () => {
    const check = runCompose(['--check']);
    expect(check.output).toContain('up to date');
    expect(check.status).toBe(0);
  });
});

describe('schema/compose.ts', () => {
  it('writes the supergraph with the routing URLs, and --check then passes', () => {
    expect(compose().status).toBe(0);
    const supergraph = readFileSync(join(dir, 'supergraph.graphql'), 'utf8');
    expect(supergraph).toContain('@join__graph(name: "lines", url: "http://127.0.0.1:4101/graphql")');
    expect(supergraph).toMatch(/credit: String[\s\S]*@join__field\(graph: BILLS\)/);
    const check = compose('--check');
    expect(check.status).toBe(0);
    expect(check.output).toContain('up to date');
  });

  it('--check fails when an SDL file changed after the supergraph was written, and when it is missing', () => {
    expect(compose().status).toBe(0);
    writeFileSync(join(dir, 'bills.graphql'), BILLS.replace('credit: String', 'credit: String\n  currency: String'));
    const stale = compose('--check');
    expect(stale.status).toBe(1);
    expect(stale.output).toMatch(/stale.*npm run compose/);
    rmSync(join(dir, 'supergraph.graphql'));
    expect(compose('--check').output).toMatch(/missing/);
  });

  it('prints composition errors readably and writes nothing', () => {
    writeFileSync(join(dir, 'bills.graphql'), BILLS.replace('number: String!', 'number: Int!'));
    const failed = compose();
    expect(failed.status).toBe(1);
    expect(failed.output).toMatch(/Composition failed with \d+ error\(s\):\n {2}✗ [A-Z_]+: .*Line\.number/);
    expect(() => readFileSync(join(dir, 'supergraph.graphql'))).toThrow();
  });

  it('refuses a federation_version that is not the installed composition', () => {
    writeRoverYaml('=2.0.0');
    const failed = compose();
    expect(failed.status).toBe(1);
    expect(failed.output).toContain(`@apollo/composition ${INSTALLED} is installed`);
    writeRoverYaml('2');
    expect(compose().output).toMatch(/exact version/);
  });
});
