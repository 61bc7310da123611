import { register } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESILIENCE, type ResilienceSettings } from '../../adapters/resilience/settings';
import { runInRequestScope, type RequestScope } from '../../observability/request-scope';
import { crmWithClients } from '../support/crm-clients';

/**
 * What /metrics says of one legacy system while it misbehaves, against the CRM stand-in on a real socket: calls in
 * flight and queued while it is slow, the breaker open after it went down, the calls' outcomes; and the request's
 * tally counting every attempt the stand-in served.
 */
const FAST: ResilienceSettings = {
  ...DEFAULT_RESILIENCE,
  attemptTimeoutMs: 300,
  callBudgetMs: 700,
  breaker: { ...DEFAULT_RESILIENCE.breaker, consecutiveFailures: 3, halfOpenAfterMs: 60_000 },
};
const A_LINE = '3343860505';

const stand = crmWithClients(FAST);
const client = stand.client;

/** The value of one series of the process's registry, e.g. `onegraph_legacy_calls_queued{system="CRM"}`. */
async function value(series: string): Promise<number> {
  const line = (await register.metrics()).split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('legacy systems in the metrics', () => {
  it('shows the calls in flight and queued while the system is slow, and none once they are answered', async () => {
    await stand.crm.setFaults({ '*': { latencyMs: 300 } });
    const c = client({ ...FAST, attemptTimeoutMs: 2_000, callBudgetMs: 3_000, maxInFlight: 2, maxQueued: 5 });
    const calls = Promise.all(Array.from({ length: 5 }, () => c.getCompanies(['1-VALL01'])));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await value('onegraph_legacy_calls_in_flight{system="CRM"}')).toBe(2);
    expect(await value('onegraph_legacy_calls_queued{system="CRM"}')).toBe(3);
    await calls;
    expect(await value('onegraph_legacy_calls_in_flight{system="CRM"}')).toBe(0);
    expect(await value('onegraph_legacy_calls_queued{system="CRM"}')).toBe(0);
  });

  it('shows the breaker open after the system went down, and counts the calls as unavailable', async () => {
    await stand.crm.setFaults({ '*': { latencyMs: 0, down: true } });
    const before = await value('onegraph_legacy_call_duration_seconds_count{system="CRM",operation="GetLineeMobili",outcome="unavailable"}');
    const c = client({ ...FAST, readAttempts: 1 });
    for (let i = 0; i < 4; i++) await c.getMobileLines([A_LINE]).catch(() => {});
    expect(await value('onegraph_legacy_breaker_state{system="CRM",state="open"}')).toBe(1);
    expect(await value('onegraph_legacy_call_duration_seconds_count{system="CRM",operation="GetLineeMobili",outcome="unavailable"}') - before).toBe(4);
    await c.close();
    // A closed client's breaker is no longer reported.
    expect(await value('onegraph_legacy_breaker_state{system="CRM",state="open"}')).toBe(0);
    await stand.crm.setFaults({ '*': { down: false } });
  });

  it('tallies every attempt on the request being served: a retried read counts twice, as the stand-in saw it', async () => {
    await stand.crm.setFaults({ '*': { latencyMs: 0, down: false } });
    await stand.crm.resetCounters();
    const c = client(FAST);
    const scope: RequestScope = { correlationId: 'test-legacy-metrics', operationName: 'Test', legacyCalls: {} };
    await runInRequestScope(scope, async () => {
      expect(await c.getUserProfile('nobody.here')).toBeNull();
      await stand.crm.setFaults({ GetLineeMobili: { errorRate: 1 } });
      await c.getMobileLines([A_LINE]).catch(() => {});
    });
    await stand.crm.setFaults({ GetLineeMobili: null });
    // The failed read was tried twice: two requests to CRM, both in the tally as in the stand-in's counters.
    expect(scope.legacyCalls).toEqual({ CRM: await stand.crm.counters() });
    expect(scope.legacyCalls.CRM).toEqual({ GetProfiloUtente: 1, GetLineeMobili: 2 });
    expect(await value('onegraph_legacy_call_duration_seconds_count{system="CRM",operation="GetProfiloUtente",outcome="ok"}')).toBeGreaterThan(0);
  });
});
