import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ComponentName } from '../../stack/launch';
import { counters, graphql, resetCounters, setFaults, startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * SIGTERM as an orchestrator sends it during a rollout, while a slow request is in flight: the process stops being
 * ready (503), refuses new requests, lets the one in flight finish with its data, and exits 0. The processes run
 * the project's own handler (NODE_ENV=test turns Apollo's off anyway, and it is off in production too).
 */
/** Long enough for the test to act while the request is in flight, on a loaded machine too. */
const SLOW_MS = 8_000;
/** Longer than the slow request, shorter than the launcher's 15 s before SIGKILL. */
const GRACE_MS = 14_000;
const QUERY = '{ mobileLines(first: 5) { totalCount nodes { number } } }';
let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack({
    // The slow legacy answer must stay within the legacy budget: the request is slow, not failing.
    readyTimeoutMs: 180_000,
    env: { LEGACY_ATTEMPT_TIMEOUT_MS: '12000', LEGACY_CALL_BUDGET_MS: '13000', SUBGRAPH_TIMEOUT_MS: '15000', SHUTDOWN_GRACE_MS: String(GRACE_MS) },
  });
  token = await tokenFor(stack, 'ginevra.vallisneri');
  expect((await graphql(stack, QUERY, {}, token)).status).toBe(200);
  await setFaults(stack, 'crm', { ListaLineeMobili: { latencyMs: SLOW_MS } });
}, 300_000);
afterAll(async () => {
  await stack?.stop();
});

const origin = (name: ComponentName) => new URL(name === 'gateway' ? stack.gatewayUrl : stack.components.get(name)!.url).origin;

/** Starts the slow request; resolves once it has reached the legacy system (so it is in flight everywhere). */
async function slowRequestInFlight() {
  await resetCounters(stack, 'crm');
  const answer = graphql(stack, QUERY, {}, token);
  const t0 = Date.now();
  while (!(await counters(stack, 'crm')).ListaLineeMobili) {
    if (Date.now() - t0 > 10_000) throw new Error('the slow request did not reach CRM within 10 s');
    await sleep(50);
  }
  // Wrapped: an async function returning the bare promise would wait for the answer.
  return { answer };
}

async function postTo(name: ComponentName) {
  const res = await fetch(`${origin(name)}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }),
  });
  return { status: res.status, body: (await res.json()) as { errors?: { extensions: { code: string } }[] } };
}

describe('graceful shutdown on SIGTERM', () => {
  it('a subgraph drains: not ready, refuses new requests, finishes the one in flight, exits 0', async () => {
    const { answer } = await slowRequestInFlight();
    const exit = stack.kill('mobile', 'SIGTERM');

    await vi.waitFor(async () => expect((await fetch(`${origin('mobile')}/readiness`)).status).toBe(503), { timeout: 5_000, interval: 50 });
    expect(await postTo('mobile')).toMatchObject({ status: 503, body: { errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] } });

    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.mobileLines.totalCount).toBeGreaterThan(0);
    expect(await exit).toEqual({ code: 0, signal: null });
    await stack.restart('mobile');
  });

  it('the gateway drains: not ready, refuses new requests, finishes the one in flight, exits 0', async () => {
    const { answer } = await slowRequestInFlight();
    const started = Date.now();
    const exit = stack.kill('gateway', 'SIGTERM');

    await vi.waitFor(async () => {
      const readiness = await fetch(`${origin('gateway')}/readiness`);
      expect({ status: readiness.status, body: await readiness.json() }).toEqual({ status: 503, body: { ready: false, draining: true } });
    }, { timeout: 5_000, interval: 50 });
    // Liveness stays: the process is healthy, it is only leaving.
    expect((await fetch(`${origin('gateway')}/health`)).status).toBe(200);
    const refused = await graphql(stack, QUERY, {}, token);
    expect(refused).toMatchObject({ status: 503, body: { errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] } });

    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.mobileLines.nodes.length).toBeGreaterThan(0);
    expect(await exit).toEqual({ code: 0, signal: null });
    // It left when the request was done, not at the end of the grace period.
    expect(Date.now() - started).toBeLessThan(GRACE_MS - 1_000);
    // Gone: new connections are refused.
    await expect(fetch(`${origin('gateway')}/health`)).rejects.toThrow();
  });
});
