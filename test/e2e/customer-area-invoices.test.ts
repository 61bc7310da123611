import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chargesForInvoice, COMPLETE_INVOICE_PAYMENT, confirmOnCheckoutPage, DEMO_CARD, paidInvoice, START_INVOICE_PAYMENT,
} from '../support/checkout';
import { counters, graphql, LEGACY_TODAY, resetCounters, startTestStack, tokenFor, type TestStack } from '../support/stack';
import { uploadFile } from '../support/uploads';
import { minimalPdf } from '../../legacy/runtime/pdf';

/**
 * Issue 22, the customer area's "Fatture" pages (seed 000), as company A's RL, AF and AL use them.
 *
 * BIL-02: "Fatture uniche", eBill's unified invoices, listed, searched and downloaded like the mobile ones.
 *
 * BIL-04 ( seed 000 "Fatture": "pagare le fatture scoperte (una per volta)", profiles.md: RL, AF, AL).
 * Company A's users pay its mobile invoices (eBill) and its fixed invoice (EBPFA) through the real stack: the
 * provider's page (card or PayPal, the bank's code), then the graph records the payment: one pratica, one charge, the
 * invoice paid in the system that issued it. A declined or unconfirmed payment leaves the invoice to pay and says so;
 * the profiles the seed does not let pay are refused, another company's invoice answers like an unknown one.
 */
const PRATICA = 'Pagamento online fattura';

let stack: TestStack;
const tokens = new Map<string, string>();
const token = (user: string) => tokens.get(user)!;

beforeAll(async () => {
  // The machine's cores are shared: a slow start is not what this file tests.
  stack = await startTestStack({ readyTimeoutMs: 180_000, env: { MUTATIONS_PER_MINUTE: '10000' } });
  for (const user of ['ginevra.vallisneri', 'luca.ferri', 'sara.neri', 'giada.mantesi', 'paolo.verdi', 'mario.rossi', 'marta.holding', 'cessato.fisso', 'gina.eu']) {
    tokens.set(user, await tokenFor(stack, user));
  }
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

const start = (user: string, input: Record<string, unknown>) => graphql(stack, START_INVOICE_PAYMENT, { input }, token(user));
const complete = (user: string, paymentId: string, idempotencyKey: string) =>
  graphql(stack, COMPLETE_INVOICE_PAYMENT, { input: { paymentId, idempotencyKey } }, token(user));
const providerUrl = () => stack.components.get('payments')!.url;

async function invoiceStatus(number: string): Promise<string> {
  const { body } = await graphql(stack, `{ invoice(number: "${number}") { paymentStatus } }`, {}, token('ginevra.vallisneri'));
  return body.data.invoice.paymentStatus;
}

async function pratiche(): Promise<string[]> {
  const { body } = await graphql(stack, '{ requests { id description contract { number } } }', {}, token('ginevra.vallisneri'));
  return (body.data.requests as { id: string; description: string }[]).filter((r) => r.description === PRATICA).map((r) => r.id);
}

/** Company A's invoices still to pay (to pay or overdue) of one kind, as the 12-month list shows them. */
async function unpaid(kind: 'MOBILE' | 'FIXED'): Promise<{ number: string; amount: string }[]> {
  const { body } = await graphql(stack, `{ invoices(kind: ${kind}, first: 50) { nodes { number amount paymentStatus } } }`, {}, token('ginevra.vallisneri'));
  return body.data.invoices.nodes.filter((i: { paymentStatus: string }) => i.paymentStatus !== 'PAID');
}

describe('BIL-04 paying an invoice online, once', () => {
  it('BIL-04 the RL pays a mobile invoice by card: one payment whatever the tabs, one charge, one pratica, eBill marks it paid', async () => {
    const number = '7X00412066';
    const before = await pratiche();
    expect(await invoiceStatus(number)).not.toBe('PAID');

    // Two tabs start paying the invoice, by card and by PayPal: one payment (whichever tab created it), the invoice's
    // amount, on the provider's page.
    const returnUrl = 'https://areaclienti.example/fatture';
    const [card, paypal] = await Promise.all([
      start('ginevra.vallisneri', { number, method: 'CARD', returnUrl }),
      start('ginevra.vallisneri', { number, method: 'PAYPAL', returnUrl }),
    ]);
    const payment = card.body.data.startInvoicePayment;
    expect(payment).toMatchObject({ status: 'REQUIRES_AUTHENTICATION', amount: '221.12', invoice: { number, paymentStatus: expect.not.stringMatching('PAID') } });
    expect(payment.redirectUrl).toMatch(/\/checkout\/pay_/);
    expect(paypal.body.data.startInvoicePayment.id).toBe(payment.id);

    // Not confirmed yet: refused, the invoice is still to pay, nothing written.
    const early = await complete('ginevra.vallisneri', payment.id, 'rl-mobile-early');
    expect(early.body.errors[0].extensions.code).toBe('LEGACY_REJECTED');
    expect(early.body.errors[0].message).toContain('not paid yet');
    expect(await pratiche()).toEqual(before);

    // The customer fills in the page of whichever method won: the card, or the PayPal account.
    const back = await confirmOnCheckoutPage(payment.redirectUrl, { pan: '4111111111070119', paypalEmail: 'amministrazione@example.com' });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`https://areaclienti.example/fatture?payment=${payment.id}`);

    const clicks = await Promise.all([1, 2].map(() => complete('ginevra.vallisneri', payment.id, 'rl-mobile-complete')));
    const [outcome, again] = clicks.map((c) => c.body.data?.completeInvoicePayment);
    expect(outcome).toMatchObject({
      request: { description: PRATICA }, order: null,
      payment: { paymentId: payment.id, amount: '221.12', paidWith: expect.stringMatching(/^(\*{5}0119|a\*{3}@example\.com)$/), invoice: { number, kind: 'MOBILE', paymentStatus: 'PAID', amount: '221.12' } },
    });
    expect(outcome.payment.orderNumber).toBe(payment.orderNumber);
    expect(again.request.id).toBe(outcome.request.id);
    expect(await pratiche()).toEqual(expect.arrayContaining([...before, outcome.request.id]));
    expect(await invoiceStatus(number)).toBe('PAID');
    expect(await chargesForInvoice(providerUrl(), number)).toBe(1);

    // Paid: another key is refused, and no new payment can start.
    const otherKey = await complete('ginevra.vallisneri', payment.id, 'rl-mobile-other-key');
    expect(otherKey.body.errors[0]).toMatchObject({ message: expect.stringContaining('already paid'), extensions: { code: 'LEGACY_REJECTED' } });
    const restart = await start('luca.ferri', { number, method: 'CARD' });
    expect(restart.body.errors[0].extensions.code).toBe('LEGACY_REJECTED');
    expect((await pratiche()).length).toBe(before.length + 1);
    expect(await chargesForInvoice(providerUrl(), number)).toBe(1);
  }, 120_000);

  it('BIL-04 the AF pays the fixed invoice with PayPal: EBPFA marks it paid', async () => {
    const [fixed] = await unpaid('FIXED');
    expect(fixed).toBeDefined();
    const paymentId = await paidInvoice(stack, token('luca.ferri'), fixed.number, 'PAYPAL');
    const { body } = await complete('luca.ferri', paymentId, 'af-fixed-complete');
    expect(body.data.completeInvoicePayment).toMatchObject({
      request: { description: PRATICA },
      payment: { paymentId, amount: fixed.amount, paidWith: 'a***@example.com', invoice: { number: fixed.number, kind: 'FIXED', paymentStatus: 'PAID' } },
    });
    expect(await invoiceStatus(fixed.number)).toBe('PAID');
    expect(await chargesForInvoice(providerUrl(), fixed.number)).toBe(1);
  }, 120_000);

  it('BIL-04 the AL\'s declined card leaves the invoice to pay and says so; a new payment then pays it once', async () => {
    const [invoice] = (await unpaid('MOBILE')).filter((i) => i.number !== '7X00412066');
    const before = await pratiche();
    const first = (await start('sara.neri', { number: invoice.number, method: 'CARD' })).body.data.startInvoicePayment;
    await confirmOnCheckoutPage(first.redirectUrl, { pan: '4000000000000002' });
    const declined = await complete('sara.neri', first.id, 'al-declined');
    expect(declined.body.errors[0]).toMatchObject({ message: expect.stringContaining('nothing was charged'), extensions: { code: 'LEGACY_REJECTED' } });
    expect(await invoiceStatus(invoice.number)).not.toBe('PAID');
    expect(await pratiche()).toEqual(before);

    // The bank refused the first payment: the next start is a new payment, which the card pays.
    const secondId = await paidInvoice(stack, token('sara.neri'), invoice.number);
    expect(secondId).not.toBe(first.id);
    const { body } = await complete('sara.neri', secondId, 'al-second');
    expect(body.data.completeInvoicePayment.payment).toMatchObject({ amount: invoice.amount, invoice: { paymentStatus: 'PAID' } });
    expect(await chargesForInvoice(providerUrl(), invoice.number)).toBe(1);
    expect((await pratiche()).length).toBe(before.length + 1);
  }, 120_000);

  it('BIL-04 refused to UT, UTD, HOLDING and the ceased customer; another company\'s invoice and payment are unknown; bad input names the field', async () => {
    const [invoice] = await unpaid('MOBILE');
    const before = await pratiche();
    const codeOf = async (user: string, number: string) => (await start(user, { number, method: 'CARD' })).body.errors?.[0]?.extensions?.code;
    // The seed gives UT and UTD no invoices page at all: the mutation is not theirs, whatever the invoice.
    expect(await codeOf('giada.mantesi', invoice.number)).toBe('FORBIDDEN');
    expect(await codeOf('paolo.verdi', invoice.number)).toBe('FORBIDDEN');
    expect(await codeOf('mario.rossi', invoice.number)).toBe('NOT_FOUND');
    expect(await codeOf('mario.rossi', '7X99999999')).toBe('NOT_FOUND');
    expect(await codeOf('marta.holding', invoice.number)).toBe('FORBIDDEN');
    const { body: own } = await graphql(stack, '{ invoices(kind: FIXED, first: 1) { nodes { number } } }', {}, token('cessato.fisso'));
    expect(await codeOf('cessato.fisso', own.data.invoices.nodes[0].number)).toBe('FORBIDDEN');

    // Company A's payment is unknown to company B's RL, like a made-up id.
    const paymentId = (await start('ginevra.vallisneri', { number: invoice.number, method: 'CARD' })).body.data.startInvoicePayment.id;
    expect((await complete('mario.rossi', paymentId, 'foreign-complete')).body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await complete('mario.rossi', 'pay_000000000000000000000000', 'made-up-complete')).body.errors[0].extensions.code).toBe('NOT_FOUND');

    const bad = await start('ginevra.vallisneri', { number: 'not-an-invoice', method: 'CARD' });
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.number' });
    const badUrl = await start('ginevra.vallisneri', { number: invoice.number, method: 'CARD', returnUrl: 'javascript:alert(1)' });
    expect(badUrl.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.returnUrl' });
    const badId = await complete('ginevra.vallisneri', 'nope', 'bad-id-complete');
    expect(badId.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.paymentId' });
    expect(await pratiche()).toEqual(before);
    expect(await chargesForInvoice(providerUrl(), invoice.number)).toBe(0);
  }, 120_000);
});

describe('BIL-02 unified invoices ("Fatture uniche"), from eBill', () => {
  const UNIFIED = '{ invoices(kind: UNIFIED, first: 10) { totalCount nodes { number kind accountCode bimester year paymentStatus amount issuedOn dueOn documentUrl } } }';

  it('BIL-02 the RL, AF and AL list company A\'s unified invoices of the last 12 months, search them by number, bimester and state, and download the PDF', async () => {
    const { body } = await graphql(stack, UNIFIED, {}, token('ginevra.vallisneri'));
    const { totalCount, nodes } = body.data.invoices;
    expect(totalCount).toBeGreaterThanOrEqual(6);
    expect(nodes.every((i: { number: string; kind: string; accountCode: string }) => /^7U\d{8}$/.test(i.number) && i.kind === 'UNIFIED' && i.accountCode === '888012170373')).toBe(true);
    expect(nodes.map((i: { amount: string }) => i.amount).every((a: string) => /^\d+\.\d{2}$/.test(a))).toBe(true);
    for (const user of ['luca.ferri', 'sara.neri']) {
      expect((await graphql(stack, UNIFIED, {}, token(user))).body.data.invoices.totalCount).toBe(totalCount);
    }

    const [newest] = nodes;
    const byNumber = await graphql(stack, `{ invoices(kind: UNIFIED, number: "${newest.number}") { totalCount nodes { number } } }`, {}, token('ginevra.vallisneri'));
    expect(byNumber.body.data.invoices).toEqual({ totalCount: 1, nodes: [{ number: newest.number }] });
    const byBimester = await graphql(stack, `{ invoices(kind: UNIFIED, bimester: ${newest.bimester}) { nodes { bimester } } }`, {}, token('ginevra.vallisneri'));
    expect(byBimester.body.data.invoices.nodes.length).toBeGreaterThan(0);
    expect(byBimester.body.data.invoices.nodes.every((i: { bimester: number }) => i.bimester === newest.bimester)).toBe(true);
    const paid = await graphql(stack, '{ invoices(kind: UNIFIED, paymentStatus: PAID) { totalCount nodes { paymentStatus } } }', {}, token('ginevra.vallisneri'));
    expect(paid.body.data.invoices.nodes.every((i: { paymentStatus: string }) => i.paymentStatus === 'PAID')).toBe(true);

    // Mobile invoices are still the mobile ones: no unified invoice among them.
    const mobile = await graphql(stack, '{ invoices(kind: MOBILE, first: 50) { nodes { number kind } } }', {}, token('ginevra.vallisneri'));
    expect(mobile.body.data.invoices.nodes.every((i: { kind: string }) => i.kind === 'MOBILE')).toBe(true);

    const pdf = await fetch(new URL(newest.documentUrl, stack.gatewayUrl));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('BIL-02 refused to UT and UTD; another company sees none of A\'s unified invoices, by list or by number', async () => {
    const { body } = await graphql(stack, UNIFIED, {}, token('ginevra.vallisneri'));
    const number = body.data.invoices.nodes[0].number;
    for (const user of ['giada.mantesi', 'paolo.verdi']) {
      expect((await graphql(stack, UNIFIED, {}, token(user))).body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await graphql(stack, UNIFIED, {}, token('mario.rossi'))).body.data.invoices).toEqual({ totalCount: 0, nodes: [] });
    expect((await graphql(stack, `{ invoice(number: "${number}") { number } }`, {}, token('mario.rossi'))).body.data.invoice).toBeNull();
  }, 120_000);

  it('BIL-04 the AF pays a unified invoice online: eBill, which holds it, marks it paid', async () => {
    const { body } = await graphql(stack, '{ invoices(kind: UNIFIED, first: 10) { nodes { number amount paymentStatus } } }', {}, token('luca.ferri'));
    const invoice = body.data.invoices.nodes.find((i: { paymentStatus: string }) => i.paymentStatus !== 'PAID');
    expect(invoice).toBeDefined();
    const paymentId = await paidInvoice(stack, token('luca.ferri'), invoice.number);
    const paid = await complete('luca.ferri', paymentId, 'af-unified-complete');
    expect(paid.body.data.completeInvoicePayment.payment).toMatchObject({ amount: invoice.amount, invoice: { number: invoice.number, kind: 'UNIFIED', paymentStatus: 'PAID' } });
    expect(await invoiceStatus(invoice.number)).toBe('PAID');
    expect(await chargesForInvoice(providerUrl(), invoice.number)).toBe(1);
  }, 120_000);
});

describe('BIL-05 the invoices still to pay, up to 5 years back', () => {
  const unpaidList = (kind: string) => `{ unpaidInvoices(kind: ${kind}, first: 50) { totalCount nodes { number paymentStatus issuedOn amount } } }`;
  const numbersOf = (page: { nodes: { number: string }[] }) => page.nodes.map((i) => i.number);

  it('BIL-05 the RL, AF and AL list the unpaid mobile and fixed invoices of 5 years (3 years back yes, 6 years back no) and pay one of 3 years ago', async () => {
    const mobile = (await graphql(stack, unpaidList('MOBILE'), {}, token('ginevra.vallisneri'))).body.data.unpaidInvoices;
    const fixed = (await graphql(stack, unpaidList('FIXED'), {}, token('ginevra.vallisneri'))).body.data.unpaidInvoices;
    expect(numbersOf(mobile)).toContain('7X00231188');
    expect(numbersOf(mobile)).not.toContain('7X00170042');
    expect(numbersOf(fixed)).toContain('8W00231190');
    expect(numbersOf(fixed)).not.toContain('8W00170043');
    const fiveYearsAgo = new Date(Date.parse(LEGACY_TODAY) - 5 * 366 * 86_400_000).toISOString().slice(0, 10);
    for (const invoice of [...mobile.nodes, ...fixed.nodes]) {
      expect(invoice.paymentStatus).not.toBe('PAID');
      expect(invoice.issuedOn >= fiveYearsAgo).toBe(true);
    }
    // The 12-month list does not reach them.
    const twelve = await graphql(stack, '{ invoices(kind: MOBILE, first: 50) { nodes { number } } }', {}, token('ginevra.vallisneri'));
    expect(numbersOf(twelve.body.data.invoices)).not.toContain('7X00231188');
    for (const user of ['luca.ferri', 'sara.neri']) {
      expect((await graphql(stack, unpaidList('FIXED'), {}, token(user))).body.data.unpaidInvoices.totalCount).toBe(fixed.totalCount);
    }
    const overdue = await graphql(stack, '{ unpaidInvoices(kind: FIXED, paymentStatus: OVERDUE, first: 50) { nodes { paymentStatus } } }', {}, token('ginevra.vallisneri'));
    expect(overdue.body.data.unpaidInvoices.nodes.length).toBeGreaterThan(0);
    expect(overdue.body.data.unpaidInvoices.nodes.every((i: { paymentStatus: string }) => i.paymentStatus === 'OVERDUE')).toBe(true);

    // An invoice on the unpaid list is paid from it like any other (BIL-04), and leaves it.
    expect(await invoiceStatus('8W00231190')).toBe('OVERDUE');
    expect((await graphql(stack, '{ invoice(number: "7X00170042") { number } }', {}, token('ginevra.vallisneri'))).body.data.invoice).toBeNull();
    const paymentId = await paidInvoice(stack, token('sara.neri'), '8W00231190');
    const paid = await complete('sara.neri', paymentId, 'al-old-fixed');
    expect(paid.body.data.completeInvoicePayment.payment).toMatchObject({ amount: '22.14', invoice: { number: '8W00231190', paymentStatus: 'PAID' } });
    const after = (await graphql(stack, unpaidList('FIXED'), {}, token('ginevra.vallisneri'))).body.data.unpaidInvoices;
    expect(after.totalCount).toBe(fixed.totalCount - 1);
    expect(numbersOf(after)).not.toContain('8W00231190');
  }, 120_000);

  it('BIL-05 the ceased customer sees the unpaid invoices of his last bimesters only; UT is refused; another company sees none of A\'s; PAID is bad input', async () => {
    const ceased = (await graphql(stack, unpaidList('FIXED'), {}, token('cessato.fisso'))).body.data.unpaidInvoices;
    const shown = (await graphql(stack, '{ invoices(kind: FIXED, first: 50) { nodes { number paymentStatus } } }', {}, token('cessato.fisso'))).body.data.invoices;
    expect(numbersOf(ceased)).toEqual(shown.nodes.filter((i: { paymentStatus: string }) => i.paymentStatus !== 'PAID').map((i: { number: string }) => i.number));
    expect((await graphql(stack, unpaidList('MOBILE'), {}, token('giada.mantesi'))).body.errors[0].extensions.code).toBe('FORBIDDEN');
    const other = (await graphql(stack, unpaidList('MOBILE'), {}, token('mario.rossi'))).body.data.unpaidInvoices;
    expect(numbersOf(other)).not.toContain('7X00231188');
    expect((await graphql(stack, '{ invoice(number: "7X00231188") { number } }', {}, token('mario.rossi'))).body.data.invoice).toBeNull();
    const bad = await graphql(stack, '{ unpaidInvoices(kind: MOBILE, paymentStatus: PAID) { totalCount } }', {}, token('ginevra.vallisneri'));
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'paymentStatus' });
  }, 120_000);
});

describe('BIL-04 / BIL-05 reporting a payment made elsewhere, with its receipt', () => {
  const REPORT = `mutation($input: ReportInvoicePaymentInput!) { reportInvoicePayment(input: $input) {
    request { id description } order { id } invoice { number paymentStatus } } }`;
  const REPORTS = 'Segnalazione pagamento fattura';
  const report = (user: string, input: Record<string, unknown>) => graphql(stack, REPORT, { input }, token(user));
  const reports = async () => {
    const { body } = await graphql(stack, '{ requests { id description } }', {}, token('ginevra.vallisneri'));
    return (body.data.requests as { id: string; description: string }[]).filter((r) => r.description === REPORTS).map((r) => r.id);
  };
  // The stand-ins' today, which the graph's calendar follows.
  const paidOn = LEGACY_TODAY;

  it('BIL-05 the AL reports the bank transfer of an invoice of 3 years ago: one pratica with the receipt, the invoice still to pay until matched', async () => {
    const before = await reports();
    const receipt = await uploadFile(stack, token('sara.neri'), minimalPdf('bonifico 7X00231188'));
    const input = { number: '7X00231188', paidOn, receipt, idempotencyKey: 'al-report-old' };
    const { body } = await report('sara.neri', input);
    expect(body.errors).toBeUndefined();
    expect(body.data.reportInvoicePayment).toMatchObject({ request: { description: REPORTS }, order: null, invoice: { number: '7X00231188', paymentStatus: 'OVERDUE' } });
    expect((await report('sara.neri', input)).body.data.reportInvoicePayment.request.id).toBe(body.data.reportInvoicePayment.request.id);

    // A second tab reports it again with another receipt: one report per invoice, nothing more written.
    const other = await uploadFile(stack, token('ginevra.vallisneri'), minimalPdf('bonifico bis'));
    const again = await report('ginevra.vallisneri', { number: '7X00231188', paidOn, receipt: other, idempotencyKey: 'rl-report-old' });
    expect(again.body.errors[0].extensions.code).toBe('LEGACY_REJECTED');
    expect(await reports()).toEqual([...before, body.data.reportInvoicePayment.request.id]);
  }, 120_000);

  it('BIL-04 a report is refused on a paid invoice, to UT, and on another company\'s invoice; a future date or a missing or wrong receipt names the field', async () => {
    const before = await reports();
    const receipt = await uploadFile(stack, token('ginevra.vallisneri'), minimalPdf('ricevuta'));
    const [unpaidOne] = (await unpaid('MOBILE')).filter((i) => i.number !== '7X00231188');
    const codeOf = async (user: string, input: Record<string, unknown>) => (await report(user, { number: unpaidOne.number, paidOn, receipt, idempotencyKey: `refused-${user.replace(".", "-")}`, ...input })).body.errors?.[0]?.extensions;
    expect(await codeOf('ginevra.vallisneri', { number: '7X00412066' })).toMatchObject({ code: 'LEGACY_REJECTED' });
    expect(await codeOf('giada.mantesi', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await codeOf('mario.rossi', {})).toMatchObject({ code: 'NOT_FOUND' });
    expect(await codeOf('ginevra.vallisneri', { paidOn: '2999-01-01' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.paidOn' });
    expect(await codeOf('ginevra.vallisneri', { receipt: null })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.receipt' });
    // A list (CSV) is an upload, but not a receipt.
    const text = await uploadFile(stack, token('ginevra.vallisneri'), 'numero;importo\n7X00412066;221,12\n');
    expect(await codeOf('ginevra.vallisneri', { receipt: text, idempotencyKey: 'refused-text' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.receipt' });
    expect(await reports()).toEqual(before);
  }, 120_000);
});

describe('BIL-05 the lists exported as files ("esportare l\'intera lista")', () => {
  const fileOf = async (user: string, args: string) => {
    const { body } = await graphql(stack, `{ invoicesFileUrl(${args}) }`, {}, token(user));
    return body;
  };
  const download = async (link: string) => {
    const res = await fetch(new URL(link, stack.gatewayUrl));
    expect(res.status).toBe(200);
    const [header, ...rows] = new TextDecoder('latin1').decode(await res.arrayBuffer()).split(/\r?\n/).filter(Boolean);
    return { type: res.headers.get('content-type'), header, rows };
  };

  it('BIL-05 the RL exports the unpaid mobile list of 5 years and the 12-month fixed and unified lists: every invoice of the list, whatever the page', async () => {
    const unpaidFile = await download((await fileOf('ginevra.vallisneri', 'kind: MOBILE, unpaid: true')).data.invoicesFileUrl);
    expect(unpaidFile.type).toBe('text/csv');
    expect(unpaidFile.header).toBe('NUM_FATTURA;CONTRATTO;BIMESTRE;ANNO;STATO_PAGAMENTO;IMPORTO;DATA_EMISSIONE;DATA_SCADENZA');
    const unpaidPage = (await graphql(stack, '{ unpaidInvoices(kind: MOBILE, first: 1) { totalCount } }', {}, token('ginevra.vallisneri'))).body.data.unpaidInvoices;
    expect(unpaidFile.rows).toHaveLength(unpaidPage.totalCount);
    expect(unpaidFile.rows.some((r) => r.startsWith('7X00231188;888012170373;'))).toBe(true);
    expect(unpaidFile.rows.every((r) => !r.includes(';PAGATA;'))).toBe(true);

    for (const kind of ['FIXED', 'UNIFIED']) {
      const file = await download((await fileOf('luca.ferri', `kind: ${kind}`)).data.invoicesFileUrl);
      const page = (await graphql(stack, `{ invoices(kind: ${kind}, first: 1) { totalCount nodes { number } } }`, {}, token('luca.ferri'))).body.data.invoices;
      expect(file.rows).toHaveLength(page.totalCount);
      expect(file.rows.some((r) => r.includes(page.nodes[0].number))).toBe(true);
    }
  }, 120_000);

  it('BIL-05 the export is refused to UT; another company\'s file holds none of A\'s invoices', async () => {
    expect((await fileOf('giada.mantesi', 'kind: MOBILE')).errors[0].extensions.code).toBe('FORBIDDEN');
    const other = await download((await fileOf('mario.rossi', 'kind: MOBILE, unpaid: true')).data.invoicesFileUrl);
    expect(other.rows.every((r) => !r.includes('888012170373'))).toBe(true);
  }, 120_000);
});

/**
 * BIL-06 (seed 000 "Fatture di terzi"): company A's users pay company B's invoices, found by number and the N° Linea
 * printed on them; only the page's columns are shown, and a guess costs and answers what a known number with the wrong
 * line does (the cross-tenant probes' rule: the same answer and the same legacy calls).
 */
describe('BIL-06 third parties\' invoices', () => {
  const PAGE_COLUMNS = 'number lineNumber bimester year type paymentStatus amount dueOn';
  const find = (user: string, number: string, lineNumber: string) =>
    graphql(stack, `query($number: ID!, $lineNumber: ID!) { thirdPartyInvoice(number: $number, lineNumber: $lineNumber) { ${PAGE_COLUMNS} } }`, { number, lineNumber }, token(user));
  /** Company B's invoices still to pay of one kind, with what its own RL sees of them. */
  const companyB = async (kind: 'MOBILE' | 'FIXED') => (await graphql(stack,
    `{ invoices(kind: ${kind}, first: 50) { nodes { number accountCode lineNumber bimester year type paymentStatus amount dueOn } } }`, {}, token('mario.rossi')))
    .body.data.invoices.nodes.filter((i: { paymentStatus: string }) => i.paymentStatus !== 'PAID');
  const START_THIRD_PARTY = `mutation($input: StartThirdPartyInvoicePaymentInput!) { startThirdPartyInvoicePayment(input: $input) { id status amount redirectUrl invoice { number } } }`;
  const COMPLETE_THIRD_PARTY = `mutation($input: CompleteInvoicePaymentInput!) { completeThirdPartyInvoicePayment(input: $input) {
    request { id description } order { id } payment { paymentId amount paidWith invoice { ${PAGE_COLUMNS} } } } }`;
  const SYSTEMS = ['crm', 'ebill', 'ebpfa'] as const;
  async function legacyCost(request: () => Promise<unknown>): Promise<Record<string, Record<string, number>>> {
    await Promise.all(SYSTEMS.map((system) => resetCounters(stack, system)));
    await request();
    const cost: Record<string, Record<string, number>> = {};
    for (const system of SYSTEMS) {
      const { GetProfiloUtente: _grantsCache, ...calls } = await counters(stack, system);
      cost[system] = calls;
    }
    return cost;
  }

  it('BIL-06 the RL finds company B\'s fixed and mobile invoices by number and N° Linea, and sees only the page\'s columns', async () => {
    const [fixed] = await companyB('FIXED');
    const [mobile] = await companyB('MOBILE');
    expect(fixed && mobile).toBeTruthy();
    const foundFixed = (await find('ginevra.vallisneri', fixed.number, fixed.lineNumber)).body.data.thirdPartyInvoice;
    const { accountCode: _fixedAccount, ...fixedColumns } = fixed;
    expect(foundFixed).toEqual(fixedColumns);
    // A mobile invoice's N° Linea is its contract.
    const foundMobile = (await find('luca.ferri', mobile.number, mobile.accountCode)).body.data.thirdPartyInvoice;
    const { accountCode, lineNumber: _none, ...mobileColumns } = mobile;
    expect(foundMobile).toEqual({ ...mobileColumns, lineNumber: accountCode });
    expect((await find('sara.neri', mobile.number, mobile.accountCode)).body.data.thirdPartyInvoice).toEqual(foundMobile);
    // Still not one of A's invoices: nothing else of B is readable.
    expect((await graphql(stack, `{ invoice(number: "${fixed.number}") { number } }`, {}, token('ginevra.vallisneri'))).body.data.invoice).toBeNull();
  });

  it('BIL-06 a guess learns nothing more than a known number with the wrong line: the same null and the same legacy calls', async () => {
    const [fixed] = await companyB('FIXED');
    const [mobile] = await companyB('MOBILE');
    const control = () => find('ginevra.vallisneri', '8W99999999', '021999999');
    await control(); // connections warm
    const controlCost = await legacyCost(control);
    for (const [number, line] of [[fixed.number, '021999999'], [mobile.number, fixed.lineNumber], ['7X99999999', mobile.accountCode]]) {
      const asked = await find('ginevra.vallisneri', number, line);
      expect(asked.body).toEqual({ data: { thirdPartyInvoice: null } });
      expect(await legacyCost(() => find('ginevra.vallisneri', number, line)), `${number} ${line}`).toEqual(controlCost);
    }
    const bad = await find('ginevra.vallisneri', 'ABC', fixed.lineNumber);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'number' });
    expect((await find('giada.mantesi', fixed.number, fixed.lineNumber)).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('BIL-06 the AF pays company B\'s fixed invoice once: one charge, one pratica in company A, EBPFA marks it paid, and B sees it paid', async () => {
    const [fixed] = await companyB('FIXED');
    const input = { number: fixed.number, lineNumber: fixed.lineNumber, method: 'CARD' };
    const [first, again] = await Promise.all([1, 2].map(() => graphql(stack, START_THIRD_PARTY, { input }, token('luca.ferri'))));
    const payment = first.body.data.startThirdPartyInvoicePayment;
    // The invoice is not the AF's to see: the payment does not show it.
    expect(payment).toMatchObject({ status: 'REQUIRES_AUTHENTICATION', amount: fixed.amount, invoice: null });
    expect(again.body.data.startThirdPartyInvoicePayment.id).toBe(payment.id);
    const before = await pratiche();
    expect((await confirmOnCheckoutPage(payment.redirectUrl, { pan: DEMO_CARD })).status).toBe(200);
    const [a, b] = await Promise.all(['af-third-tab1', 'af-third-tab2'].map((idempotencyKey) =>
      graphql(stack, COMPLETE_THIRD_PARTY, { input: { paymentId: payment.id, idempotencyKey } }, token('luca.ferri'))));
    const outcome = a.body.data.completeThirdPartyInvoicePayment;
    expect(outcome).toMatchObject({ request: { description: PRATICA }, order: null, payment: { paymentId: payment.id, amount: fixed.amount, invoice: { number: fixed.number, paymentStatus: 'PAID' } } });
    expect(b.body.data.completeThirdPartyInvoicePayment.request.id).toBe(outcome.request.id);
    // Filed in the payer's company, where A's RL sees it; charged once; B's invoice paid.
    expect(await pratiche()).toEqual(expect.arrayContaining([...before, outcome.request.id]));
    expect(await pratiche()).toHaveLength(before.length + 1);
    expect(await chargesForInvoice(providerUrl(), fixed.number)).toBe(1);
    const seenByB = await graphql(stack, `{ invoice(number: "${fixed.number}") { paymentStatus } }`, {}, token('mario.rossi'));
    expect(seenByB.body.data.invoice.paymentStatus).toBe('PAID');
  }, 120_000);

  it('BIL-06 refuses a wrong N° Linea like an unknown invoice, another user\'s payment like an unknown one, and the profiles that may not pay', async () => {
    const [mobile] = await companyB('MOBILE');
    const start = (user: string, number: string, lineNumber: string) =>
      graphql(stack, START_THIRD_PARTY, { input: { number, lineNumber, method: 'PAYPAL' } }, token(user));
    const wrongLine = await start('ginevra.vallisneri', mobile.number, '888012170373');
    const unknown = await start('ginevra.vallisneri', '7X99999999', mobile.accountCode);
    expect(wrongLine.body.errors[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: unknown.body.errors[0].message });
    expect((await start('giada.mantesi', mobile.number, mobile.accountCode)).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await start('marta.holding', mobile.number, mobile.accountCode)).body.errors[0].extensions.code).toBe('FORBIDDEN');
    const started = (await start('ginevra.vallisneri', mobile.number, mobile.accountCode)).body.data.startThirdPartyInvoicePayment;
    // Only the payer completes his payment: the AF of the same company is answered as for an unknown payment.
    const other = await graphql(stack, COMPLETE_THIRD_PARTY, { input: { paymentId: started.id, idempotencyKey: 'af-not-mine-01' } }, token('luca.ferri'));
    expect(other.body.errors[0].extensions.code).toBe('NOT_FOUND');
    // Nor is another payer handed the payment under way (its checkout page): he waits until it is paid or refused.
    const secondPayer = await start('luca.ferri', mobile.number, mobile.accountCode);
    expect(secondPayer.body.errors[0].extensions).toMatchObject({ code: 'LEGACY_REJECTED' });
    expect(JSON.stringify(secondPayer.body)).not.toContain(started.id);
  });

  it('BIL-06 the AL reports her bank transfer of company B\'s invoice: one pratica in company A with the receipt, the invoice still to pay; a wrong N° Linea is unknown', async () => {
    const REPORT_THIRD_PARTY = `mutation($input: ReportThirdPartyInvoicePaymentInput!) { reportThirdPartyInvoicePayment(input: $input) {
      request { id description } order { id } invoice { ${PAGE_COLUMNS} } } }`;
    const REPORTS = 'Segnalazione pagamento fattura';
    const reportsOfA = async () => ((await graphql(stack, '{ requests { id description } }', {}, token('ginevra.vallisneri'))).body.data.requests as { id: string; description: string }[])
      .filter((r) => r.description === REPORTS).map((r) => r.id);
    const [fixed] = await companyB('FIXED');
    const receipt = await uploadFile(stack, token('sara.neri'), minimalPdf('bonifico per conto terzi'));
    const input = { number: fixed.number, lineNumber: fixed.lineNumber, paidOn: LEGACY_TODAY, receipt, idempotencyKey: 'al-third-report' };
    const before = await reportsOfA();
    const wrong = await graphql(stack, REPORT_THIRD_PARTY, { input: { ...input, lineNumber: '021999999', idempotencyKey: 'al-third-wrong' } }, token('sara.neri'));
    expect(wrong.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const { body } = await graphql(stack, REPORT_THIRD_PARTY, { input }, token('sara.neri'));
    expect(body.errors).toBeUndefined();
    const outcome = body.data.reportThirdPartyInvoicePayment;
    expect(outcome).toMatchObject({ request: { description: REPORTS }, order: null, invoice: { number: fixed.number, lineNumber: fixed.lineNumber } });
    expect(outcome.invoice.paymentStatus).not.toBe('PAID');
    // The retry is the same pratica; it is company A's, not B's.
    expect((await graphql(stack, REPORT_THIRD_PARTY, { input }, token('sara.neri'))).body.data.reportThirdPartyInvoicePayment.request.id).toBe(outcome.request.id);
    expect(await reportsOfA()).toEqual(expect.arrayContaining([...before, outcome.request.id]));
    expect(await reportsOfA()).toHaveLength(before.length + 1);
    const seenByB = (await graphql(stack, '{ requests { id } }', {}, token('mario.rossi'))).body.data.requests as { id: string }[];
    expect(seenByB.map((r) => r.id)).not.toContain(outcome.request.id);
    const future = await graphql(stack, REPORT_THIRD_PARTY, { input: { ...input, paidOn: '2999-01-01', idempotencyKey: 'al-third-future' } }, token('sara.neri'));
    expect(future.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.paidOn' });
  }, 120_000);
});
