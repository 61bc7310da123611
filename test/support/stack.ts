import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Fault } from '../../legacy/runtime/faults';
import { launchStack, type ExternalServiceName, type LaunchOptions, type Stack, type StandInName } from '../../stack/launch';
import { readLauncherSettings } from '../../stack/settings/launcher';

/**
 * The integration tests' view of the stack: real processes on loopback, a fresh data directory per stack, no
 * latency and a pinned legacy clock unless the test asks otherwise. The processes log warnings and errors only
 * (TEST_LOG_LEVEL, default warn; a test that reads log lines passes its own LOG_LEVEL); set STACK_LOGS=1 to see
 * every process's log, and TEST_LOG_LEVEL=info for the access and legacy-call lines too.
 */
export interface TestStack extends Stack {
  dataDir: string;
}

export type TestStackOptions = Omit<LaunchOptions, 'dataDir'>;

/**
 * Node's on-disk compile cache (NODE_COMPILE_CACHE) for every process of a test stack: each start otherwise compiles
 * the same npm packages and dist/ bundles again, a sizeable part of the ~8.7 CPU s the thirteen processes need to be
 * ready, paid once per test file. Entries are keyed by the source's content, so a changed build or package is simply
 * compiled again; a corrupt entry is rejected by Node's own check.
 */
const COMPILE_CACHE_DIR = join(tmpdir(), 'onegraph-test-compile-cache');

/** The "today" of the legacy fixtures in every test (dates in the seed are relative to it). */
export const LEGACY_TODAY = '2026-11-23';

export async function startTestStack(opts: TestStackOptions = {}): Promise<TestStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onegraph-test-'));
  const settings = readLauncherSettings();
  try {
    const stack = await launchStack({
      forwardLogs: settings.forwardLogs,
      // The build the integration project's global setup made of today's sources (test/support/build-once.ts).
      built: !settings.stackFromSources,
      ...opts,
      dataDir,
      // eBill applies TIM TUO prepaid requests at once unless a test measures the wait.
      env: { LATENCY_MS: '0', JITTER_MS: '0', LEGACY_TODAY, LOG_LEVEL: settings.testLogLevel, TIM_TUO_PREPAID_APPLY_SECONDS: '0', NODE_COMPILE_CACHE: COMPILE_CACHE_DIR, ...opts.env },
    });
    return {
      ...stack,
      dataDir,
      async stop() {
        await stack.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Logs in at the stack's IdP; rejects when the IdP refuses (wrong password, disabled user, unknown client). With
 * `client`, through that registered application (legacy/idp/clients.ts): the token names it, and the gateway applies
 * its trusted documents; without, the token names no client.
 */
export async function tokenFor(stack: Pick<Stack, 'idpUrl'>, username: string, password = 'demo', client?: string): Promise<string> {
  const res = await fetch(`${stack.idpUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password, ...(client !== undefined && { client_id: client }) }),
  });
  const body = (await res.json()) as { access_token?: string; error?: string };
  if (!res.ok || !body.access_token) throw new Error(`the IdP refused ${username}: HTTP ${res.status} ${body.error ?? ''}`);
  return body.access_token;
}

/** A GraphQL answer as the client sees it. `data` and `errors` are left loose: tests assert on their shape. */
export interface GraphQLResult {
  status: number;
  body: { data?: any; errors?: any };
}

export async function graphql(
  stack: Pick<Stack, 'gatewayUrl'>,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResult> {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResult['body'] };
}

/** A process with an admin port: a legacy system's stand-in, or an external service's (h-employee: `payments`). */
type AdminName = StandInName | ExternalServiceName;

/** Calls served per operation by a stand-in since the last reset, e.g. `{ ListaLineeMobili: 1 }`. */
export async function counters(stack: Stack, system: AdminName): Promise<Record<string, number>> {
  return (await admin(stack, system, 'GET', '/counters')) as Record<string, number>;
}

export async function resetCounters(stack: Stack, system: AdminName): Promise<void> {
  await admin(stack, system, 'POST', '/counters/reset');
}

/**
 * Merges faults into a stand-in's table: `{ "*": { down: true } }`, `{ GetLineeMobili: { timeout: true } }`;
 * `{ GetLineeMobili: null }` removes an operation's entry, `{ "*": { down: false } }` brings the system back.
 */
export async function setFaults(stack: Stack, system: AdminName, faults: Record<string, Fault | null>): Promise<void> {
  await admin(stack, system, 'PUT', '/faults', faults);
}

/** A stand-in's fault table, e.g. `{ "*": { latencyMs: 60, jitterMs: 20 } }`. */
export async function faults(stack: Stack, system: AdminName): Promise<Record<string, Fault>> {
  return (await admin(stack, system, 'GET', '/faults')) as Record<string, Fault>;
}

async function admin(stack: Stack, system: AdminName, method: string, path: string, body?: unknown): Promise<unknown> {
  const adminUrl = stack.components.get(system)?.adminUrl;
  if (!adminUrl) throw new Error(`${system} has no admin URL`);
  const res = await fetch(`${adminUrl}${path}`, {
    method,
    ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${system} admin ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}
