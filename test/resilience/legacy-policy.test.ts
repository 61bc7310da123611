import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RESILIENCE, type ResilienceSettings } from '../../adapters/resilience/settings';
import { crmWithClients } from '../support/crm-clients';

/**
 * The resilience policy of the one HTTP client setup, against the CRM stand-in on a real socket: retries for reads
 * only, the time budget, the breaker opening and closing, the cap on calls in flight. Counters are the stand-in's.
 */
const FAST: ResilienceSettings = {
  ...DEFAULT_RESILIENCE,
  attemptTimeoutMs: 300,
  callBudgetMs: 700,
  breaker: { ...DEFAULT_RESILIENCE.breaker, consecutiveFailures: 3, halfOpenAfterMs: 400 },
};
const unavailable = { extensions: { code: 'LEGACY_UNAVAILABLE', system: 'CRM' } };
const A_LINE = '3343860505';

const stand = crmWithClients(FAST);
const client = stand.client;
beforeEach(async () => {
  await stand.crm.setFaults({ '*': { errorRate: 0, down: false, timeout: false, latencyMs: 0 } });
  await stand.crm.resetCounters();
});

describe('retries', () => {
  it('tries a failing read twice, then answers LEGACY_UNAVAILABLE', async () => {
    await stand.crm.setFaults({ '*': { errorRate: 1 } });
    await expect(client().getMobileLines([A_LINE])).rejects.toMatchObject(unavailable);
    expect((await stand.crm.counters()).GetLineeMobili).toBe(2);
  });

  it('sends a write once, even when it fails', async () => {
    await stand.crm.setFaults({ '*': { errorRate: 1 } });
    const created = client().createRequest({
      description: 'Ritrovamento SIM', withOrder: true, target: { kind: 'MobileLine', id: A_LINE }, channel: 'AREA CLIENTI', idempotencyKey: 'policy-write-1', fingerprint: 'fp',
    });
    await expect(created).rejects.toMatchObject(unavailable);
    expect((await stand.crm.counters()).CreaPratica).toBe(1);
  });

  it('does not retry an answer: "not found" and business refusals cost one call', async () => {
    await expect(client().getMobileLines(['3999999999'])).resolves.toEqual([null]);
    expect((await stand.crm.counters()).GetLineeMobili).toBe(1);
  });
});

describe('time budget', () => {
  it('gives up on a system that never answers within the call budget', async () => {
    await stand.crm.setFaults({ '*': { timeout: true } });
    const startedAt = Date.now();
    await expect(client().getContracts(['888012170373'])).rejects.toMatchObject(unavailable);
    const elapsed = Date.now() - startedAt;
    expect(elapsed).toBeGreaterThanOrEqual(FAST.attemptTimeoutMs);
    expect(elapsed).toBeLessThan(FAST.callBudgetMs + 300);
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive failures, fails fast without calling, probes half-open and closes on success', async () => {
    const c = client({ ...FAST, readAttempts: 1 });
    await stand.crm.setFaults({ '*': { errorRate: 1 } });
    for (let i = 0; i < FAST.breaker.consecutiveFailures; i++) await expect(c.getCompanies(['1-VALL01'])).rejects.toMatchObject(unavailable);
    expect((await stand.crm.counters()).GetAziende).toBe(FAST.breaker.consecutiveFailures);

    // CRM is fine again, but the breaker is open: the call fails at once and CRM sees nothing.
    await stand.crm.setFaults({ '*': { errorRate: 0 } });
    const startedAt = Date.now();
    await expect(c.getCompanies(['1-VALL01'])).rejects.toMatchObject(unavailable);
    expect(Date.now() - startedAt).toBeLessThan(50);
    expect((await stand.crm.counters()).GetAziende).toBe(FAST.breaker.consecutiveFailures);

    // After halfOpenAfterMs one probe goes through; its success closes the breaker.
    await expect.poll(async () => (await c.getCompanies(['1-VALL01']).catch(() => [null]))[0]?.name,
      { timeout: 3_000, interval: 100 }).toBe('VALLISNERI GINEVRA');
    await expect(c.getCompanies(['1-VALL01'])).resolves.toHaveLength(1);
  });

  it('opens on the error rate too, when failures never make a long run', async () => {
    const c = client({ ...FAST, readAttempts: 1, breaker: { ...FAST.breaker, consecutiveFailures: 1_000, minimumCalls: 10, errorRate: 0.4 } });
    await stand.crm.setFaults({ '*': { errorRate: 0.6 } });
    for (let i = 0; i < 40; i++) await c.getCompanies(['1-VALL01']).catch(() => null);
    // Once open, the calls stop reaching CRM: fewer calls served than made.
    expect((await stand.crm.counters()).GetAziende).toBeLessThan(40);
  });
});

describe('cap on calls in flight', () => {
  it('refuses calls beyond the cap and its queue at once, with LEGACY_UNAVAILABLE', async () => {
    await stand.crm.setFaults({ '*': { latencyMs: 200 } });
    const c = client({ ...FAST, maxInFlight: 2, maxQueued: 1 });
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => c.getCompanies(['1-VALL01']).then(() => 'ok', (e) => e.extensions.code)));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'LEGACY_UNAVAILABLE')).toHaveLength(3);
  });
});
