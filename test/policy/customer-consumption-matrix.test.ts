import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { chargesForInvoice as chargesFor, confirmOnCheckoutPage, DEMO_CARD } from '../support/checkout';
import { conformanceMatrix, D, E, F, type Capability, type Matrix } from '../support/conformance';
import { requestsOn } from '../support/requests';
import { counters, graphql, LEGACY_TODAY, setFaults } from '../support/stack';

/**
 * Issue 22: the customer area's "Traffico e Consumi" (seed 000 "Consumi" 1/2 and 2/2; seed 001 CONSUMI per profile),
 * CON-01 to CON-03, as company A's users read it, and in the matrix both ways. Every customer-area profile enters the
 * section ("Tutti i profili accedono alla sezione Traffico e Consumi Mobile"), each on the lines it sees (spec
 * profiles: RL and AF every line, AL, UT and UTD their own; the HOLDING, AF-like, every line of A and B). The stack's
 * today is 2026-11-23: the detail's two months run from 2026-10-01.
 * 3343860302: company A's prepaid line of the seed's page (credit 9,80 €); 3343860405: the AL's postpaid line;
 * 3343860902: the UT's, 3343860505: the UTD's; 3471000001: company B's.
 */
const PREPAID_A = '3343860302';
const AL_LINE = '3343860405';
const UT_LINE = '3343860902';
const UTD_LINE = '3343860505';
const LINE_B = '3471000001';
const WINDOW = { from: '2026-10-01', to: LEGACY_TODAY };

const consumption = (line: string, selection: string) => `{ mobileLine(number: "${line}") { number consumption { ${selection} } } }`;
const AT = ['mobileLine', 'consumption'];

const CAPABILITIES: Capability[] = [
  { id: 'CON-02', what: 'prepaid line: consumption per offer and per traffic type', query: consumption(PREPAID_A, 'options { name } trafficByType { total }'), path: AT },
  { id: 'CON-01', what: 'the UT\'s postpaid line: extra-bundle consumption', query: consumption(UT_LINE, 'summary { voice { total } data { total } }'), path: AT },
  { id: 'CON-03', what: 'the AL\'s postpaid line: traffic detail of two months', query: consumption(AL_LINE, `trafficEvents(filter: { from: "${WINDOW.from}", to: "${WINDOW.to}" }, first: 5) { totalCount }`), path: AT },
  { id: 'CON-03', what: 'company B\'s line: traffic detail', query: consumption(LINE_B, `trafficEvents(filter: { from: "${WINDOW.from}", to: "${WINDOW.to}" }, first: 5) { totalCount }`), path: AT },
  { id: 'CON-02', what: 'the UTD\'s postpaid line: consumption per offer', query: consumption(UTD_LINE, 'options { name }'), path: AT },
];

/** Expected outcome per user, in the order of CAPABILITIES (empty: the line is not his, answered like an unknown one). */
const MATRIX: Matrix = {
  //                                                                   pre  UT   AL   B    UTD
  'ginevra.vallisneri': { profile: 'RL (A)', cells: [D, D, D, E, D] },
  'luca.ferri': { profile: 'AF (A)', cells: [D, D, D, E, D] },
  'sara.neri': { profile: 'AL (A): her own line', cells: [E, E, D, E, E] },
  'giada.mantesi': { profile: 'UT 3343860902', cells: [E, D, E, E, E] },
  'paolo.verdi': { profile: 'UTD 3343860505', cells: [E, E, E, E, D] },
  'marta.holding': { profile: 'HOLDING (A and B): AF-like', cells: [D, D, D, D, D] },
  'mario.rossi': { profile: 'RL (B)', cells: [E, E, E, D, E] },
  'gina.eu': { profile: 'EU (CM8): her own consumption is personalConsumption', cells: [E, E, E, E, E] },
  'pasquale.eu': { profile: 'ROA 888012234558 + EU (CM8)', cells: [E, E, E, E, E] },
};

const matrix = conformanceMatrix(CAPABILITIES, MATRIX, { env: { MUTATIONS_PER_MINUTE: '10000' } });
const ask = (user: string, query: string, variables: Record<string, unknown> = {}) => graphql(matrix.stack(), query, variables, matrix.token(user));
const cents = (amount: string) => Math.round(Number(amount) * 100);

const DETAIL = `query($line: ID!, $filter: TrafficEventFilter!, $first: Int) { mobileLine(number: $line) { consumption {
  trafficEvents(filter: $filter, first: $first) { totalCount truncated nodes { type at netAmount category callType } } } } }`;
const detail = (user: string, line: string, filter: Record<string, unknown>, first = 100) => ask(user, DETAIL, { line, filter, first });

describe('CON-01 to CON-03 "Traffico e Consumi" of company A\'s lines (seed 000 "Consumi")', () => {
  it('CON-01 shows the RL the residual credit of the prepaid line with its update time, and the extra-bundle consumption of a postpaid line', async () => {
    const { body } = await ask('ginevra.vallisneri', `{
      prepaid: mobileLine(number: "${PREPAID_A}") { residualCredit { amount updatedAt } consumption { summary { voice { total } } } }
      postpaid: mobileLine(number: "${UT_LINE}") { residualCredit { amount } consumption { summary { from to voice { company personal total } sms { total } data { national roaming total } } } } }`);
    expect(body.errors).toBeUndefined();
    // A prepaid line shows its credit instead of the extra-bundle consumption; a postpaid line the other way round.
    expect(body.data.prepaid).toMatchObject({ residualCredit: { amount: '9.80', updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }, consumption: { summary: null } });
    expect(body.data.postpaid.residualCredit).toBeNull();
    const summary = body.data.postpaid.consumption.summary;
    expect(summary).toMatchObject({ from: '2026-11-01', to: LEGACY_TODAY, voice: { personal: '0.00' } });
    expect(cents(summary.data.national) + cents(summary.data.roaming)).toBe(cents(summary.data.total));
    expect(cents(summary.voice.total) + cents(summary.sms.total) + cents(summary.data.total)).toBeGreaterThan(0);
  });

  it('CON-02 shows the AF the consumption per offer (bundles and their erosion) and per traffic type, adding up to the total', async () => {
    const { body } = await ask('luca.ferri', `{ mobileLine(number: "${PREPAID_A}") { consumption {
      options { name scope allowances { unit included used left } } trafficByType { from to total items { category amount } } } } }`);
    const { options, trafficByType } = body.data.mobileLine.consumption;
    expect(options.map((o: { name: string }) => o.name)).toEqual(['TIM Business Prepagata Voce', 'TIM Business Prepagata Internet']);
    for (const a of options.flatMap((o: { allowances: unknown[] }) => o.allowances)) expect(a.used + a.left).toBe(a.included);
    expect(trafficByType.items.map((i: { category: string }) => i.category)).toEqual(['VOICE', 'SMS_MMS', 'GENERIC', 'DATA_AND_CONTENT']);
    expect(trafficByType.items.reduce((sum: number, i: { amount: string }) => sum + cents(i.amount), 0)).toBe(cents(trafficByType.total));
    expect(cents(trafficByType.total)).toBeGreaterThan(0);
  });

  it('CON-02 per traffic type of this month and the previous one on the AL\'s postpaid line; a prepaid line has no month (BAD_USER_INPUT naming it)', async () => {
    const month = (line: string, m: string) => ask('ginevra.vallisneri', `query($m: ConsumptionMonth) { mobileLine(number: "${line}") { consumption { trafficByType(month: $m) { from to total } } } }`, { m });
    const previous = (await month(AL_LINE, 'PREVIOUS')).body.data.mobileLine.consumption.trafficByType;
    expect(previous).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    const refused = (await month(PREPAID_A, 'CURRENT')).body;
    expect(refused.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
  });

  it('CON-03 shows the UT the traffic detail of his line filtered by type, period and charged operations only', async () => {
    const all = (await detail('giada.mantesi', UT_LINE, WINDOW)).body.data.mobileLine.consumption.trafficEvents;
    expect(all.totalCount).toBeGreaterThan(100);
    expect(all.nodes.every((e: { callType: string }) => e.callType === 'COMPANY')).toBe(true);
    const filter = { from: '2026-11-16', to: '2026-11-22', categories: ['DATA'], chargedOnly: true };
    const charged = (await detail('giada.mantesi', UT_LINE, filter)).body.data.mobileLine.consumption.trafficEvents;
    expect(charged.totalCount).toBeGreaterThan(0);
    expect(charged.totalCount).toBeLessThan(all.totalCount);
    for (const e of charged.nodes) {
      expect(e.category).toBe('DATA');
      expect(cents(e.netAmount)).toBeGreaterThan(0);
      expect(e.at >= '2026-11-16' && e.at < '2026-11-23').toBe(true);
    }
  });

  it('CON-03 refuses a period beyond the last two months and the personal call type, naming the field', async () => {
    const early = await detail('ginevra.vallisneri', AL_LINE, { from: '2026-09-30', to: '2026-10-10' });
    expect(early.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
    const personal = await detail('ginevra.vallisneri', AL_LINE, { ...WINDOW, callType: 'PERSONAL' });
    expect(personal.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.callType' });
    const wrongKind = await detail('ginevra.vallisneri', AL_LINE, { ...WINDOW, categories: ['VOICE'] });
    expect(wrongKind.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.categories' });
  });

  it('CON-03 exports the detail as the CSV of the events the page shows', async () => {
    const filter = { from: '2026-11-20', to: '2026-11-22', categories: ['VOICE'] };
    const shown = (await detail('ginevra.vallisneri', PREPAID_A, filter)).body.data.mobileLine.consumption.trafficEvents;
    const { body } = await ask('ginevra.vallisneri', `query($filter: TrafficEventFilter!) { mobileLine(number: "${PREPAID_A}") { consumption {
      trafficEventsFileUrl(filter: $filter, format: CSV) } } }`, { filter });
    const res = await fetch(new URL(body.data.mobileLine.consumption.trafficEventsFileUrl, matrix.stack().gatewayUrl));
    expect(res.status).toBe(200);
    const rows = (await res.text()).trim().split('\n');
    expect(rows.length - 1).toBe(shown.totalCount);
  });
});

const START = `mutation($input: StartPersonalTopUpInput!) { startLineTopUp(input: $input) { id status amount redirectUrl line { number } } }`;
const COMPLETE = `mutation($input: CompletePersonalTopUpInput!) { completeLineTopUp(input: $input) {
  request { id description } order { id } topUp { paymentId amount paidWith personalCredit line { number residualCredit { amount } } } } }`;
const PRATICA = 'Ricarica manuale web/app';

describe('CON-01 top-up of a prepaid line by the company\'s users (seed 000 "Credito residuo … RICARICA")', () => {
  const credit = async () => (await ask('ginevra.vallisneri', `{ mobileLine(number: "${PREPAID_A}") { residualCredit { amount } } }`)).body.data.mobileLine.residualCredit.amount;
  const pratiche = () => requestsOn(matrix.stack(), matrix.token('ginevra.vallisneri'), PREPAID_A, PRATICA);
  const start = (user: string, input: Record<string, unknown>) => ask(user, START, { input: { number: PREPAID_A, amount: '20', newMethod: 'CARD', ...input } });

  it('CON-01 the AF tops up the prepaid line once: one payment for a double click, one charge, one pratica and one credit for two tabs completing it', async () => {
    const before = { credit: cents(await credit()), pratiche: await pratiche() };
    const [first, again] = await Promise.all([start('luca.ferri', { idempotencyKey: 'af-topup-0001' }), start('luca.ferri', { idempotencyKey: 'af-topup-0001' })]);
    const payment = first.body.data.startLineTopUp;
    expect(payment).toMatchObject({ status: 'REQUIRES_AUTHENTICATION', amount: '20.00', line: { number: PREPAID_A } });
    expect(again.body.data.startLineTopUp.id).toBe(payment.id);

    // Not confirmed on the provider's page yet: refused, nothing written.
    const early = await ask('luca.ferri', COMPLETE, { input: { paymentId: payment.id, idempotencyKey: 'af-complete-early' } });
    expect(early.body.errors[0].extensions.code).toBe('LEGACY_REJECTED');
    expect(await pratiche()).toEqual(before.pratiche);

    expect((await confirmOnCheckoutPage(payment.redirectUrl, { pan: DEMO_CARD })).status).toBe(200);
    // Two tabs complete it at once under two keys, then one retries: one pratica, answered to all.
    const [a, b] = await Promise.all([
      ask('luca.ferri', COMPLETE, { input: { paymentId: payment.id, idempotencyKey: 'af-complete-tab1' } }),
      ask('luca.ferri', COMPLETE, { input: { paymentId: payment.id, idempotencyKey: 'af-complete-tab2' } }),
    ]);
    const retry = await ask('luca.ferri', COMPLETE, { input: { paymentId: payment.id, idempotencyKey: 'af-complete-tab1' } });
    const outcome = a.body.data.completeLineTopUp;
    expect(outcome).toMatchObject({ request: { description: PRATICA }, order: null, topUp: { paymentId: payment.id, amount: '20.00', paidWith: '*****0119', personalCredit: null } });
    expect(b.body.data.completeLineTopUp.request.id).toBe(outcome.request.id);
    expect(retry.body.data.completeLineTopUp.request.id).toBe(outcome.request.id);
    const after = await pratiche();
    expect(after).toHaveLength(before.pratiche.length + 1);
    expect(after).toContain(outcome.request.id);
    expect(cents(await credit())).toBe(before.credit + 2_000);
    expect(await chargesFor(matrix.stack().components.get('payments')!.url, `credito-${PREPAID_A}`)).toBe(1);
  });

  it('CON-01 refuses a top-up to those who may not make it, another company\'s line like an unknown one, and bad input naming the field', async () => {
    const before = await pratiche();
    const code = (r: { body: { errors?: { extensions: { code: string; field?: string } }[] } }) => r.body.errors?.[0].extensions;
    // The UT does not see the company's prepaid line; his own is postpaid.
    expect(code(await start('giada.mantesi', { idempotencyKey: 'ut-topup-0001' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(code(await ask('giada.mantesi', START, { input: { number: UT_LINE, amount: '20', newMethod: 'CARD', idempotencyKey: 'ut-topup-0002' } }))).toMatchObject({ code: 'LEGACY_REJECTED' });
    // The ROA of a CM8 prepaid contract sees gina's line, but tops up no company line from the customer area.
    expect(code(await ask('pasquale.eu', START, { input: { number: '3700034020', amount: '20', newMethod: 'CARD', idempotencyKey: 'roa-topup-0001' } }))).toMatchObject({ code: 'FORBIDDEN' });
    const foreign = await start('mario.rossi', { idempotencyKey: 'b-topup-000001' });
    const unknown = await ask('mario.rossi', START, { input: { number: '3499999999', amount: '20', newMethod: 'CARD', idempotencyKey: 'b-topup-000002' } });
    expect(code(foreign)).toMatchObject({ code: 'NOT_FOUND' });
    expect(foreign.body.errors![0]).toMatchObject({ message: unknown.body.errors![0].message });
    expect(code(await start('ginevra.vallisneri', { amount: '19.99', idempotencyKey: 'rl-topup-bad01' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(code(await ask('ginevra.vallisneri', COMPLETE, { input: { paymentId: 'pay_123', idempotencyKey: 'rl-complete-bad' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.paymentId' });
    expect(await pratiche()).toEqual(before);
  });
  it('CON-01 the mobile subgraph SIGKILLed between CRM\'s pratica and eBill\'s credit: the RL\'s retries, same key and a second tab\'s, credit once', async () => {
    const { body } = await start('ginevra.vallisneri', { amount: '50', idempotencyKey: 'rl-crash-start' });
    const payment = body.data.startLineTopUp;
    expect((await confirmOnCheckoutPage(payment.redirectUrl, { pan: DEMO_CARD })).status).toBe(200);
    const stack = matrix.stack();
    const providerUrl = stack.components.get('payments')!.url;
    const before = { credit: cents(await credit()), pratiche: await pratiche(), charges: await chargesFor(providerUrl, `credito-${PREPAID_A}`) };
    const crmBefore = (await counters(stack, 'crm')).CreaPratica ?? 0;
    const ebillBefore = (await counters(stack, 'ebill'))['linee/ricarica'] ?? 0;
    // eBill takes the credit and never answers: CRM has written, eBill has not, and the subgraph is waiting.
    await setFaults(stack, 'ebill', { 'linee/ricarica': { timeout: true } });
    const inFlight = ask('ginevra.vallisneri', COMPLETE, { input: { paymentId: payment.id, idempotencyKey: 'rl-crash-complete' } }).catch(() => null);
    for (let i = 0; i < 400 && ((await counters(stack, 'ebill'))['linee/ricarica'] ?? 0) === ebillBefore; i++) await sleep(50);
    expect((await counters(stack, 'crm')).CreaPratica).toBe(crmBefore + 1);
    await stack.kill('mobile', 'SIGKILL');
    await inFlight;
    await stack.restart('mobile');
    await setFaults(stack, 'ebill', { 'linee/ricarica': null });

    /** Retries until acknowledged: the gateway unreachable or a typed failure both mean "try again". */
    const untilAcknowledged = async (idempotencyKey: string) => {
      for (let attempt = 0; attempt < 120; attempt++) {
        const answer = await ask('ginevra.vallisneri', COMPLETE, { input: { paymentId: payment.id, idempotencyKey } }).catch(() => null);
        if (answer?.body.data?.completeLineTopUp) return answer.body.data.completeLineTopUp.request.id as string;
        await sleep(250);
      }
      throw new Error(`${idempotencyKey} never acknowledged`);
    };
    const sameKey = await untilAcknowledged('rl-crash-complete');
    const secondTab = await untilAcknowledged('rl-crash-second-tab');
    expect(secondTab).toBe(sameKey);
    expect(await pratiche()).toHaveLength(before.pratiche.length + 1);
    expect(cents(await credit())).toBe(before.credit + 5_000);
    // The provider charged on its page, once: completing never charges.
    expect(await chargesFor(providerUrl, `credito-${PREPAID_A}`)).toBe(before.charges);
  }, 240_000);
});
