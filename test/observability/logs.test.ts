import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readmeDashboardQuery } from '../e2e/dashboard-query';
import { logCollector, type LogLine } from '../support/log-lines';
import { setFaults, startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * What an operator finds in the logs: one access line per GraphQL request at the gateway, and the request's
 * correlation id on the lines of every process it reached (gateway, subgraphs, their adapters, the stand-ins), the
 * same id the client sees on an error. Every process's stderr is captured through the launcher.
 */
const DASHBOARD = readmeDashboardQuery();
const logs = logCollector();
let stack: TestStack;
let token: string;

beforeAll(async () => {
  // The access and legacy-call lines are info lines: this test reads what production writes, not the tests' quiet level.
  stack = await startTestStack({ onLog: logs.onLog, env: { LOG_LEVEL: 'info' }, readyTimeoutMs: 180_000 });
  token = await tokenFor(stack, 'ginevra.vallisneri');
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

async function ask(headers: Record<string, string>) {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query: DASHBOARD, operationName: 'Dashboard' }),
  });
  return { res, body: (await res.json()) as { data?: unknown; errors?: { extensions: Record<string, unknown> }[] } };
}

/** The gateway's access line of a request; log lines cross a pipe, so they are waited for. */
async function accessLine(correlationId: string): Promise<LogLine> {
  return vi.waitFor(() => {
    const line = logs.of('gateway').find((l) => l.msg === 'graphql request' && l.correlationId === correlationId);
    if (!line) throw new Error(`no access line for ${correlationId}`);
    return line;
  }, { timeout: 5_000 });
}

describe('logs', () => {
  it('writes one access line per request with operation, duration, outcome, error codes and user id, never the token', async () => {
    const requestId = `test-${randomUUID()}`;
    const { res } = await ask({ 'x-request-id': requestId });
    expect(res.status).toBe(200);

    const line = await accessLine(requestId);
    expect(line).toMatchObject({
      level: 'info', name: 'gateway', operationName: 'Dashboard', status: 200, outcome: 'ok', errorCodes: [], userId: '1-U0001', client: 'unnamed',
    });
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(logs.of('gateway').filter((l) => l.msg === 'graphql request' && l.correlationId === requestId)).toHaveLength(1);
    // The token, and the user's name and tax code that the answer carries, are in no process's log.
    const everything = JSON.stringify(logs.of());
    expect(everything).not.toContain(token.split('.')[2]);
    expect(everything).not.toMatch(/VALLISNERI|VLLGVR/i);
  });

  it('names the client that asked, as it names itself, and nothing a client could forge a field with', async () => {
    const named = `test-${randomUUID()}`;
    await ask({ 'x-request-id': named, 'apollographql-client-name': 'ops-console', 'apollographql-client-version': '1.4.0' });
    expect(await accessLine(named)).toMatchObject({ client: 'ops-console', operationName: 'Dashboard' });

    const forged = `test-${randomUUID()}`;
    await ask({ 'x-request-id': forged, 'apollographql-client-name': 'portal" "userId":"1-U0030' });
    expect(await accessLine(forged)).toMatchObject({ client: 'other', userId: '1-U0001' });
  });

  it('carries the x-request-id to the log lines of the gateway, a subgraph, its adapter and the stand-ins', async () => {
    const requestId = `test-${randomUUID()}`;
    const { res } = await ask({ 'x-request-id': requestId });
    expect(res.headers.get('x-correlation-id')).toBe(requestId);
    await accessLine(requestId);

    await vi.waitFor(() => {
      expect(logs.processesWith(requestId)).toEqual(expect.arrayContaining(['gateway', 'mobile', 'billing', 'crm', 'ebill', 'ebpfa']));
    }, { timeout: 5_000 });
    const mobile = logs.of('mobile').filter((l) => l.correlationId === requestId);
    // One line per request in the subgraph, with the legacy calls it made (issue 24: each call's own line is debug).
    expect(mobile).toContainEqual(expect.objectContaining({
      msg: 'subgraph request', status: 200, legacyCalls: expect.objectContaining({ CRM: expect.objectContaining({ ListaLineeMobili: 1 }) }),
    }));
    expect(mobile.filter((l) => l.msg === 'legacy call')).toEqual([]);
    expect(logs.of('crm')).toContainEqual(expect.objectContaining({ msg: 'legacy request', operation: 'ListaLineeMobili', correlationId: requestId }));
  });

  it('gives the client the correlation id of the log lines that explain its error', async () => {
    await setFaults(stack, 'ebill', { '*': { down: true } });
    try {
      const requestId = `test-${randomUUID()}`;
      const { body } = await ask({ 'x-correlation-id': requestId });
      const unavailable = body.errors?.find((e) => e.extensions.code === 'LEGACY_UNAVAILABLE');
      expect(unavailable?.extensions).toMatchObject({ system: 'eBill', correlationId: requestId });

      expect(await accessLine(requestId)).toMatchObject({ outcome: 'partial', errorCodes: ['LEGACY_UNAVAILABLE'] });
      await vi.waitFor(() => {
        expect(logs.of('billing')).toContainEqual(expect.objectContaining({ msg: 'legacy call failed', system: 'eBill', correlationId: requestId }));
      }, { timeout: 5_000 });
    } finally {
      await setFaults(stack, 'ebill', { '*': { down: false } });
    }
  });

  it('replaces a client id that is too long or carries unsafe characters with one of its own', async () => {
    for (const sent of ['x'.repeat(200), 'id "with" quotes\\n', 'short']) {
      const { res } = await ask({ 'x-request-id': sent });
      const given = res.headers.get('x-correlation-id');
      expect(given).not.toBe(sent);
      expect(given).toMatch(/^[0-9a-f-]{36}$/);
      expect(await accessLine(given!)).toMatchObject({ operationName: 'Dashboard' });
    }
  });

  it('cuts a 30,000-character operationName to our bound in every process\'s log, the error message and the metric labels (issue 19 item 9)', async () => {
    const long = `Long${'Q'.repeat(29_996)}`;
    const post = async (body: unknown, requestId: string) => {
      const res = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] } };
    };
    const ran = `test-${randomUUID()}`;
    const named = await post({ query: `query ${long} { viewer { username } }`, operationName: long }, ran);
    expect(named.body.data.viewer.username).toBe('ginevra.vallisneri');
    expect((await accessLine(ran)).operationName).toBe(`Long${'Q'.repeat(96)}…(30000 characters)`);

    const refused = await post({ query: `query ${long} { viewer { username } }`, operationName: `${long}X` }, `test-${randomUUID()}`);
    expect(refused.body.errors![0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(refused.body.errors![0].message.length).toBeLessThan(400);

    const metrics = await (await fetch(new URL('/metrics', stack.gatewayUrl))).text();
    await vi.waitFor(() => expect(logs.processesWith(ran)).toContain('account'), { timeout: 5_000 });
    for (const text of [JSON.stringify(logs.of()), metrics, JSON.stringify(refused.body)]) expect(text).not.toContain('Q'.repeat(200));
  });

  it('redacts credentials in any logged headers, and writes logs to stderr only', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      import { logger } from './observability/logger';
      logger.warn({ req: { headers: { authorization: 'Bearer s3cret-token', 'x-gateway-identity': 's3cret-identity', accept: 'application/json' } } }, 'headers');
    `], { cwd: root, encoding: 'utf8', env: { ...process.env, LOG_FORMAT: 'json' } });
    expect(run.stdout).toBe('');
    const line = JSON.parse(run.stderr.trim()) as LogLine;
    expect(line).toMatchObject({ level: 'warn', msg: 'headers', req: { headers: { authorization: '[redacted]', 'x-gateway-identity': '[redacted]', accept: 'application/json' } } });
    expect(run.stderr).not.toContain('s3cret');
  });
});
