import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
