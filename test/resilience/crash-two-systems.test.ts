import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, graphql, setFaults, startTestStack, tokenFor, type TestStack } from '../support/stack';
import { confirmed } from '../support/change-summary';
import { requestsOn as requestsOnLine } from '../support/requests';

/**
 * Exactly once across two systems and across a list: a one-shot company recharge (seed 002 §7.3.4) is a pratica in
 * CRM and a credit in eBill. The pratica is written first; a failure or a SIGKILL before eBill's write leaves it
 * alone, and the client's retry with the same key replays the pratica and credits once. A list operation retried
 * through CRM failures and a crash ends with one pratica per line.
 */
const ROA = 'pasquale.eu';
const RECHARGE = `mutation($input: CompanyRechargeInput!) { requestCompanyRecharge(input: $input) { request { id } order { id } line { number } } }`;
const WAIVE = `mutation($input: AutomaticRechargeChangeInput!) { waiveAutomaticRecharge(input: $input) {
  number outcome { request { id } line { automaticRecharge { mode rechargedNextMonth changedForMonth } } } refusal { code message } } }`;

let stack: TestStack;
let token: string;
beforeAll(async () => {
  // The machine's cores are shared: a slow start is not what this file tests.
  stack = await startTestStack({ readyTimeoutMs: 180_000, env: { MUTATIONS_PER_MINUTE: '10000' } });
  token = await tokenFor(stack, ROA);
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

async function credit(number: string): Promise<number> {
  const { body } = await graphql(stack, `{ mobileLine(number: "${number}") { residualCredit { amount } } }`, {}, token);
  return Math.round(Number(body.data.mobileLine.residualCredit.amount) * 100);
}

const requestsOn = (number: string, description: string) => requestsOnLine(stack, token, number, description);

/** The summary the page asks before confirming (Appendix row 7), once per request: every retry quotes the same reference. */
const confirmedRecharges = new Map<string, Promise<Record<string, unknown>>>();
async function recharge(number: string, idempotencyKey: string) {
  const input = { number, kind: 'ONE_SHOT', amount: '22' };
  if (!confirmedRecharges.has(idempotencyKey)) confirmedRecharges.set(idempotencyKey, confirmed(stack, token, 'requestCompanyRecharge', input));
  return graphql(stack, RECHARGE, { input: { ...await confirmedRecharges.get(idempotencyKey)!, idempotencyKey } }, token);
}

/** Retries with the same key until acknowledged; gateway unreachable or a typed failure both mean "try again". */
async function untilAcknowledged(number: string, idempotencyKey: string): Promise<string> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const answer = await recharge(number, idempotencyKey).catch(() => null);
    const outcome = answer?.body.data?.requestCompanyRecharge;
    if (outcome) return outcome.request.id;
    const code = answer?.body.errors?.[0]?.extensions?.code;
    expect(['LEGACY_UNAVAILABLE', 'SERVICE_UNAVAILABLE', undefined]).toContain(code);
    await sleep(500);
  }
  throw new Error(`${idempotencyKey} never acknowledged`);
}

describe('MOB-16 a company recharge recorded in CRM and applied in eBill', () => {
  it('eBill failing after CRM wrote: the client sees the failure, the retry completes it, each system holds it once', async () => {
    const line = '3346075368';
    const creditBefore = await credit(line);
    const pratiche = await requestsOn(line, 'Richiesta ricarica aziendale');

    await setFaults(stack, 'ebill', { 'linee/ricarica': { down: true } });
    const failed = await recharge(line, 'two-systems-ebill-down');
    expect(failed.body.errors[0].extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system: 'eBill' });
    expect(await requestsOn(line, 'Richiesta ricarica aziendale')).toHaveLength(pratiche.length + 1);
    expect(await credit(line)).toBe(creditBefore);

    await setFaults(stack, 'ebill', { 'linee/ricarica': null });
    const first = await untilAcknowledged(line, 'two-systems-ebill-down');
    const again = await untilAcknowledged(line, 'two-systems-ebill-down');
    expect(again).toBe(first);
    expect(await requestsOn(line, 'Richiesta ricarica aziendale')).toEqual(expect.arrayContaining([first]));
    expect(await requestsOn(line, 'Richiesta ricarica aziendale')).toHaveLength(pratiche.length + 1);
    expect(await credit(line)).toBe(creditBefore + 2_200);
  }, 120_000);

  it('the mobile subgraph SIGKILLed between the two writes: the retry completes it, each system holds it once', async () => {
    const line = '3346076607';
    const creditBefore = await credit(line);
    const pratiche = await requestsOn(line, 'Richiesta ricarica aziendale');
    const crmBefore = (await counters(stack, 'crm')).CreaPratica ?? 0;
    const ebillBefore = (await counters(stack, 'ebill'))['linee/ricarica'] ?? 0;

    // eBill takes the credit and never answers: CRM has written, eBill has not, and the subgraph is waiting.
    await setFaults(stack, 'ebill', { 'linee/ricarica': { timeout: true } });
    const inFlight = recharge(line, 'two-systems-sigkill').catch(() => null);
    for (let i = 0; i < 200 && ((await counters(stack, 'ebill'))['linee/ricarica'] ?? 0) === ebillBefore; i++) await sleep(50);
    expect((await counters(stack, 'crm')).CreaPratica).toBe(crmBefore + 1);
    await stack.kill('mobile', 'SIGKILL');
    await inFlight;
    await stack.restart('mobile');
    await setFaults(stack, 'ebill', { 'linee/ricarica': null });
    expect(await credit(line)).toBe(creditBefore);

    const first = await untilAcknowledged(line, 'two-systems-sigkill');
    expect(await untilAcknowledged(line, 'two-systems-sigkill')).toBe(first);
    expect(await requestsOn(line, 'Richiesta ricarica aziendale')).toHaveLength(pratiche.length + 1);
    expect(await credit(line)).toBe(creditBefore + 2_200);
    console.log(`two systems: CreaPratica calls ${((await counters(stack, 'crm')).CreaPratica ?? 0) - crmBefore}, `
      + `eBill linee/ricarica calls ${((await counters(stack, 'ebill'))['linee/ricarica'] ?? 0) - ebillBefore}, one pratica, one credit`);
  }, 240_000);
});

describe('a list operation retried through failures and a crash', () => {
  it('a crash while CRM writes, then CRM failing half the calls: one pratica per line, the refused line refused', async () => {
    const lines = ['3351050823', '3700034020', '3346075368', '3346076607', '3700801103'];
    const before = new Map(await Promise.all(lines.map(async (n) => [n, await requestsOn(n, 'Rinuncia ricarica aziendale')] as const)));
    // The summary confirms the four lines whose rules pass (Appendix row 6); the fifth is refused by its rule first.
    const { confirmationRef } = await confirmed(stack, token, 'waiveAutomaticRecharge', { lines: lines.slice(0, 4).map((number) => ({ number })) });
    const input = { lines: lines.map((number) => ({ number })), confirmationRef, idempotencyKey: 'bulk-waive-1' };
    const seen = new Map<string, Set<string>>(lines.map((n) => [n, new Set()]));
    let final: { number: string; outcome: { request: { id: string }; line: { automaticRecharge: { rechargedNextMonth: boolean } } } | null; refusal: { code: string } | null }[] = [];

    // 1. The subgraph dies while CRM is writing the items (slowly): CRM completes them, the client never hears back.
    const crmBefore = (await counters(stack, 'crm')).CreaPratica ?? 0;
    await setFaults(stack, 'crm', { CreaPratica: { latencyMs: 1_500 } });
    const lost = graphql(stack, WAIVE, { input }, token).catch(() => null);
    for (let i = 0; i < 200 && ((await counters(stack, 'crm')).CreaPratica ?? 0) < crmBefore + 4; i++) await sleep(50);
    await stack.kill('mobile', 'SIGKILL');
    expect((await lost)?.body.data?.waiveAutomaticRecharge ?? null).toBeNull();
    await stack.restart('mobile');
    // 2. Then CRM fails half of the writes and of the key look-ups while the client retries the list, same key.
    await setFaults(stack, 'crm', { CreaPratica: { errorRate: 0.5 }, GetEsitoPratica: { errorRate: 0.5 } });
    let attempts = 0;
    for (; attempts < 40; attempts++) {
      if (attempts === 6) await setFaults(stack, 'crm', { CreaPratica: null, GetEsitoPratica: null });
      const answer = await graphql(stack, WAIVE, { input }, token).catch(() => null);
      const results = answer?.body.data?.waiveAutomaticRecharge;
      if (results) {
        final = results;
        for (const r of results) if (r.outcome) seen.get(r.number)!.add(r.outcome.request.id);
        if (results.every((r: (typeof final)[number]) => r.outcome || r.refusal?.code === 'LEGACY_REJECTED')) break;
      }
      await sleep(200);
    }
    await setFaults(stack, 'crm', { CreaPratica: null, GetEsitoPratica: null });

    console.log(`bulk: ${lines.length} lines, the first attempt lost in a crash, then ${attempts + 1} retries with the same key`);
    const refused = final.filter((r) => r.refusal);
    expect(refused.map((r) => [r.number, r.refusal!.code])).toEqual([['3700801103', 'LEGACY_REJECTED']]);
    for (const number of lines.slice(0, 4)) {
      // Every attempt that answered an outcome for the line answered the same pratica, and CRM holds exactly it.
      expect(seen.get(number)!.size, number).toBe(1);
      const created = (await requestsOn(number, 'Rinuncia ricarica aziendale')).filter((id) => !before.get(number)!.includes(id));
      expect(created, number).toEqual([...seen.get(number)!]);
      expect(final.find((r) => r.number === number)!.outcome!.line.automaticRecharge.rechargedNextMonth).toBe(false);
    }
    expect(await requestsOn('3700801103', 'Rinuncia ricarica aziendale')).toEqual(before.get('3700801103'));
  }, 240_000);
});
