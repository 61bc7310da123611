import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCrmClient, type CrmClient } from '../../adapters/crm';
import { DEFAULT_RESILIENCE, resilienceFromEnv, type ResilienceSettings } from '../../adapters/resilience/settings';
import { crmStandIn } from '../../legacy/crm/standin';
import { startTestStandIn, type TestStandIn } from '../support/stand-in-admin';

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

let crm: TestStandIn;
const clients: CrmClient[] = [];
/** A client with its own breaker, so that tests do not share one. */
function client(settings: ResilienceSettings = FAST): CrmClient {
  const c = createCrmClient({ url: crm.url, resilience: settings });
  clients.push(c);
  return c;
}
beforeAll(async () => {
  crm = await startTestStandIn(crmStandIn);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await crm?.stop();
});
beforeEach(async () => {
  await crm.setFaults({ '*': { errorRate: 0, down: false, timeout: false, latencyMs: 0 } });
  await crm.resetCounters();
});

describe('retries', () => {
  it('tries a failing read twice, then answers LEGACY_UNAVAILABLE', async () => {
    await crm.setFaults({ '*': { errorRate: 1 } });
    await expect(client().getMobileLines([A_LINE])).rejects.toMatchObject(unavailable);
    expect((await crm.counters()).GetLineeMobili).toBe(2);
  });

  it('sends a write once, even when it fails', async () => {
    await crm.setFaults({ '*': { errorRate: 1 } });
    const created = client().createRequest({
      description: 'Ritrovamento SIM', withOrder: true, target: { kind: 'MobileLine', id: A_LINE }, channel: 'AREA CLIENTI', idempotencyKey: 'policy-write-1', fingerprint: 'fp',
    });
    await expect(created).rejects.toMatchObject(unavailable);
    expect((await crm.counters()).CreaPratica).toBe(1);
  });

  it('does not retry an answer: "not found" and business refusals cost one call', async () => {
    await expect(client().getMobileLines(['3999999999'])).resolves.toEqual([null]);
    expect((await crm.counters()).GetLineeMobili).toBe(1);
  });
});

describe('time budget', () => {
  it('gives up on a system that never answers within the call budget', async () => {
    await crm.setFaults({ '*': { timeout: true } });
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
    await crm.setFaults({ '*': { errorRate: 1 } });
    for (let i = 0; i < FAST.breaker.consecutiveFailures; i++) await expect(c.getCompanies(['1-VALL01'])).rejects.toMatchObject(unavailable);
    expect((await crm.counters()).GetAziende).toBe(FAST.breaker.consecutiveFailures);

    // CRM is fine again, but the breaker is open: the call fails at once and CRM sees nothing.
    await crm.setFaults({ '*': { errorRate: 0 } });
    const startedAt = Date.now();
    await expect(c.getCompanies(['1-VALL01'])).rejects.toMatchObject(unavailable);
    expect(Date.now() - startedAt).toBeLessThan(50);
    expect((await crm.counters()).GetAziende).toBe(FAST.breaker.consecutiveFailures);

    // After halfOpenAfterMs one probe goes through; its success closes the breaker.
    await expect.poll(async () => (await c.getCompanies(['1-VALL01']).catch(() => [null]))[0]?.name,
      { timeout: 3_000, interval: 100 }).toBe('VALLISNERI GINEVRA');
    await expect(c.getCompanies(['1-VALL01'])).resolves.toHaveLength(1);
  });

  it('opens on the error rate too, when failures never make a long run', async () => {
    const c = client({ ...FAST, readAttempts: 1, breaker: { ...FAST.breaker, consecutiveFailures: 1_000, minimumCalls: 10, errorRate: 0.4 } });
    await crm.setFaults({ '*': { errorRate: 0.6 } });
    for (let i = 0; i < 40; i++) await c.getCompanies(['1-VALL01']).catch(() => null);
    // Once open, the calls stop reaching CRM: fewer calls served than made.
    expect((await crm.counters()).GetAziende).toBeLessThan(40);
  });
});

describe('cap on calls in flight', () => {
  it('refuses calls beyond the cap and its queue at once, with LEGACY_UNAVAILABLE', async () => {
    await crm.setFaults({ '*': { latencyMs: 200 } });
    const c = client({ ...FAST, maxInFlight: 2, maxQueued: 1 });
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => c.getCompanies(['1-VALL01']).then(() => 'ok', (e) => e.extensions.code)));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'LEGACY_UNAVAILABLE')).toHaveLength(3);
  });
});

describe('settings', () => {
  it('reads per-system and global variables, the system first, and refuses garbage', () => {
    const s = resilienceFromEnv('eBill', { LEGACY_ATTEMPT_TIMEOUT_MS: '900', EBILL_ATTEMPT_TIMEOUT_MS: '800', LEGACY_BREAKER_ERROR_RATE: '0.3' });
    expect(s.attemptTimeoutMs).toBe(800);
    expect(s.breaker.errorRate).toBe(0.3);
    expect(resilienceFromEnv('CRM', { EBILL_ATTEMPT_TIMEOUT_MS: '800' }).attemptTimeoutMs).toBe(DEFAULT_RESILIENCE.attemptTimeoutMs);
    expect(() => resilienceFromEnv('CRM', { CRM_READ_ATTEMPTS: 'two' })).toThrow(/CRM_READ_ATTEMPTS/);
  });
});
