import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { graphql, startTestStack, tokenFor, type TestStack } from '../support/stack';
import { steadyLoad } from '../support/steady-load';

/**
 * Issue 23 item 6: the gateway follows its supergraph file as it follows trusted-documents manifests
 * (stack/watched-file.ts). A new version is swapped in under a steady read load without a failed request; a broken
 * one is refused with its real error, logged and counted, and the running supergraph stays.
 */
const DESCRIBED = '"""Login name, e.g. ginevra.vallisneri."""';
const RELOADED = '"""Login name, e.g. ginevra.vallisneri (reloaded)."""';
const USERNAME_DESCRIPTION = '{ __type(name: "Viewer") { fields { name description } } }';

let dir: string;
let supergraphPath: string;
let stack: TestStack;
let token: string;
const gatewayLog: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'onegraph-supergraph-'));
  supergraphPath = join(dir, 'supergraph.graphql');
  copyFileSync('schema/supergraph.graphql', supergraphPath);
  stack = await startTestStack({
    componentEnv: { gateway: { SUPERGRAPH_PATH: supergraphPath } },
    onLog: (name, line) => { if (name === 'gateway') gatewayLog.push(line); },
  });
  token = await tokenFor(stack, 'ginevra.vallisneri');
});

afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** As a deployment replaces a file: written beside it, then renamed over it, so no reader sees half of it. */
function replaceSupergraph(text: string): void {
  const next = join(dir, 'supergraph.next');
  writeFileSync(next, text);
  renameSync(next, supergraphPath);
}

async function usernameDescription(): Promise<string | undefined> {
  const { body } = await graphql(stack, USERNAME_DESCRIPTION, {}, token);
  return body.data?.__type.fields.find((f: { name: string }) => f.name === 'username')?.description;
}

async function reloadsCounted(): Promise<string[]> {
  const text = await (await fetch(new URL('/metrics', stack.gatewayUrl))).text();
  return text.split('\n').filter((line) => line.startsWith('onegraph_file_reloads_total{file="supergraph"'));
}

describe('supergraph hot reload (issue 23 item 6)', () => {
  it('swaps a changed supergraph file in under a steady read load (ACC-01 viewer), without one failed request', async () => {
    expect(await usernameDescription()).toBe('Login name, e.g. ginevra.vallisneri.');
    const load = steadyLoad(() => graphql(stack, '{ viewer { username } }', {}, token));
    await load.answered(5);
    replaceSupergraph(readFileSync(supergraphPath, 'utf8').replace(DESCRIBED, RELOADED));
    const seen = await eventually(5_000, usernameDescription, (d) => d?.includes('reloaded') ?? false);
    await load.answered(5);
    const { sent, failures } = await load.stop();
    expect(seen).toBe('Login name, e.g. ginevra.vallisneri (reloaded).');
    expect(sent).toBeGreaterThan(10);
    expect(failures).toEqual([]);
    expect(await reloadsCounted()).toEqual(['onegraph_file_reloads_total{file="supergraph",result="applied"} 1']);
  });

  it('refuses a broken supergraph with its real error, logged and counted; the running one stays', async () => {
    replaceSupergraph('schema @link(url: "https://specs.apollo.dev/link/v1.0") {\n  query: Query\n');
    const refused = await eventually(5_000, () => gatewayLog.find((line) => line.includes('supergraph refused')), (line) => line !== undefined);
    expect(refused, gatewayLog.slice(-5).join('\n')).toBeDefined();
    expect(JSON.parse(refused!)).toMatchObject({ level: 'error', file: 'supergraph', err: expect.stringMatching(/Syntax Error/) });
    expect(await reloadsCounted()).toContain('onegraph_file_reloads_total{file="supergraph",result="refused"} 1');
    expect(await usernameDescription()).toBe('Login name, e.g. ginevra.vallisneri (reloaded).');
    expect((await graphql(stack, '{ viewer { username } }', {}, token)).body.data).toEqual({ viewer: { username: 'ginevra.vallisneri' } });
  });
});
