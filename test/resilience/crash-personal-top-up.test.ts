import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidTopUp, START_TOP_UP } from '../support/checkout';
import { counters, graphql, setFaults, startTestStack, tokenFor, type TestStack } from '../support/stack';
import { requestsOn as requestsOnLine } from '../support/requests';

/**
 * Issue 12 (seed 002 §9.1.2, Appendix row 33): a personal top-up is charged once by the provider and credited once
 * by eBill, with its one pratica in CRM, whatever the double clicks, the systems failing between the steps and the
 * crashes: the provider (SIGKILL after the charge), CRM (down before the pratica), eBill (failing after the pratica)
 * and the mobile subgraph (SIGKILLed between CRM's write and eBill's). The client retries with the same key; two
 * clients racing under two keys make one pratica too (CRM's business key, the payment's id).
 */
const EMPLOYEE = 'gina.eu';
const LINE = '3700034020';
const PRATICA = 'Ricarica manuale web/app';
const COMPLETE = `mutation($input: CompletePersonalTopUpInput!) { completePersonalTopUp(input: $input) {
  request { id description } order { id } topUp { paymentId orderNumber line { number } amount paidWith personalCredit } } }`;

/** The ROA of the contract of gina's line: the employee's pratiche are monitored by him (seed 002 §9.1.2). */
const ROA = 'pasquale.eu';

let stack: TestStack;
let token: string;
let roaToken: string;
beforeAll(async () => {
  // The machine's cores are shared: a slow start is not what this file tests.
  stack = await startTestStack({ readyTimeoutMs: 180_000, env: { MUTATIONS_PER_MINUTE: '10000' } });
  token = await tokenFor(stack, EMPLOYEE);
  roaToken = await tokenFor(stack, ROA);
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

async function personalCents(): Promise<number> {
  const { body } = await graphql(stack, `{ mobileLine(number: "${LINE}") { personalCredit { amount } } }`, {}, token);
  return Math.round(Number(body.data.mobileLine.personalCredit.amount) * 100);
}

/** The pratiche of the change on the line, as the ROA sees them in the requests history. */
const pratiche = () => requestsOnLine(stack, roaToken, LINE, PRATICA);

/** The provider's own record of the payment, read with the merchant's key: how many times it charged. */
async function chargesAtProvider(paymentId: string): Promise<number> {
  const res = await fetch(`${stack.components.get('payments')!.url}/v1/payments/${paymentId}`, { headers: { authorization: 'Bearer onegraph-payments' } });
  return ((await res.json()) as { charges: unknown[] }).charges.length;
}

const complete = (paymentId: string, idempotencyKey: string) => graphql(stack, COMPLETE, { input: { paymentId, idempotencyKey } }, token);

/** Retries with the same key until acknowledged; gateway unreachable or a typed failure both mean "try again". */
async function untilAcknowledged(paymentId: string, idempotencyKey: string): Promise<{ request: { id: string }; topUp: Record<string, unknown> }> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const answer = await complete(paymentId, idempotencyKey).catch(() => null);
    const outcome = answer?.body.data?.completePersonalTopUp;
    if (outcome) return outcome;
    expect(['LEGACY_UNAVAILABLE', 'SERVICE_UNAVAILABLE', undefined]).toContain(answer?.body.errors?.[0]?.extensions?.code);
    await sleep(500);
  }
  throw new Error(`${idempotencyKey} never acknowledged`);
}

/** After a story: one pratica more, one charge at the provider, the amount credited once. */
async function expectOnce(paymentId: string, cents: number, before: { credit: number; pratiche: string[] }) {
  expect(await chargesAtProvider(paymentId)).toBe(1);
  expect(await pratiche()).toHaveLength(before.pratiche.length + 1);
  expect(await personalCents()).toBe(before.credit + cents);
}

const snapshot = async () => ({ credit: await personalCents(), pratiche: await pratiche() });

describe('MOB-19 a personal top-up, charged once and credited once', () => {
  it('double clicks: the same key starts one payment, and completes it once, as the seed\'s confirmation shows it', async () => {
    const before = await snapshot();
    const input = { number: LINE, amount: '25', newMethod: 'CARD', saveMethod: true, idempotencyKey: 'double-click-start' };
    const starts = await Promise.all([1, 2, 3].map(() => graphql(stack, START_TOP_UP, { input }, token)));
    const ids = new Set(starts.map((s) => s.body.data.startPersonalTopUp.id));
    expect(ids.size).toBe(1);
    expect((await counters(stack, 'payments'))['payments/create']).toBeGreaterThanOrEqual(3);

    const paymentId = await paidTopUp(stack, token, { number: LINE, amount: '25', key: 'double-click-start' });
    expect(ids).toContain(paymentId);
    const clicks = await Promise.all([1, 2, 3].map(() => complete(paymentId, 'double-click-complete')));
    const outcomes = clicks.map((c) => c.body.data?.completePersonalTopUp);
    expect(outcomes.every((o) => o !== undefined && o !== null)).toBe(true);
    expect(new Set(outcomes.map((o) => o.request.id)).size).toBe(1);
    expect(outcomes[0]).toMatchObject({
      request: { description: PRATICA }, order: null,
      topUp: { paymentId, line: { number: LINE }, amount: '25.00', paidWith: '*****0119', personalCredit: ((before.credit + 2_500) / 100).toFixed(2) },
    });
    expect(outcomes[0].topUp.orderNumber).toMatch(/^[0-9A-F]{10}$/);
    await expectOnce(paymentId, 2_500, before);

    // Another key for the same payment: refused, nothing written.
    const other = await complete(paymentId, 'double-click-other-key');
    expect(other.body.errors[0].extensions.code).toBe('LEGACY_REJECTED');
    await expectOnce(paymentId, 2_500, before);
  }, 180_000);

  it('two tabs completing one payment under two keys: both pass the rules, CRM records one pratica, eBill credits once', async () => {
    const paymentId = await paidTopUp(stack, token, { number: LINE, amount: '10', key: 'two-tabs' });
    const before = await snapshot();
    const crmBefore = (await counters(stack, 'crm')).CreaPratica ?? 0;
    // CRM slow to answer: both completions have passed the graph's rules (nothing credited yet) before either is written.
    await setFaults(stack, 'crm', { CreaPratica: { latencyMs: 400 } });
    const tabs = await Promise.all([complete(paymentId, 'two-tabs-a'), complete(paymentId, 'two-tabs-b')]);
    await setFaults(stack, 'crm', { CreaPratica: null });
    expect((await counters(stack, 'crm')).CreaPratica).toBe(crmBefore + 2);
    const [a, b] = tabs.map((tab) => tab.body.data?.completePersonalTopUp);
    expect(a.request.id).toBe(b.request.id);
    expect(b.topUp).toMatchObject({ paymentId, amount: '10.00', personalCredit: ((before.credit + 1_000) / 100).toFixed(2) });
    await expectOnce(paymentId, 1_000, before);
    // Each tab's retry answers the same pratica: the second key is now bound to it.
    expect((await complete(paymentId, 'two-tabs-b')).body.data.completePersonalTopUp.request.id).toBe(a.request.id);
    await expectOnce(paymentId, 1_000, before);
  }, 180_000);

  it('a payment not confirmed on the provider\'s page is refused, and nothing is written', async () => {
    const before = await snapshot();
    const { body } = await graphql(stack, START_TOP_UP, { input: { number: LINE, amount: '10', newMethod: 'PAYPAL', idempotencyKey: 'not-confirmed' } }, token);
    const refused = await complete(body.data.startPersonalTopUp.id, 'not-confirmed-complete');
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'LEGACY_REJECTED' });
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it('the provider SIGKILLed after the charge: the completion fails, writes nothing, and the retry completes it once', async () => {
    const paymentId = await paidTopUp(stack, token, { number: LINE, amount: '50', key: 'provider-crash' });
    const before = await snapshot();
    await stack.kill('payments', 'SIGKILL');
    const failed = await complete(paymentId, 'provider-crash-complete');
    expect(failed.body.errors[0].extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system: 'Payments' });
    expect(await snapshot()).toEqual(before);
    await stack.restart('payments');
    await untilAcknowledged(paymentId, 'provider-crash-complete');
    await untilAcknowledged(paymentId, 'provider-crash-complete');
    await expectOnce(paymentId, 5_000, before);
  }, 180_000);

  it('CRM down before the pratica: nothing written; the retry completes it once', async () => {
    const paymentId = await paidTopUp(stack, token, { number: LINE, amount: '20', key: 'crm-down' });
    const before = await snapshot();
    await setFaults(stack, 'crm', { CreaPratica: { down: true } });
    const failed = await complete(paymentId, 'crm-down-complete');
    expect(failed.body.errors[0].extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system: 'CRM' });
    await setFaults(stack, 'crm', { CreaPratica: null });
    expect(await snapshot()).toEqual(before);
    await untilAcknowledged(paymentId, 'crm-down-complete');
    await expectOnce(paymentId, 2_000, before);
  }, 180_000);

  it('eBill failing after CRM wrote: the client sees the failure, the retry credits once under the same pratica', async () => {
    const paymentId = await paidTopUp(stack, token, { number: LINE, amount: '30', key: 'ebill-down' });
    const before = await snapshot();
    await setFaults(stack, 'ebill', { 'linee/ricarica-personale': { down: true } });
    const failed = await complete(paymentId, 'ebill-down-complete');
    expect(failed.body.errors[0].extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system: 'eBill' });
    expect(await pratiche()).toHaveLength(before.pratiche.length + 1);
    expect(await personalCents()).toBe(before.credit);
    await setFaults(stack, 'ebill', { 'linee/ricarica-personale': null });
    const first = await untilAcknowledged(paymentId, 'ebill-down-complete');
    const again = await untilAcknowledged(paymentId, 'ebill-down-complete');
    expect(again.request.id).toBe(first.request.id);
    await expectOnce(paymentId, 3_000, before);
  }, 180_000);

  it('the mobile subgraph SIGKILLed between CRM\'s write and eBill\'s: the retry completes it once', async () => {
    const paymentId = await paidTopUp(stack, token, { number: LINE, amount: '100', key: 'subgraph-crash' });
    const before = await snapshot();
    const crmBefore = (await counters(stack, 'crm')).CreaPratica ?? 0;
    const ebillBefore = (await counters(stack, 'ebill'))['linee/ricarica-personale'] ?? 0;
    // eBill takes the credit and never answers: CRM has written, eBill has not, and the subgraph is waiting.
    await setFaults(stack, 'ebill', { 'linee/ricarica-personale': { timeout: true } });
    const inFlight = complete(paymentId, 'subgraph-crash-complete').catch(() => null);
    for (let i = 0; i < 400 && ((await counters(stack, 'ebill'))['linee/ricarica-personale'] ?? 0) === ebillBefore; i++) await sleep(50);
    expect((await counters(stack, 'crm')).CreaPratica).toBe(crmBefore + 1);
    await stack.kill('mobile', 'SIGKILL');
    await inFlight;
    await stack.restart('mobile');
    await setFaults(stack, 'ebill', { 'linee/ricarica-personale': null });
    await untilAcknowledged(paymentId, 'subgraph-crash-complete');
    await expectOnce(paymentId, 10_000, before);
  }, 240_000);
});
