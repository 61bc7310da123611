import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEbillClient, createEbillLoaders, type EbillClient } from '../../adapters/ebill';
import { isPrepaidLargeLine, largeCustomer } from '../../legacy/data/large';
import { ebillStandIn } from '../../legacy/ebill/standin';
import { startTestStandIn, type TestStandIn } from '../support/stand-in-admin';
import { BREAKER_NEVER_OPENS } from '../support/resilience';

/** eBill through the real adapter against the stand-in, clock pinned to 2026-03-15. */
const COMPANY_A_MOBILE = '888012170373';
const KRISHNA = '888010088938';
const TWELVE_MONTHS = { from: '2025-03-15', to: '2026-03-15' };
const big = largeCustomer('BIG120', 120);

let ebill: TestStandIn;
let client: EbillClient;
beforeAll(async () => {
  ebill = await startTestStandIn(ebillStandIn, { LARGE_CUSTOMERS: 'BIG120:120' });
  client = createEbillClient({ url: ebill.url, resilience: BREAKER_NEVER_OPENS });
});
afterAll(async () => {
  await client?.close();
  await ebill?.stop();
});
beforeEach(async () => {
  await ebill.setFaults({ '*': { errorRate: 0, malformed: false } });
  await ebill.resetCounters();
});

describe('eBill invoices', () => {
  it('maps the reference invoices of company A: amounts with a dot, English statuses, ISO dates, newest first', async () => {
    const page = await client.searchInvoices({ accountCodes: [COMPANY_A_MOBILE], ...TWELVE_MONTHS }, { offset: 0, limit: 20 });
    expect(page.totalCount).toBe(6);
    expect(page.items.map((i) => i.issuedOn)).toEqual([...page.items.map((i) => i.issuedOn)].sort().reverse());
    expect(page.items[0]).toEqual({
      number: '7X04127467', kind: 'MOBILE', accountCode: COMPANY_A_MOBILE, lineNumber: null, bimester: 1, year: 2026, type: null,
      paymentStatus: 'TO_PAY', amount: '72.63', issuedOn: '2026-03-10', dueOn: '2026-04-09',
    });
    expect(page.items.find((i) => i.number === '7X00412066')).toMatchObject({
      bimester: 2, year: 2025, paymentStatus: 'TO_PAY', amount: '221.12', issuedOn: '2025-05-10', dueOn: '2025-06-09',
    });
    for (const invoice of page.items) expect(invoice.amount).toMatch(/^\d+\.\d{2}$/);
  });

  it('searches by number, bimester and payment status, and pages', async () => {
    const search = { accountCodes: [COMPANY_A_MOBILE], ...TWELVE_MONTHS };
    const byNumber = await client.searchInvoices({ ...search, number: '7X00412066' }, { offset: 0, limit: 10 });
    expect(byNumber.items.map((i) => i.number)).toEqual(['7X00412066']);
    const byBimester = await client.searchInvoices({ ...search, bimester: 1 }, { offset: 0, limit: 10 });
    expect(byBimester.items.map((i) => i.number)).toEqual(['7X04127467']);
    const toPay = await client.searchInvoices({ ...search, paymentStatus: 'TO_PAY' }, { offset: 0, limit: 10 });
    expect(toPay.items.map((i) => i.number)).toEqual(expect.arrayContaining(['7X04127467', '7X00412066']));
    expect(toPay.items.every((i) => i.paymentStatus === 'TO_PAY')).toBe(true);
    const all = await client.searchInvoices(search, { offset: 0, limit: 10 });
    const second = await client.searchInvoices(search, { offset: 2, limit: 2 });
    const odd = await client.searchInvoices(search, { offset: 1, limit: 4 });
    expect(second).toEqual({ totalCount: 6, items: all.items.slice(2, 4) });
    expect(odd).toEqual({ totalCount: 6, items: all.items.slice(1, 5) });
  });

  it('splits more than 50 contracts into calls of 50 and merges them newest first', async () => {
    const unknown = Array.from({ length: 60 }, (_, i) => `88809${String(i).padStart(7, '0')}`);
    const page = await client.searchInvoices({ accountCodes: [...unknown, COMPANY_A_MOBILE, KRISHNA], ...TWELVE_MONTHS }, { offset: 1, limit: 5 });
    expect((await ebill.counters())['fatture/ricerca']).toBe(2);
    const a = await client.searchInvoices({ accountCodes: [COMPANY_A_MOBILE], ...TWELVE_MONTHS }, { offset: 0, limit: 20 });
    const k = await client.searchInvoices({ accountCodes: [KRISHNA], ...TWELVE_MONTHS }, { offset: 0, limit: 20 });
    expect(page.totalCount).toBe(a.totalCount + k.totalCount);
    const expected = [...a.items, ...k.items].sort((x, y) => (y.issuedOn ?? '').localeCompare(x.issuedOn ?? '') || y.number.localeCompare(x.number));
    expect(page.items).toEqual(expected.slice(1, 6));
  });

  it('looks invoices up by number, aligned with the request, null for unknown ones', async () => {
    const [krishna, unknown, companyA] = await client.getInvoices(['7X00000311', '7X99999999', '7X00412066']);
    expect(krishna).toMatchObject({ accountCode: KRISHNA, bimester: 4, year: 2025, paymentStatus: 'TO_PAY', amount: '178.62', issuedOn: '2025-09-10' });
    expect(unknown).toBeNull();
    expect(companyA?.amount).toBe('221.12');
  });

  it('batches invoice loads of one tick into one call', async () => {
    const loaders = createEbillLoaders(client);
    const [a, b] = await Promise.all([loaders.invoices.load('7X00412066'), loaders.invoices.load('7X04127467')]);
    expect([a?.number, b?.number]).toEqual(['7X00412066', '7X04127467']);
    expect(await ebill.counters()).toEqual({ 'fatture/dettaglio': 1 });
  });

  it('serves the PDF of an invoice, and null for an unknown one', async () => {
    const pdf = await client.getInvoicePdf('7X00412066');
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.fileName).toBe('7X00412066.pdf');
    expect(pdf?.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await client.getInvoicePdf('7X99999999')).toBeNull();
  });
});

describe('eBill lines', () => {
  it('reads residual credit of prepaid lines (null for postpaid ones)', async () => {
    const [prepaid, employee, postpaid] = await client.getResidualCredit(['3343860302', '3700034020', '3343860505']);
    expect(prepaid).toMatchObject({ lineNumber: '3343860302', amount: '9.80' });
    expect(prepaid?.updatedAt).toMatch(/^2026-03-15T\d{2}:\d{2}:00Z$/);
    expect(employee?.amount).toBe('135.00');
    expect(postpaid).toBeNull();
  });

  it('reads available traffic of postpaid lines (null for lines without a bundle)', async () => {
    const [postpaid, prepaid] = await client.getAvailableTraffic(['3343860505', '3343860302']);
    expect(postpaid?.lineNumber).toBe('3343860505');
    expect(postpaid?.dataGbTotal).toMatch(/^\d+\.\d{2}$/);
    expect(Number(postpaid?.dataGbLeft)).toBeLessThanOrEqual(Number(postpaid?.dataGbTotal));
    expect(postpaid?.minutesLeft).toBeLessThanOrEqual(postpaid?.minutesTotal ?? 0);
    expect(postpaid?.smsLeft).toBeLessThanOrEqual(postpaid?.smsTotal ?? 0);
    expect(prepaid).toBeNull();
  });

  it('batches 120 residual-credit loads into 3 calls of at most 50 lines', async () => {
    const lines = big.mobileContracts[0].lineNumbers;
    const loaders = createEbillLoaders(client);
    const credits = await Promise.all(lines.map((n) => loaders.residualCredit.load(n)));
    expect(await ebill.counters()).toEqual({ 'linee/credito': 3 });
    expect(credits.filter((c) => c !== null).map((c) => c?.lineNumber)).toEqual(lines.filter(isPrepaidLargeLine));
  });

  it('gives every line of a generated customer traffic', async () => {
    const lines = big.mobileContracts[0].lineNumbers;
    const traffic = await client.getAvailableTraffic(lines);
    expect(traffic.every((t, i) => t?.lineNumber === lines[i])).toBe(true);
    expect((await ebill.counters())['linee/traffico']).toBe(3);
  });

  it('gives a generated contract two years of bimonthly invoices', async () => {
    const page = await client.searchInvoices({ accountCodes: [big.mobileContracts[0].number], from: '2024-03-15', to: '2026-03-15' }, { offset: 0, limit: 50 });
    expect(page.totalCount).toBe(12);
  });
});

describe('eBill company recharge (linee/ricarica)', () => {
  it('credits a prepaid line once per operation id, and answers a repeat with the credit as it is', async () => {
    const [before] = await client.getResidualCredit(['3346075368']);
    const cents = (amount: string) => Math.round(Number(amount) * 100);
    const first = await client.topUpCredit({ lineNumber: '3346075368', cents: 2_200, operationId: '7-65000000001' });
    expect(cents(first.amount)).toBe(cents(before!.amount) + 2_200);
    const again = await client.topUpCredit({ lineNumber: '3346075368', cents: 2_200, operationId: '7-65000000001' });
    expect(again.amount).toBe(first.amount);
    expect((await client.getResidualCredit(['3346075368']))[0]?.amount).toBe(first.amount);
  });

  it('refuses an operation id reused for another amount, and a line without credit, crediting nothing', async () => {
    const [before] = await client.getResidualCredit(['3346075368']);
    await expect(client.topUpCredit({ lineNumber: '3346075368', cents: 4_400, operationId: '7-65000000001' }))
      .rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE', system: 'eBill' } });
    await expect(client.topUpCredit({ lineNumber: '3312545395', cents: 2_200, operationId: '7-65000000002' }))
      .rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE' } });
    expect((await client.getResidualCredit(['3346075368']))[0]?.amount).toBe(before!.amount);
  });
});

describe('eBill failures', () => {
  it('turns legacy error answers into LEGACY_UNAVAILABLE naming eBill, without the legacy text', async () => {
    await ebill.setFaults({ '*': { errorRate: 1 } });
    const failure = await client.getResidualCredit(['3343860302']).catch((e: unknown) => e);
    expect(failure).toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE', system: 'eBill' } });
    expect((failure as Error).message).toContain('eBill');
    expect((failure as Error).message).not.toMatch(/servizio|EB-/);
  });

  it('turns malformed answers into LEGACY_UNAVAILABLE (JSON and PDF)', async () => {
    await ebill.setFaults({ '*': { malformed: true } });
    await expect(client.searchInvoices({ accountCodes: [COMPANY_A_MOBILE], ...TWELVE_MONTHS }, { offset: 0, limit: 5 }))
      .rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE', system: 'eBill' } });
    await expect(client.getInvoicePdf('7X00412066')).rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE' } });
  });

  it('refuses a wrong API key as LEGACY_UNAVAILABLE', async () => {
    const wrongKey = createEbillClient({ url: ebill.url, apiKey: 'wrong' });
    await expect(wrongKey.getInvoices(['7X00412066'])).rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE', system: 'eBill' } });
    await wrongKey.close();
  });

  it('rejects every key of a loader batch when eBill fails', async () => {
    await ebill.setFaults({ 'linee/traffico': { errorRate: 1 } });
    const loaders = createEbillLoaders(client);
    const results = await Promise.allSettled(['3343860505', '3343860902'].map((n) => loaders.availableTraffic.load(n)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await ebill.setFaults({ 'linee/traffico': null });
  });
});
