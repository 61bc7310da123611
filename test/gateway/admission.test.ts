import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtraInstance } from '../../stack/launch';
import { readmeDashboardQuery } from '../e2e/dashboard-query';
import { startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * Issue 24 item 5, admission control at the gateway's front (gateway/limits/admission.ts): with one GraphQL request
 * executing per process and slow stand-ins, concurrent dashboards queue and all answer data; with no queue, or a
 * wait shorter than a dashboard, the extra ones get a fast, retryable 503 (Retry-After, SERVICE_UNAVAILABLE) and the
 * admitted one still answers data. Health and metrics are never queued: the test reads /metrics while requests wait.
 */
const DASHBOARD = readmeDashboardQuery();
/** Each stand-in answer takes this long: a dashboard (three legacy calls one after the other) well over 1 s. */
const LATENCY_MS = '400';

let stack: TestStack;
let noQueue: ExtraInstance;
let shortWait: ExtraInstance;
let token: string;

beforeAll(async () => {
  stack = await startTestStack({
    readyTimeoutMs: 180_000,
    env: { LATENCY_MS },
    componentEnv: { gateway: { GATEWAY_MAX_CONCURRENT_REQUESTS: '1' } },
  });
  [noQueue, shortWait] = await Promise.all([
    stack.another('gateway', 0, { GATEWAY_MAX_QUEUED_REQUESTS: '0' }),
    stack.another('gateway', 0, { GATEWAY_MAX_QUEUE_WAIT_MS: '50' }),
  ]);
  token = await tokenFor(stack, 'ginevra.vallisneri');
}, 300_000);

afterAll(async () => {
  await noQueue?.stop();
  await shortWait?.stop();
  await stack?.stop();
});

interface Answer { status: number; retryAfter: string | null; body: { data?: any; errors?: any[] } }

async function dashboard(url: string): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: DASHBOARD }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
}

/** A gateway's metric, summed over the series whose labels include `labels` (e.g. `outcome="shed"`); 0 when absent. */
async function metric(url: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  return text.split('\n')
    .filter((line) => /^[^\s{]+/.exec(line)?.[0] === name && line.includes(labels))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

const isCompanyA = (a: Answer) => a.status === 200 && a.body.errors === undefined && a.body.data?.viewer?.company?.name === 'VALLISNERI GINEVRA';

/** Sent at once to a gateway with one slot: one runs, the others are shed; what each got. */
async function shedding(url: string): Promise<Answer[]> {
  const answers = await Promise.all([dashboard(url), dashboard(url), dashboard(url)]);
  const served = answers.filter((a) => a.status === 200);
  const shed = answers.filter((a) => a.status !== 200);
  expect(served.length).toBeGreaterThanOrEqual(1);
  for (const a of served) {
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.viewer.company.name).toBe('VALLISNERI GINEVRA');
  }
  expect(shed.length).toBeGreaterThanOrEqual(1);
  for (const a of shed) {
    expect(a.status).toBe(503);
    expect(a.retryAfter).toBe('2');
    expect(a.body.data).toBeUndefined();
    expect(a.body.errors?.map((e) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
  }
  return answers;
}

describe('admission control at the gateway (issue 24 item 5)', () => {
  it('queues concurrent dashboards behind one slot: every one answers data, and /metrics shows them waiting', async () => {
    let peakQueued = 0;
    let done = false;
    const watch = (async () => {
      while (!done) peakQueued = Math.max(peakQueued, await metric(stack.gatewayUrl, 'onegraph_admission_queued'));
    })();
    const answers = await Promise.all(Array.from({ length: 4 }, () => dashboard(stack.gatewayUrl)));
    done = true;
    await watch;
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body.errors).toBeUndefined();
      expect(a.body.data.viewer.company.name).toBe('VALLISNERI GINEVRA');
    }
    expect(peakQueued).toBeGreaterThanOrEqual(1);
    expect(await metric(stack.gatewayUrl, 'onegraph_admission_wait_seconds_count', 'outcome="admitted"')).toBeGreaterThanOrEqual(4);
    expect(await metric(stack.gatewayUrl, 'onegraph_admission_wait_seconds_sum', 'outcome="admitted"')).toBeGreaterThan(0);
    expect(await metric(stack.gatewayUrl, 'onegraph_admission_shed_total')).toBe(0);
  }, 120_000);

  it('with no queue, refuses the extra dashboards at once with a retryable 503; the admitted one and the next answer data', async () => {
    await shedding(noQueue.url);
    expect(await metric(noQueue.url, 'onegraph_admission_shed_total', 'reason="queue_full"')).toBeGreaterThanOrEqual(1);
    expect(isCompanyA(await dashboard(noQueue.url))).toBe(true);
  }, 120_000);

  it('refuses with a retryable 503 the dashboards that waited longer than GATEWAY_MAX_QUEUE_WAIT_MS; the admitted one answers data', async () => {
    await shedding(shortWait.url);
    expect(await metric(shortWait.url, 'onegraph_admission_shed_total', 'reason="wait_exceeded"')).toBeGreaterThanOrEqual(1);
    expect(await metric(shortWait.url, 'onegraph_admission_wait_seconds_count', 'outcome="shed"')).toBeGreaterThanOrEqual(1);
    expect(isCompanyA(await dashboard(shortWait.url))).toBe(true);
  }, 120_000);
});
