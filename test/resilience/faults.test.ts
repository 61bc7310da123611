import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../legacy/runtime/faults';
import type { StandInName } from '../../stack/launch';
import { readmeDashboardQuery } from '../e2e/dashboard-query';
import { counters, graphql, resetCounters, setFaults, startTestStack, tokenFor, type GraphQLResult, type TestStack } from '../support/stack';

/**
 * Fault suite: each legacy stand-in in turn down, slow past the budget and failing half of its calls, while the
 * README dashboard is asked for. The answer is always HTTP 200 within the budget, with the fields of the healthy
 * systems and, in place of the failed system's fields, null and LEGACY_UNAVAILABLE naming that system. The breaker
 * is watched through the stand-ins' counters: open, the graph stops calling a system, even one that is back.
 */
const DASHBOARD = readmeDashboardQuery();
/** The legacy budget is 3 s per call (README "When a legacy system fails"); a dashboard needs one round of it. */
const DASHBOARD_BUDGET_MS = 4_500;
const HALF_OPEN_AFTER_MS = 3_000;
const SLOW: Fault = { latencyMs: 8_000 };
const CLEAR: Fault = { down: false, timeout: false, latencyMs: 0, errorRate: 0 };

type SystemName = 'CRM' | 'eBill' | 'EBPFA';
/** The dashboard's top-level fields that do not need the system at all, so must be there when it fails. */
const INDEPENDENT_FIELDS: Record<StandInName, string[]> = {
  // Every field of the dashboard reads CRM (lines, contracts behind the invoices, history, the viewer's name).
  crm: [],
  ebill: ['viewer', 'mobileLines', 'fixedLines', 'fixedInvoices', 'orders', 'requests'],
  ebpfa: ['viewer', 'mobileLines', 'fixedLines', 'mobileInvoices', 'orders', 'requests'],
};
/** Fields that are null while the system is down. */
const DEPENDENT_FIELDS: Record<StandInName, string[]> = {
  crm: ['mobileLines', 'fixedLines', 'mobileInvoices', 'fixedInvoices', 'orders', 'requests'],
  ebill: ['mobileInvoices'],
  ebpfa: ['fixedInvoices'],
};
const SYSTEM: Record<StandInName, SystemName> = { crm: 'CRM', ebill: 'eBill', ebpfa: 'EBPFA' };

let stack: TestStack;
let token: string;
beforeAll(async () => {
  stack = await startTestStack({ env: { LEGACY_BREAKER_HALF_OPEN_AFTER_MS: String(HALF_OPEN_AFTER_MS) } });
  token = await tokenFor(stack, 'ginevra.vallisneri');
});
afterAll(async () => {
  await stack?.stop();
});

async function dashboard(): Promise<GraphQLResult & { ms: number }> {
  const startedAt = Date.now();
  const result = await graphql(stack, DASHBOARD, {}, token);
  return { ...result, ms: Date.now() - startedAt };
}

/** Every error is LEGACY_UNAVAILABLE naming `system`, with a correlation id and none of the legacy's own text. */
function expectOnlyUnavailable(result: GraphQLResult, system: SystemName): void {
  for (const error of result.body.errors ?? []) {
    expect(error.extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system, correlationId: expect.any(String) });
    expect(error.message).toBe(`${system} is not available right now; try again later.`);
  }
}

const calls = async (name: StandInName) => Object.values(await counters(stack, name)).reduce((a, b) => a + b, 0);

describe.each(['ebill', 'ebpfa', 'crm'] as const)('the dashboard while %s fails', (name) => {
  const system = SYSTEM[name];
  beforeEach(async () => {
    await setFaults(stack, name, { '*': CLEAR });
  });
  afterAll(async () => {
    await setFaults(stack, name, { '*': CLEAR });
  });

  for (const [label, fault] of [['down', { down: true }], ['slow past the budget', SLOW]] as const) {
    it(`answers within the budget with the other systems' data when ${name} is ${label}`, async () => {
      await setFaults(stack, name, { '*': fault });
      for (let i = 0; i < 2; i++) {
        const result = await dashboard();
        console.log(`dashboard with ${system} ${label}: ${result.ms} ms, ${result.body.errors?.length ?? 0} errors`);
        expect(result.status).toBe(200);
        expect(result.ms).toBeLessThan(DASHBOARD_BUDGET_MS);
        expect(result.body.errors?.length).toBeGreaterThan(0);
        expectOnlyUnavailable(result, system);
        for (const field of INDEPENDENT_FIELDS[name]) expect(result.body.data[field], field).not.toBeNull();
        for (const field of DEPENDENT_FIELDS[name]) expect(result.body.data[field], field).toBeNull();
      }
    });
  }

  it(`answers within the budget, with data or typed errors, when ${name} fails half of its calls`, async () => {
    await setFaults(stack, name, { '*': { errorRate: 0.5 } });
    for (let i = 0; i < 4; i++) {
      const result = await dashboard();
      expect(result.status).toBe(200);
      expect(result.ms).toBeLessThan(DASHBOARD_BUDGET_MS);
      expectOnlyUnavailable(result, system);
      for (const field of INDEPENDENT_FIELDS[name]) expect(result.body.data[field], field).not.toBeNull();
    }
  });

  it(`opens the breaker on ${name}: no more calls, even once it is back; then a probe closes it`, async () => {
    await setFaults(stack, name, { '*': { errorRate: 1 } });
    // Each process holding a breaker on the system opens it after its own failures: dashboards until none calls.
    let open = false;
    for (let i = 0; i < 8 && !open; i++) {
      await resetCounters(stack, name);
      await dashboard();
      open = (await calls(name)) === 0;
    }
    expect(open, `${system} still called after 8 failing dashboards`).toBe(true);

    // The system is healthy again, but the breakers are open: fast answers, the system's fields still missing.
    await setFaults(stack, name, { '*': CLEAR });
    const whileOpen = await dashboard();
    expect(await calls(name)).toBe(0);
    expect(whileOpen.ms).toBeLessThan(1_000);
    expect(whileOpen.body.errors?.length).toBeGreaterThan(0);
    expectOnlyUnavailable(whileOpen, system);

    // After halfOpenAfter, one probe per process goes through, succeeds and closes the breaker: complete answers.
    await expect.poll(async () => (await dashboard()).body.errors?.length ?? 0, { timeout: HALF_OPEN_AFTER_MS * 4, interval: 500 }).toBe(0);
    expect(await calls(name)).toBeGreaterThan(0);
  }, 60_000);
});
