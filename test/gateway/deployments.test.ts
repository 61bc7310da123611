import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtraInstance } from '../../stack/launch';
import { SUBGRAPH_NAMES } from '../../subgraphs/runtime/sdl';
import { readmeDashboardQuery } from '../e2e/dashboard-query';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { startHaproxy } from '../support/system-servers';
import { graphql, startTestStack, tokenFor, type TestStack } from '../support/stack';
import { steadyLoad, type SteadyLoad } from '../support/steady-load';

/**
 * What a deployment changes under a running graph, with one stack:
 * - issue 23 item 6: the gateway follows its supergraph file as it follows trusted-documents manifests
 *   (stack/watched-file.ts). A new version is swapped in under a steady read load without a failed request; a broken
 *   one is refused with its real error, logged and counted, and the running supergraph stays;
 * - issue 23 item 7: every subgraph rolled, one by one, as a Kubernetes rolling update does (a new instance up, the
 *   old one sent SIGTERM: readiness 503 for SHUTDOWN_DELAY_MS while it still serves, then it drains), behind HAProxy,
 *   under a steady dashboard load through a gateway: no failed read, no INTERNAL.
 */
/**
 * The preStop of the test: well over HAProxy's check interval (100 ms, one failure takes an instance out), since on
 * two shared cores a check may come late.
 */
const SHUTDOWN_DELAY_MS = '1000';
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
    // Generous legacy budgets: a rolling update on two busy cores must not be failed by a slow legacy answer.
    env: { LEGACY_ATTEMPT_TIMEOUT_MS: '15000', LEGACY_CALL_BUDGET_MS: '30000' },
    componentEnv: {
      gateway: { SUPERGRAPH_PATH: supergraphPath },
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, { SHUTDOWN_DELAY_MS }])),
    },
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

describe('rolling restarts (issue 23 item 7)', () => {
  it('rolls every subgraph one by one under a steady dashboard load (ACC-01, MOB-01): no failed read, no INTERNAL', async () => {
    // Each subgraph behind HAProxy: its running instance, and the port its next instance will take.
    const next = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, await freePort()] as const)));
    const haproxy = await startHaproxy(Object.fromEntries(SUBGRAPH_NAMES.map((name) =>
      [name, [new URL(stack.components.get(name)!.url).origin, `http://127.0.0.1:${next[name]}`]])));
    const routed = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, new URL(new URL(stack.components.get(name)!.url).pathname, haproxy.urls[name]).href]));
    const started: ExtraInstance[] = [];
    let load: SteadyLoad | undefined;
    try {
      // The project's supergraph: the hot-reload tests above left a broken one in the stack gateway's file.
      // A generous subgraph timeout: what is measured is the restarts, not a slow answer on two busy cores.
      const gateway = await stack.another('gateway', 0, {
        SUBGRAPH_URLS: JSON.stringify(routed), SUPERGRAPH_PATH: resolve('schema/supergraph.graphql'), SUBGRAPH_TIMEOUT_MS: '30000',
      });
      started.push(gateway);
      load = steadyLoad(() => graphql({ gatewayUrl: gateway.url }, readmeDashboardQuery(), {}, token));
      await load.answered(3);
      for (const name of SUBGRAPH_NAMES) {
        // As a rolling update: the new instance first, then the old one leaves (SIGTERM: unready while still
        // serving for SHUTDOWN_DELAY_MS, then draining), and the load goes on.
        started.push(await stack.another(name, next[name]));
        await load.answered(2);
        await stack.kill(name);
        await load.answered(2);
      }
      const { sent, failures } = await load.stop();
      expect(sent).toBeGreaterThan(20);
      expect(failures, gatewayLog.filter((line) => line.includes('subgraph')).join('\n')).toEqual([]);
    } finally {
      await load?.stop();
      await Promise.all(started.map((instance) => instance.stop()));
      await haproxy.stop();
    }
  }, 400_000);
});
