import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEbillClient } from '../../adapters/ebill';
import { counters, graphql, setFaults, startTestStack, tokenFor, type TestStack } from '../support/stack';
import { confirmed } from '../support/change-summary';
import { requestsOn as requestsOnLine } from '../support/requests';

/**
 * Exactly once across CRM and eBill for a spending threshold (seed 002 §7.5; CON-05): each line's change is a
 * pratica (and ordine) in CRM, then eBill's threshold keyed by the pratica id. eBill failing after CRM wrote, or the
 * consumption subgraph SIGKILLed between the two writes, leaves the pratica alone; the client's retry with the same
 * key replays it and completes eBill's write once: one pratica, one threshold.
 */
const ROA = 'vincenzo.roa';
const CHANGE = `mutation($input: ChangeSpendingThresholdsInput!) { changeSpendingThresholds(input: $input) {
  number outcome { request { id } order { id } line { number } } refusal { code message } } }`;
const ACTIVATE = `mutation($input: ActivateSpendingThresholdsInput!) { activateSpendingThresholds(input: $input) {
  number outcome { request { id } order { id } line { number } } refusal { code message } } }`;

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

interface Threshold { kind: string; nature: string; period: string; value: string; active: boolean }
async function spendingThresholds(number: string): Promise<Threshold[]> {
  const { body } = await graphql(stack, `{ mobileLine(number: "${number}") { spendingThresholds { kind nature period value active } } }`, {}, token);
  return (body.data.mobileLine.spendingThresholds as Threshold[]).filter((t) => t.kind === 'SPENDING');
}

const requestsOn = (number: string, description: string) => requestsOnLine(stack, token, number, description);

/** The request as the page sends it: the summary downloaded first, its reference quoted. */
/** The request as the page sends it: the summary downloaded first (changeSummary), its reference quoted. */
async function confirmedInput(mutation: string, number: string, terms: Record<string, unknown>, idempotencyKey: string) {
  return { ...await confirmed(stack, token, mutation, { lines: [{ number }], ...terms }), idempotencyKey };
}

/** Sends the same request until a line's outcome comes back; unreachable or a typed failure both mean "try again". */
async function untilAcknowledged(document: string, field: string, input: Record<string, unknown>): Promise<string> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const answer = await graphql(stack, document, { input }, token).catch(() => null);
    const [result] = answer?.body.data?.[field] ?? [null];
    if (result?.outcome) return result.outcome.request.id;
    const code = result?.refusal?.code ?? answer?.body.errors?.[0]?.extensions?.code;
    expect(['LEGACY_UNAVAILABLE', 'SERVICE_UNAVAILABLE', undefined]).toContain(code);
    await sleep(500);
  }
  throw new Error(`${String(input.idempotencyKey)} never acknowledged`);
}

describe('CON-05 a threshold change recorded in CRM and applied in eBill', () => {
  it('eBill failing after CRM wrote: the line answers the failure, the retry completes it, each system holds it once', async () => {
    const line = '3312548662';
    expect(await spendingThresholds(line)).toEqual([{ kind: 'SPENDING', nature: 'DISPOSITIVE', period: 'MONTHLY', value: '0.00', active: true }]);
    const pratiche = await requestsOn(line, 'Variazione soglie di spesa');
    const input = await confirmedInput('changeSpendingThresholds', line, { amount: '10' }, 'threshold-ebill-down');

    await setFaults(stack, 'ebill', { 'soglie/varia': { down: true } });
    const failed = await graphql(stack, CHANGE, { input }, token);
    expect(failed.body.data.changeSpendingThresholds[0]).toMatchObject({ number: line, outcome: null, refusal: { code: 'LEGACY_UNAVAILABLE' } });
    expect(await requestsOn(line, 'Variazione soglie di spesa')).toHaveLength(pratiche.length + 1);
    expect((await spendingThresholds(line))[0].value).toBe('0.00');

    await setFaults(stack, 'ebill', { 'soglie/varia': null });
    const first = await untilAcknowledged(CHANGE, 'changeSpendingThresholds', input);
    expect(await untilAcknowledged(CHANGE, 'changeSpendingThresholds', input)).toBe(first);
    const created = (await requestsOn(line, 'Variazione soglie di spesa')).filter((id) => !pratiche.includes(id));
    expect(created).toEqual([first]);
    expect(await spendingThresholds(line)).toEqual([{ kind: 'SPENDING', nature: 'DISPOSITIVE', period: 'MONTHLY', value: '10.00', active: true }]);
  }, 120_000);

  it('the consumption subgraph SIGKILLed between the two writes: the retry completes it, each system holds it once', async () => {
    const line = '3312545213';
    expect(await spendingThresholds(line)).toEqual([]);
    const pratiche = await requestsOn(line, 'Attivazione soglie di spesa');
    const input = await confirmedInput('activateSpendingThresholds', line, { nature: 'INFORMATIVE', period: 'DAILY', amount: '25' }, 'threshold-sigkill');
    const crmBefore = (await counters(stack, 'crm')).CreaPratica ?? 0;
    const ebillBefore = (await counters(stack, 'ebill'))['soglie/attiva'] ?? 0;

    // eBill takes the write and never answers: CRM has written, eBill has not, and the subgraph is waiting.
    await setFaults(stack, 'ebill', { 'soglie/attiva': { timeout: true } });
    const inFlight = graphql(stack, ACTIVATE, { input }, token).catch(() => null);
    for (let i = 0; i < 200 && ((await counters(stack, 'ebill'))['soglie/attiva'] ?? 0) === ebillBefore; i++) await sleep(50);
    expect((await counters(stack, 'crm')).CreaPratica).toBe(crmBefore + 1);
    await stack.kill('consumption', 'SIGKILL');
    await inFlight;
    await stack.restart('consumption');
    await setFaults(stack, 'ebill', { 'soglie/attiva': null });
    expect(await spendingThresholds(line)).toEqual([]);

    const first = await untilAcknowledged(ACTIVATE, 'activateSpendingThresholds', input);
    expect(await untilAcknowledged(ACTIVATE, 'activateSpendingThresholds', input)).toBe(first);
    const created = (await requestsOn(line, 'Attivazione soglie di spesa')).filter((id) => !pratiche.includes(id));
    expect(created).toEqual([first]);
    expect(await spendingThresholds(line)).toEqual([{ kind: 'SPENDING', nature: 'INFORMATIVE', period: 'DAILY', value: '25.00', active: true }]);
    console.log(`thresholds, two systems: CreaPratica calls ${((await counters(stack, 'crm')).CreaPratica ?? 0) - crmBefore}, `
      + `eBill soglie/attiva calls ${((await counters(stack, 'ebill'))['soglie/attiva'] ?? 0) - ebillBefore}, one pratica, one threshold`);
  }, 240_000);
});

/**
 * Issue 19, "once per fact": two tabs, two keys, one threshold change. Both confirm the same summary and send at once:
 * both pass the rules before either writes. The change's fact (`oncePer`: the threshold's next change after the
 * version eBill holds) is CRM's business key, so CRM records one pratica and answers it to both, and eBill, which
 * takes the write only at that version, changes the threshold once.
 */
describe('Appendix row 23 (§7.5.2, CON-05): changeSpendingThresholds from two tabs under two keys', () => {
  /** The line's spending threshold as eBill holds it, read through the real adapter: its version counts the changes. */
  async function ebillThreshold(number: string) {
    const [thresholds] = await createEbillClient({ url: stack.components.get('ebill')!.url }).getThresholds([number]);
    return thresholds.find((t) => t.kind === 'SPENDING')!;
  }

  it('CON-05 records one pratica, answers it to both tabs, and changes eBill\'s threshold once', async () => {
    const line = '3312544025';
    const before = await ebillThreshold(line);
    expect(before).toMatchObject({ value: '50.00', active: true });
    const pratiche = await requestsOn(line, 'Variazione soglie di spesa');
    const confirmedChange = await confirmed(stack, token, 'changeSpendingThresholds', { lines: [{ number: line }], amount: '45' });
    const answers = await Promise.all(['two-tabs-threshold-1', 'two-tabs-threshold-2'].map((idempotencyKey) =>
      graphql(stack, CHANGE, { input: { ...confirmedChange, idempotencyKey } }, token)));
    for (const { body } of answers) expect(body.errors).toBeUndefined();
    const [first, second] = answers.map(({ body }) => body.data.changeSpendingThresholds[0]);
    expect(first.refusal).toBeNull();
    expect(second).toEqual(first);
    const created = (await requestsOn(line, 'Variazione soglie di spesa')).filter((id) => !pratiche.includes(id));
    expect(created).toEqual([first.outcome.request.id]);
    expect(await ebillThreshold(line)).toMatchObject({ value: '45.00', version: before.version + 1 });
  }, 120_000);

  it('CON-05 the same fact asked otherwise from the other tab is refused, and the threshold holds the first tab\'s change', async () => {
    const line = '3312544025';
    const before = await ebillThreshold(line);
    const pratiche = await requestsOn(line, 'Variazione soglie di spesa');
    const [one, other] = await Promise.all(['40', '35'].map((amount) => confirmed(stack, token, 'changeSpendingThresholds', { lines: [{ number: line }], amount })));
    const answers = await Promise.all([{ ...one, idempotencyKey: 'two-tabs-otherwise-1' }, { ...other, idempotencyKey: 'two-tabs-otherwise-2' }]
      .map((input) => graphql(stack, CHANGE, { input }, token)));
    const results = answers.map(({ body }) => body.data.changeSpendingThresholds[0]);
    const winner = results.findIndex((r) => r.outcome);
    expect(results.filter((r) => r.outcome)).toHaveLength(1);
    expect(results[1 - winner].refusal.code).toBe('LEGACY_REJECTED');
    const created = (await requestsOn(line, 'Variazione soglie di spesa')).filter((id) => !pratiche.includes(id));
    expect(created).toEqual([results[winner].outcome.request.id]);
    expect(await ebillThreshold(line)).toMatchObject({ value: ['40.00', '35.00'][winner], version: before.version + 1 });
  }, 120_000);
});
