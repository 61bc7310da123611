import { describe, expect, it } from 'vitest';
import { sendChange } from '../support/change-summary';
import { requestsOn } from '../support/requests';
import { setFaults, tokenFor } from '../support/stack';
import { useStack } from '../support/use-stack';

/**
 * Issue 19, keys that hold. Item 8: a list change's idempotency key names the whole list (engine.ts
 * runDispositiveList, CRM's `chiaveLista`). Each line runs under a key derived from the client's and the line, so
 * before this a second list under the same key ran its new lines as new pratiche. Now: the same list again answers
 * each line its first outcome and writes nothing, and completes a line a failure cut short; another list under the
 * key (a line added, or dropped) is BAD_USER_INPUT on `input.idempotencyKey`, and none of its lines runs. Item 4:
 * one TIM TUO change from two tabs under two keys is one pratica.
 */
  // The machine's cores are shared: a slow start is not what this file tests.
const stack = useStack({ env: { MUTATIONS_PER_MINUTE: '1000' } });
interface ListCase { title: string; user: string; mutation: string; inputType: string; pratica: string; first: string; added: string }
const CASES: ListCase[] = [
  { title: 'Appendix row 6 (§7.3.3): waiveAutomaticRecharge', user: 'pasquale.eu', mutation: 'waiveAutomaticRecharge',
    inputType: 'AutomaticRechargeChangeInput', pratica: 'Rinuncia ricarica aziendale', first: '3346076607', added: '3346075368' },
  { title: 'Appendix row 19 (§7.4.7, BIL-09): ceasePostpaidTimTuo', user: 'vincenzo.roa', mutation: 'ceasePostpaidTimTuo',
    inputType: 'CeaseTimTuoInput', pratica: 'Cessazione TIM TUO', first: '3312547310', added: '3312548681' },
  { title: 'Appendix row 20 (§7.4.7, BIL-09): ceasePrepaidTimTuo', user: 'pasquale.eu', mutation: 'ceasePrepaidTimTuo',
    inputType: 'CeaseTimTuoInput', pratica: 'Cessazione TIM TUO', first: '3700801103', added: '3346076607' },
];

describe.each(CASES)('$title: the key names the whole list', ({ user, mutation, inputType, pratica, first, added }) => {
  const key = `list-key-${mutation}`;
  // Sent as the page sends it: the summary downloaded first where the row asks for one (changeSummary).
  const send = async (numbers: string[]) => (await sendChange(stack,
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { number outcome { request { id } } refusal { code field } } }`,
    { lines: numbers.map((number) => ({ number })), idempotencyKey: key }, await tokenFor(stack, user))).body;
  const pratiche = async (number: string) => requestsOn(stack, await tokenFor(stack, user), number, pratica);
  let firstOutcome: unknown;

  it('runs the list once', async () => {
    const body = await send([first]);
    expect(body.errors).toBeUndefined();
    expect(body.data[mutation]).toMatchObject([{ number: first, outcome: { request: { id: expect.stringMatching(/^7-\d+$/) } }, refusal: null }]);
    firstOutcome = body.data[mutation];
  });

  it('refuses another list under the same key as BAD_USER_INPUT on the key, and runs none of its lines', async () => {
    const before = { first: await pratiche(first), added: await pratiche(added) };
    for (const other of [[first, added], [added]]) {
      const body = await send(other);
      expect(body.data?.[mutation] ?? null).toBeNull();
      expect(body.errors.map((e: { extensions: { code: string; field: string } }) => [e.extensions.code, e.extensions.field]))
        .toEqual([['BAD_USER_INPUT', 'input.idempotencyKey']]);
    }
    expect({ first: await pratiche(first), added: await pratiche(added) }).toEqual(before);
  });

  it('answers the same list again with its first outcome, writing nothing', async () => {
    const before = await pratiche(first);
    const body = await send([first]);
    expect(body.errors).toBeUndefined();
    expect(body.data[mutation]).toEqual(firstOutcome);
    expect(await pratiche(first)).toEqual(before);
  });
});

describe('Appendix row 21 (§7.4.8, BIL-09): ceaseTimTuoOption retried with the same list', () => {
  it('completes the line eBill did not take, under the pratica CRM recorded, and writes no second one', async () => {
    const token = await tokenFor(stack, 'vincenzo.roa');
    const send = async () => (await sendChange(stack,
      `mutation($input: TimTuoOptionInput!) { ceaseTimTuoOption(input: $input) { number outcome { request { id } } refusal { code } } }`,
      { lines: [{ number: '3312548681' }], option: 'EXTRA_EU_ROAMING', idempotencyKey: 'list-key-retry-row-21' }, token)).body;
    await setFaults(stack, 'ebill', { 'linee/opzioni-tim-tuo': { down: true } });
    const failed = await send();
    await setFaults(stack, 'ebill', { 'linee/opzioni-tim-tuo': null });
    expect(failed.data.ceaseTimTuoOption).toMatchObject([{ outcome: null, refusal: { code: 'LEGACY_UNAVAILABLE' } }]);
    const recorded = await requestsOn(stack, token, '3312548681', 'Cessazione opzioni TIM TUO');
    expect(recorded).toHaveLength(1);

    const retried = await send();
    expect(retried.errors).toBeUndefined();
    expect(retried.data.ceaseTimTuoOption).toEqual([{ number: '3312548681', outcome: { request: { id: recorded[0] } }, refusal: null }]);
    expect(await requestsOn(stack, token, '3312548681', 'Cessazione opzioni TIM TUO')).toEqual(recorded);
  });
});

/**
 * Issue 19 item 4: two tabs, two keys, one TIM TUO change of the company side. Both pass the graph's rules before
 * either writes; CRM re-checks the line's TIM TUO record in the pratica's transaction (legacy/crm/tim-tuo-effects.ts),
 * so the second finds the change made: one pratica, and the other tab is told the line's state does not allow it.
 * (The prepaid packages, which CRM does not apply, are kept once by their fact: crash-tim-tuo-prepaid.test.ts.)
 */
describe('Appendix row 18 (§7.4.6, BIL-09): activateTimTuoOption from two tabs under two keys', () => {
  it('records one pratica', async () => {
    const token = await tokenFor(stack, 'vincenzo.roa');
    const answers = await Promise.all(['two-tabs-option-1', 'two-tabs-option-2'].map(async (idempotencyKey) => (await sendChange(stack,
      `mutation($input: TimTuoOptionInput!) { activateTimTuoOption(input: $input) { number outcome { request { id } } refusal { code } } }`,
      { lines: [{ number: '3312548662' }], option: 'EXTRA_EU_ROAMING', idempotencyKey }, token)).body.data.activateTimTuoOption[0]));
    const created = answers.filter((a) => a.outcome).map((a) => a.outcome.request.id);
    expect(new Set(created).size).toBe(1);
    for (const answer of answers) if (!answer.outcome) expect(answer.refusal.code).toBe('LEGACY_REJECTED');
    expect(await requestsOn(stack, token, '3312548662', 'Attivazione opzioni TIM TUO')).toEqual([created[0]]);
  });
});
