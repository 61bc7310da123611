import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, graphql, setFaults, startTestStack, tokenFor, type TestStack } from '../support/stack';
import { requestsOn as requestsOnLine } from '../support/requests';
import { confirmedInput } from '../support/tim-tuo-prepaid';

/**
 * h-prepaid (issue 12; seed 002 §9.2.1.3, Appendix row 42): a TIM TUO prepaid option is recorded once by CRM (its
 * pratica) and charged once by eBill (keyed by the pratica id), even when eBill fails after CRM wrote: the client
 * sees the failure, retries with the same key, and the retry completes the charge under the same pratica.
 */
const EMPLOYEE = 'gina.eu';
const LINE = '3700034020';
const PRATICA = 'Timtuoric-attiv pacc traff naz';
const ACTIVATE = `mutation($input: TimTuoPrepaidActivationInput!) { activateTimTuoNationalPackage(input: $input) {
  request { id } change { requestId charge price } line { timTuoPrepaid { personalCredit } } } }`;

let stack: TestStack;
let token: string;
let roaToken: string;
beforeAll(async () => {
  // The machine's cores are shared: a slow start is not what this file tests.
  stack = await startTestStack({ readyTimeoutMs: 180_000 });
  token = await tokenFor(stack, EMPLOYEE);
  // The ROA of the contract of gina's line monitors her pratiche (seed 002 §9.2.1.3).
  roaToken = await tokenFor(stack, 'pasquale.eu');
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

/** The pratiche of the change on the line, as the ROA sees them in the requests history. */
const pratiche = () => requestsOnLine(stack, roaToken, LINE, PRATICA);

async function credit(): Promise<string> {
  const { body } = await graphql(stack, `{ mobileLine(number: "${LINE}") { timTuoPrepaid { personalCredit } } }`, {}, token);
  return body.data.mobileLine.timTuoPrepaid.personalCredit;
}

describe('BIL-11 a TIM TUO prepaid option, recorded once and charged once', () => {
  it('eBill down after CRM wrote: the failure is seen, nothing is charged; the retries charge it once under the one pratica', async () => {
    const input = { ...await confirmedInput(stack, token, { number: LINE, family: 'NATIONAL_PACKAGE', action: 'ACTIVATE', option: 'S4' }), idempotencyKey: 'crash-prepaid-s4' };
    expect(await credit()).toBe('135.00');

    await setFaults(stack, 'ebill', { 'linee/tim-tuo-ric/variazione': { down: true } });
    const failed = await graphql(stack, ACTIVATE, { input }, token);
    expect(failed.body.errors[0].extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system: 'eBill' });
    const recorded = await pratiche();
    expect(recorded).toHaveLength(1);
    expect(await credit()).toBe('135.00');
    await setFaults(stack, 'ebill', { 'linee/tim-tuo-ric/variazione': null });

    const charges = (await counters(stack, 'ebill'))['linee/tim-tuo-ric/variazione'] ?? 0;
    const retries = [await graphql(stack, ACTIVATE, { input }, token), await graphql(stack, ACTIVATE, { input }, token)];
    for (const { body } of retries) {
      expect(body.errors).toBeUndefined();
      expect(body.data.activateTimTuoNationalPackage).toMatchObject({
        request: { id: recorded[0] }, change: { requestId: recorded[0], charge: 'CHARGED', price: '5.00' },
      });
    }
    // Each retry asks eBill again under the pratica id (the engine's step 5), and eBill charges only the first.
    expect((await counters(stack, 'ebill'))['linee/tim-tuo-ric/variazione']).toBe(charges + 2);
    expect(await pratiche()).toEqual(recorded);
    expect(await credit()).toBe('130.00');
  }, 180_000);
});

/**
 * Issue 19 item 4: two tabs, two keys, one change. Both confirm the same summary and send at once: both pass the
 * graph's "one change at a time" rule before either writes, and the change's fact (`oncePer`: the line's next change)
 * is CRM's business key, so CRM records one pratica and answers it to both, and eBill charges once.
 */
describe('Appendix row 44 (BIL-11): the same change from two tabs under two keys', () => {
  const PLAFOND = 'Timtuoric-attiv plaf dati naz';
  const ACTIVATE_PLAFOND = `mutation($input: TimTuoPrepaidActivationInput!) { activateTimTuoExtraDataPlafond(input: $input) {
    request { id } change { requestId charge price } } }`;

  it('records one pratica, answers it to both tabs, and charges the personal credit once', async () => {
    const confirmed = await confirmedInput(stack, token, { number: LINE, family: 'EXTRA_DATA_PLAFOND', action: 'ACTIVATE', option: 'PLUS_1GB' });
    const before = Number(await credit());
    const answers = await Promise.all(['two-tabs-first-tab', 'two-tabs-other-tab'].map((idempotencyKey) =>
      graphql(stack, ACTIVATE_PLAFOND, { input: { ...confirmed, idempotencyKey } }, token)));
    for (const { body } of answers) expect(body.errors).toBeUndefined();
    const [first, second] = answers.map(({ body }) => body.data.activateTimTuoExtraDataPlafond);
    expect(second).toEqual(first);
    expect(first.change).toMatchObject({ requestId: first.request.id, charge: 'CHARGED' });
    expect(await requestsOnLine(stack, roaToken, LINE, PLAFOND)).toEqual([first.request.id]);
    expect(Number(await credit())).toBeCloseTo(before - Number(first.change.price), 2);
  });
});
