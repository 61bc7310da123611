import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAND_INS, type StandInName } from '../../stack/launch';
import { counters, resetCounters, startTestStack, tokenFor, type TestStack } from '../support/stack';
import { readmeDashboardQuery } from '../e2e/dashboard-query';

/**
 * Issue 8, items 3 and 4: the legacy calls a client request cost, as the client sees them (`x-legacy-calls: true`)
 * and as the gateway's /metrics counts them, equal what the stand-ins served for that request.
 */
const DASHBOARD = readmeDashboardQuery();
const SYSTEM_OF: Record<StandInName, string> = { crm: 'CRM', ebill: 'eBill', ebpfa: 'EBPFA' };

/** Eleven processes on two shared cores: minutes, not seconds, when the machine is busy. */
const STACK_START_TIMEOUT_MS = 300_000;
let stack: TestStack;
beforeAll(async () => {
  // Generous legacy budgets: on a loaded machine a timed-out attempt would make the tally and the counters differ.
  stack = await startTestStack({ readyTimeoutMs: STACK_START_TIMEOUT_MS - 30_000, env: { LEGACY_ATTEMPT_TIMEOUT_MS: '15000', LEGACY_CALL_BUDGET_MS: '30000' } });
}, STACK_START_TIMEOUT_MS);
afterAll(async () => {
  await stack?.stop();
});

async function dashboard(token: string, headers: Record<string, string> = {}) {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query: DASHBOARD }),
  });
  return (await res.json()) as { data?: unknown; errors?: unknown[]; extensions?: { legacyCalls?: Record<string, Record<string, number>> } };
}

/** What the stand-ins served since their counters were reset, keyed like extensions.legacyCalls. */
async function servedByStandIns(): Promise<Record<string, Record<string, number>>> {
  const served: Record<string, Record<string, number>> = {};
  for (const name of STAND_INS) {
    const calls = await counters(stack, name);
    if (Object.keys(calls).length) served[SYSTEM_OF[name]] = calls;
  }
  return served;
}

const resetAll = () => Promise.all(STAND_INS.map((name) => resetCounters(stack, name)));

async function scrape(url: string): Promise<string> {
  const res = await fetch(new URL('/metrics', url));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

/** The value of one series, e.g. `onegraph_graphql_errors_total{code="FORBIDDEN"}`; 0 when absent. */
function value(metrics: string, series: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('legacy calls per operation', () => {
  it('returns extensions.legacyCalls equal to what the stand-ins served for that request, grants lookup included', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    await resetAll();
    const body = await dashboard(token, { 'x-legacy-calls': 'true' });
    expect(body.errors).toBeUndefined();
    const served = await servedByStandIns();
    expect(served.CRM?.ListaLineeMobili).toBeGreaterThan(0);
    expect(served.eBill).toBeDefined();
    expect(body.extensions?.legacyCalls).toEqual(served);

    // The gateway's grants are cached now: the same dashboard costs one GetProfiloUtente less (the account
    // subgraph's viewer still reads it), and the tally says so too.
    await resetAll();
    const again = await dashboard(token, { 'x-legacy-calls': 'TRUE' });
    expect(again.extensions?.legacyCalls).toEqual(await servedByStandIns());
    expect(served.CRM!.GetProfiloUtente! - again.extensions!.legacyCalls!.CRM!.GetProfiloUtente!).toBe(1);
  });

  it('says nothing of legacy calls to a client that did not ask', async () => {
    const body = await dashboard(await tokenFor(stack, 'mario.rossi'));
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.legacyCalls).toBeUndefined();
  });

  it('counts them per operation name on the gateway /metrics, with the request, its outcome and its errors', async () => {
    const token = await tokenFor(stack, 'giada.mantesi');
    const before = await scrape(stack.gatewayUrl);
    await resetAll();
    const body = await dashboard(token, { 'x-legacy-calls': 'true' });
    const served = await servedByStandIns();
    const after = await scrape(stack.gatewayUrl);
    const delta = (series: string) => value(after, series) - value(before, series);

    for (const [system, calls] of Object.entries(served)) {
      for (const [operation, count] of Object.entries(calls)) {
        expect(delta(`onegraph_operation_legacy_calls_total{operation="Dashboard",system="${system}",legacy_operation="${operation}"}`),
          `${system} ${operation}`).toBe(count);
      }
    }
    // A UT profile is refused the invoices: a partial answer with a FORBIDDEN error per kind (mobile, fixed, unified).
    expect(body.errors).toHaveLength(3);
    expect(delta('onegraph_graphql_request_duration_seconds_count{operation="Dashboard",outcome="partial"}')).toBe(1);
    expect(delta('onegraph_graphql_errors_total{code="FORBIDDEN"}')).toBe(3);
    expect(value(after, 'onegraph_grants_cache_lookups_total{result="miss"}')).toBeGreaterThan(0);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(after).toMatch(/^process_resident_memory_bytes /m);
  });

  it('shows each subgraph its own legacy calls, breakers and load, and no personal data anywhere', async () => {
    const mobile = await scrape(stack.components.get('mobile')!.url);
    expect(value(mobile, 'onegraph_legacy_call_duration_seconds_count{system="CRM",operation="ListaLineeMobili",outcome="ok"}'),
      mobile.split('\n').filter((l) => l.startsWith('onegraph_legacy_call_duration_seconds_count')).join('\n')).toBeGreaterThan(0);
    expect(value(mobile, 'onegraph_legacy_breaker_state{system="CRM",state="closed"}')).toBe(1);
    expect(value(mobile, 'onegraph_legacy_breaker_state{system="CRM",state="open"}')).toBe(0);
    expect(mobile).toMatch(/^onegraph_legacy_calls_in_flight\{system="eBill"\} 0$/m);
    expect(mobile).toMatch(/^onegraph_legacy_calls_queued\{system="EBPFA"\} 0$/m);
    // The gateway names its subgraph fetches after the client's operation.
    expect(mobile, mobile.split('\n').filter((l) => l.startsWith('onegraph_graphql_request_duration_seconds_count')).join('\n'))
      .toMatch(/^onegraph_graphql_request_duration_seconds_count\{operation="Dashboard__mobile__\d+",outcome="ok"\} [1-9]/m);

    const gateway = await scrape(stack.gatewayUrl);
    for (const text of [mobile, gateway]) {
      for (const personal of ['ginevra', 'mantesi', '1-U0', '3343860', 'VALLISNERI', 'VLLGVR']) expect(text).not.toContain(personal);
    }
  });

  it('labels a client-chosen operation name that no trusted manifest holds as "unregistered"', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const long = `Q${'x'.repeat(150)}`;
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `query ${long} { viewer { displayName } }` }),
    });
    expect(res.status).toBe(200);
    const metrics = await scrape(stack.gatewayUrl);
    expect(metrics).not.toContain(long);
    expect(value(metrics, 'onegraph_graphql_request_duration_seconds_count{operation="unregistered",outcome="ok"}')).toBeGreaterThan(0);
  });
});
