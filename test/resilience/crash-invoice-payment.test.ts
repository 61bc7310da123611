import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargesForInvoice, COMPLETE_INVOICE_PAYMENT, paidInvoice, START_INVOICE_PAYMENT } from '../support/checkout';
import { counters, graphql, setFaults, startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * Issue 22 (BIL-04): an invoice paid online is charged once by the provider, recorded once by CRM (one pratica) and
 * paid once in the system that issued it, whatever the tabs and the crashes: the billing subgraph SIGKILLed between
 * CRM's write and eBill's, EBPFA failing after CRM wrote, two tabs completing one payment under two keys. After each
 * crash the client retries with the same key, and a second tab with a new key: both are answered the one pratica.
 */
const RL = 'ginevra.vallisneri';
const AF = 'luca.ferri';
const PRATICA = 'Pagamento online fattura';

let stack: TestStack;
const tokens = new Map<string, string>();
beforeAll(async () => {
  // The machine's cores are shared: a slow start is not what this file tests.
  stack = await startTestStack({ readyTimeoutMs: 180_000, env: { MUTATIONS_PER_MINUTE: '10000' } });
  for (const user of [RL, AF]) tokens.set(user, await tokenFor(stack, user));
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

const complete = (user: string, paymentId: string, idempotencyKey: string) =>
  graphql(stack, COMPLETE_INVOICE_PAYMENT, { input: { paymentId, idempotencyKey } }, tokens.get(user));

async function pratiche(): Promise<string[]> {
  const { body } = await graphql(stack, '{ requests { id description } }', {}, tokens.get(RL));
  return (body.data.requests as { id: string; description: string }[]).filter((r) => r.description === PRATICA).map((r) => r.id);
}

async function invoiceStatus(number: string): Promise<string> {
  const { body } = await graphql(stack, `{ invoice(number: "${number}") { paymentStatus } }`, {}, tokens.get(RL));
  return body.data.invoice.paymentStatus;
}

/** Company A's invoices still to pay, of one kind, as the 12-month list shows them. */
async function unpaid(kind: 'MOBILE' | 'FIXED'): Promise<string[]> {
  const { body } = await graphql(stack, `{ invoices(kind: ${kind}, first: 50) { nodes { number paymentStatus } } }`, {}, tokens.get(RL));
  return body.data.invoices.nodes.filter((i: { paymentStatus: string }) => i.paymentStatus !== 'PAID').map((i: { number: string }) => i.number);
}

/** Retries with the same key until acknowledged; gateway unreachable or a typed failure both mean "try again". */
async function untilAcknowledged(user: string, paymentId: string, idempotencyKey: string): Promise<{ request: { id: string }; payment: { invoice: { paymentStatus: string } } }> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const answer = await complete(user, paymentId, idempotencyKey).catch(() => null);
    const outcome = answer?.body.data?.completeInvoicePayment;
    if (outcome) return outcome;
    expect(['LEGACY_UNAVAILABLE', 'SERVICE_UNAVAILABLE', undefined]).toContain(answer?.body.errors?.[0]?.extensions?.code);
    await sleep(500);
  }
  throw new Error(`${idempotencyKey} never acknowledged`);
}

/** After a story: one pratica more, one charge at the provider, the invoice paid. */
async function expectOnce(number: string, before: string[]) {
  expect(await chargesForInvoice(stack.components.get('payments')!.url, number)).toBe(1);
  expect(await pratiche()).toHaveLength(before.length + 1);
  expect(await invoiceStatus(number)).toBe('PAID');
}

describe('BIL-04 an invoice paid online, charged once and paid once', () => {
  it('BIL-04 the billing subgraph SIGKILLed between CRM\'s write and eBill\'s: the same key and a second tab\'s new key make one pratica, one charge, one paid invoice', async () => {
    const number = '7X00412066';
    const paymentId = await paidInvoice(stack, tokens.get(RL)!, number);
    const before = await pratiche();
    const crmBefore = (await counters(stack, 'crm')).CreaPratica ?? 0;
    const ebillBefore = (await counters(stack, 'ebill'))['fatture/pagamento'] ?? 0;
    // eBill takes the payment and never answers: CRM has written, eBill has not, and the subgraph is waiting.
    await setFaults(stack, 'ebill', { 'fatture/pagamento': { timeout: true } });
    const inFlight = complete(RL, paymentId, 'crash-tab-1').catch(() => null);
    for (let i = 0; i < 400 && ((await counters(stack, 'ebill'))['fatture/pagamento'] ?? 0) === ebillBefore; i++) await sleep(50);
    expect((await counters(stack, 'crm')).CreaPratica).toBe(crmBefore + 1);
    await stack.kill('billing', 'SIGKILL');
    await inFlight;
    await stack.restart('billing');
    await setFaults(stack, 'ebill', { 'fatture/pagamento': null });

    // A second tab, seeing the invoice still to pay, starts paying it again: it is answered the charged payment.
    const again = await graphql(stack, START_INVOICE_PAYMENT, { input: { number, method: 'PAYPAL' } }, tokens.get(AF));
    expect(again.body.data.startInvoicePayment).toMatchObject({ id: paymentId, status: 'SUCCEEDED', redirectUrl: null });

    // The second tab's new key is answered the pratica the first tab created, and completes eBill's side; then the
    // first tab's retry with its own key gets the same outcome. Once paid, any other key is told so.
    const newKey = await untilAcknowledged(AF, paymentId, 'crash-tab-2');
    const sameKey = await untilAcknowledged(RL, paymentId, 'crash-tab-1');
    expect(sameKey.request.id).toBe(newKey.request.id);
    expect(newKey.payment.invoice.paymentStatus).toBe('PAID');
    const late = await complete(AF, paymentId, 'crash-tab-3');
    expect(late.body.errors[0]).toMatchObject({ message: expect.stringContaining('already paid'), extensions: { code: 'LEGACY_REJECTED' } });
    await expectOnce(number, before);
  }, 240_000);

  it('BIL-04 EBPFA failing after CRM wrote: the client sees the failure, a second tab\'s new key pays the fixed invoice once under the same pratica', async () => {
    const [number] = await unpaid('FIXED');
    const paymentId = await paidInvoice(stack, tokens.get(RL)!, number);
    const before = await pratiche();
    await setFaults(stack, 'ebpfa', { 'flussi/pagamenti': { down: true } });
    const failed = await complete(RL, paymentId, 'ebpfa-down-1');
    expect(failed.body.errors[0].extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system: 'EBPFA' });
    expect(await pratiche()).toHaveLength(before.length + 1);
    expect(await invoiceStatus(number)).not.toBe('PAID');
    await setFaults(stack, 'ebpfa', { 'flussi/pagamenti': null });
    const second = await untilAcknowledged(AF, paymentId, 'ebpfa-down-2');
    const first = await untilAcknowledged(RL, paymentId, 'ebpfa-down-1');
    expect(second.request.id).toBe(first.request.id);
    await expectOnce(number, before);
  }, 180_000);

  it('BIL-04 two tabs completing one payment under two keys: both pass the rules, CRM records one pratica, eBill pays once', async () => {
    const [number] = (await unpaid('MOBILE')).filter((n) => n !== '7X00412066');
    const paymentId = await paidInvoice(stack, tokens.get(RL)!, number);
    const before = await pratiche();
    const crmBefore = (await counters(stack, 'crm')).CreaPratica ?? 0;
    // CRM slow to answer: both completions have passed the graph's rules (nothing paid yet) before either is written.
    await setFaults(stack, 'crm', { CreaPratica: { latencyMs: 400 } });
    const tabs = await Promise.all([complete(RL, paymentId, 'two-tabs-a'), complete(AF, paymentId, 'two-tabs-b')]);
    await setFaults(stack, 'crm', { CreaPratica: null });
    expect((await counters(stack, 'crm')).CreaPratica).toBe(crmBefore + 2);
    const [a, b] = tabs.map((tab) => tab.body.data?.completeInvoicePayment);
    expect(a.request.id).toBe(b.request.id);
    expect(b.payment.invoice.paymentStatus).toBe('PAID');
    await expectOnce(number, before);
  }, 180_000);
});
