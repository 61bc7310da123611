import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtEntryPoint } from '../../stack/artefact';
import { ENTRY_POINTS } from '../../stack/launch';
import { readmeDashboardQuery } from '../e2e/dashboard-query';
import { graphql, startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * Issue 8 item 1: the graph connects to nothing it was not configured to reach. Every process of the stack runs
 * with a preload that records its outgoing connection attempts (sockets, UDP, DNS look-ups); the test drives a
 * dashboard and a mutation, stops everything (vendors export at shutdown) and then reads what was attempted.
 */
const PRELOAD = fileURLToPath(new URL('../support/record-connections.mjs', import.meta.url));
const BLOCK = `mutation Block($input: BlockSimInput!) { blockSim(input: $input) { request { id } } }`;

interface Attempt { entryPoint: string; kind: 'start' | 'tcp' | 'udp' | 'dns' | 'ipc'; host?: string; port?: number }

const recordDir = mkdtempSync(join(tmpdir(), 'onegraph-egress-'));
let stack: TestStack | undefined;
/** `host:port` of every endpoint the launcher configured (protocol and admin ports of every process). */
let configured: Set<string>;
let attempts: Attempt[] = [];

beforeAll(async () => {
  stack = await startTestStack({
    env: {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PRELOAD}`.trim(),
      RECORD_CONNECTIONS_DIR: recordDir,
    },
  });
  configured = new Set([...stack.components.values()].flatMap((c) => [c.url, c.adminUrl ?? c.url]).map((url) => new URL(url).host));

  const token = await tokenFor(stack, 'ginevra.vallisneri');
  const dashboard = await graphql(stack, readmeDashboardQuery(), {}, token);
  expect(dashboard.body.errors).toBeUndefined();
  const block = await graphql(stack, BLOCK, { input: { number: '3343860505', reason: 'THEFT', idempotencyKey: 'egress-block-1' } }, token);
  expect(block.body.errors).toBeUndefined();

  await stack.stop();
  stack = undefined;
  attempts = readdirSync(recordDir).flatMap((file) => readFileSync(join(recordDir, file), 'utf8')
    .split('\n').filter(Boolean).map((line) => JSON.parse(line) as Attempt));
});

afterAll(async () => {
  await stack?.stop();
  rmSync(recordDir, { recursive: true, force: true });
});

/**
 * Loopback is not enough: an SDK's default exporter (OpenTelemetry's OTLP on localhost:4318) is loopback too, and
 * still a connection nobody configured. A socket must go to a configured host:port; a name looked up must be one
 * of theirs or localhost; UDP has no configured destination at all.
 */
function isConfigured(attempt: Attempt): boolean {
  const hosts = new Set([...configured].map((hostPort) => hostPort.replace(/:\d+$/, '')));
  if (attempt.kind === 'tcp') return configured.has(`${attempt.host}:${attempt.port}`);
  if (attempt.kind === 'dns') return attempt.host === 'localhost' || hosts.has(attempt.host!);
  return false;
}

describe('outgoing connections of every process (issue 8, item 1)', () => {
  it('recorded every process of the stack', () => {
    const recorded = new Set(attempts.filter((a) => a.kind === 'start').map((a) => a.entryPoint));
    for (const entryPoint of Object.values(ENTRY_POINTS)) {
      // From the sources under tsx, or from the build the integration tests make (test/support/build-once.ts).
      expect([...recorded].some((path) => path.endsWith(entryPoint) || path.endsWith(builtEntryPoint(entryPoint))), `${entryPoint} ran with the preload`).toBe(true);
    }
  });

  it('connects only to the configured endpoints: no vendor telemetry, no cloud metadata probes, no default exporters', () => {
    const network = attempts.filter((a) => a.kind === 'tcp' || a.kind === 'udp' || a.kind === 'dns');
    // Unix sockets (tsx's IPC with its parent, if any) stay on the machine and are not network egress.
    console.log(`${attempts.filter((a) => a.kind === 'start').length} processes recorded ${network.length} network attempts`
      + ` and ${attempts.filter((a) => a.kind === 'ipc').length} local socket connections`);
    const outside = network
      .filter((a) => !isConfigured(a))
      .map((a) => `${a.entryPoint.split('/').slice(-2).join('/')} ${a.kind} ${a.host}${a.port === undefined ? '' : `:${a.port}`}`);
    // Printed so that a failure says who tried to reach what.
    if (outside.length) console.log(`connection attempts outside the configuration:\n${[...new Set(outside)].join('\n')}`);
    expect([...new Set(outside)]).toEqual([]);
  });
});
