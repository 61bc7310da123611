import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEbillClient } from '../../adapters/ebill';
import { counters, graphql, setFaults, startTestStack, tokenFor, type TestStack } from '../support/stack';
import { requestsOn as requestsOnLine } from '../support/requests';
import { confirmedActivation, EMANUELE_DIRECT_DEBIT, INVOICE_ADDRESS } from '../dispositive/appendix/employee-tim-tuo';

/**
 * Seed 002 §9.2.1.1.1 (Appendix row 35): the employee's TIM TUO activation touches two systems, CRM (the pratica
 * and the line's TIM TUO record, in one transaction) and eBill (his personal billing account, keyed by the pratica
 * id). eBill fails after CRM wrote: the employee sees the failure; his retry with the same key completes the account
 * under the one pratica, and a second retry writes nothing more.
 */
const EMPLOYEE = 'emanuele.eu';
const LINE = '3312547883';
const PRATICA = 'Domiciliazione tim tuo';
const ACTIVATE = `mutation($input: ActivateTimTuoInput!) { activateTimTuoByDirectDebit(input: $input) {
  request { id } line { employeeTimTuo { associated personalContractCode billingAccount { paymentMethod directDebitStatus } } } } }`;
const REPORTISTICA = `{ mobileLine(number: "${LINE}") { employeeTimTuo { associated personalContractCode billingAccount { paymentMethod directDebitStatus } } } }`;

let stack: TestStack;
let token: string;
let roaToken: string;
beforeAll(async () => {
  // The machine's cores are shared: a slow start is not what this file tests.
  stack = await startTestStack({ readyTimeoutMs: 180_000 });
  token = await tokenFor(stack, EMPLOYEE);
  // The ROA of the line's contract monitors the employee's pratiche ("monitorabile dal ROA").
  roaToken = await tokenFor(stack, 'vincenzo.roa');
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

/** The pratiche of the change on the line, as the ROA sees them in the requests history. */
const pratiche = () => requestsOnLine(stack, roaToken, LINE, PRATICA);

describe('BIL-10 the employee\'s TIM TUO activation, across CRM and eBill', () => {
  it('eBill down after CRM wrote: the failure is seen; the retries complete the billing account under the one pratica', async () => {
    const request = { number: LINE, paymentMethod: 'DIRECT_DEBIT', invoiceAddress: INVOICE_ADDRESS, directDebit: EMANUELE_DIRECT_DEBIT };
    const input = { ...await confirmedActivation(stack, token, request), idempotencyKey: 'crash-employee-tim-tuo' };

    await setFaults(stack, 'ebill', { 'conti-personali/imposta': { down: true } });
    const failed = await graphql(stack, ACTIVATE, { input }, token);
    expect(failed.body.errors[0].extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system: 'eBill' });
    const recorded = await pratiche();
    expect(recorded).toHaveLength(1);
    await setFaults(stack, 'ebill', { 'conti-personali/imposta': null });

    const writes = (await counters(stack, 'ebill'))['conti-personali/imposta'] ?? 0;
    const retries = [await graphql(stack, ACTIVATE, { input }, token), await graphql(stack, ACTIVATE, { input }, token)];
    for (const { body } of retries) {
      expect(body.errors).toBeUndefined();
      expect(body.data.activateTimTuoByDirectDebit).toMatchObject({
        request: { id: recorded[0] },
        line: { employeeTimTuo: { associated: true, billingAccount: { paymentMethod: 'DIRECT_DEBIT', directDebitStatus: 'ACTIVE' } } },
      });
    }
    expect(retries[1].body.data).toEqual(retries[0].body.data);
    // Each retry asks eBill again under the pratica id (the engine's last step); eBill applies the first only.
    expect((await counters(stack, 'ebill'))['conti-personali/imposta']).toBe(writes + 2);
    expect(await pratiche()).toEqual(recorded);
    const { body } = await graphql(stack, REPORTISTICA, {}, token);
    expect(body.data.mobileLine.employeeTimTuo).toEqual(retries[0].body.data.activateTimTuoByDirectDebit.line.employeeTimTuo);
  }, 180_000);
});

/**
 * Issue 19, "once per fact": two tabs, two keys, one change of the employee's personal account (Appendix row 37). Both
 * pass the rules before either writes. The change's fact (`oncePer`: the account's next change after the version eBill
 * holds) is CRM's business key, so CRM records one pratica and answers it to both (or refuses the tab that asks the
 * same fact otherwise), and eBill, which takes the write only at that version, changes the account once.
 */
describe('Appendix row 37 (§9.2.1.1, BIL-10): changeTimTuoBillingData from two tabs under two keys', () => {
  const OWNER = 'pasquale.eu';
  const OWN_LINE = '3312548681';
  const BILLING_DATA = 'Modifica dati di fatturazione';
  const CHANGE = `mutation($input: ChangeTimTuoBillingDataInput!) { changeTimTuoBillingData(input: $input) {
    request { id } line { employeeTimTuo { billingAccount { invoiceAddress { houseNumber } } } } } }`;
  const HOLDER = { firstName: 'PASQUALE', lastName: 'ESPOSITO', taxCode: 'SPSPQL80A01F839J' };
  const change = (houseNumber: string) => ({ number: OWN_LINE, holder: HOLDER, invoiceAddress: { ...INVOICE_ADDRESS, houseNumber } });

  /** The personal account as eBill holds it, read through the real adapter: its version counts the changes. */
  async function ebillAccount() {
    const [account] = await createEbillClient({ url: stack.components.get('ebill')!.url }).getPersonalAccounts([OWN_LINE]);
    return account!;
  }
  const billingPratiche = () => requestsOnLine(stack, roaToken, OWN_LINE, BILLING_DATA);

  it('BIL-10 records one pratica, answers it to both tabs, and changes eBill\'s account once', async () => {
    const owner = await tokenFor(stack, OWNER);
    const before = await ebillAccount();
    const known = await billingPratiche();
    const answers = await Promise.all(['two-tabs-billing-1', 'two-tabs-billing-2'].map((idempotencyKey) =>
      graphql(stack, CHANGE, { input: { ...change('21'), idempotencyKey } }, owner)));
    for (const { body } of answers) expect(body.errors).toBeUndefined();
    const [first, second] = answers.map(({ body }) => body.data.changeTimTuoBillingData);
    expect(second).toEqual(first);
    expect(first.line.employeeTimTuo.billingAccount.invoiceAddress.houseNumber).toBe('21');
    expect((await billingPratiche()).filter((id) => !known.includes(id))).toEqual([first.request.id]);
    expect(await ebillAccount()).toMatchObject({ invoiceAddress: { houseNumber: '21' }, version: before.version + 1 });
  }, 120_000);

  it('BIL-10 the same fact asked otherwise from the other tab is refused, and the account holds the first tab\'s change', async () => {
    const owner = await tokenFor(stack, OWNER);
    const before = await ebillAccount();
    const known = await billingPratiche();
    const answers = await Promise.all([['22', 'two-tabs-otherwise-1'], ['23', 'two-tabs-otherwise-2']].map(([houseNumber, idempotencyKey]) =>
      graphql(stack, CHANGE, { input: { ...change(houseNumber), idempotencyKey } }, owner)));
    const winner = answers.findIndex(({ body }) => !body.errors);
    expect(answers.filter(({ body }) => !body.errors)).toHaveLength(1);
    expect(answers[1 - winner].body.errors[0].extensions.code).toBe('LEGACY_REJECTED');
    expect((await billingPratiche()).filter((id) => !known.includes(id))).toEqual([answers[winner].body.data.changeTimTuoBillingData.request.id]);
    expect(await ebillAccount()).toMatchObject({ invoiceAddress: { houseNumber: ['22', '23'][winner] }, version: before.version + 1 });
  }, 120_000);
});
