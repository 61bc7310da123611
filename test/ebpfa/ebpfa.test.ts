import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEbpfaClient, createEbpfaLoaders, mergedPdfPath, type EbpfaClient } from '../../adapters/ebpfa';
import { ebpfaFailure } from '../../adapters/ebpfa/protocol';
import { createLegacyHttp } from '../../adapters/http';
import { largeCustomer } from '../../legacy/data/large';
import { ebpfaStandIn } from '../../legacy/ebpfa/standin';
import { startTestStandIn, type TestStandIn } from '../support/stand-in-admin';
import { BREAKER_NEVER_OPENS } from '../support/resilience';

/** EBPFA through the real adapter against the stand-in, clock pinned to 2026-03-15. */
const COMPANY_A = '99318457198';
const COMPANY_B = '99318000002';
const CEASED = '99318000003';
const TWELVE_MONTHS = ['2025-03-15', '2026-03-15'] as const;
const big = largeCustomer('BIGFIX', 10).fixedContract;

let ebpfa: TestStandIn;
let client: EbpfaClient;
beforeAll(async () => {
  ebpfa = await startTestStandIn(ebpfaStandIn, { LARGE_CUSTOMERS: 'BIGFIX:10' });
  client = createEbpfaClient({ url: ebpfa.url, resilience: BREAKER_NEVER_OPENS });
});
afterAll(async () => {
  await client?.close();
  await ebpfa?.stop();
});
beforeEach(async () => {
  await ebpfa.setFaults({ '*': { errorRate: 0, malformed: false } });
  await ebpfa.resetCounters();
});

describe('EBPFA invoices', () => {
  it('maps the reference fixed invoices of company A: amounts with a dot, English statuses, ISO dates', async () => {
    const invoices = await client.listInvoices([COMPANY_A], ...TWELVE_MONTHS);
    expect(invoices).toHaveLength(7);
    expect(invoices.find((i) => i.number === '8W00038521')).toEqual({
      number: '8W00038521', kind: 'FIXED', accountCode: COMPANY_A, lineNumber: '066633987', bimester: 2, year: 2025,
      type: 'Fonia', paymentStatus: 'PAID', amount: '192.64', issuedOn: '2025-05-10', dueOn: '2025-06-09',
    });
    expect(invoices.find((i) => i.number === '8W00492000')).toMatchObject({
      bimester: 1, year: 2026, type: 'Fonia', paymentStatus: 'TO_PAY', amount: '5.57', issuedOn: '2026-03-10',
    });
    // A second invoice in the same bimester, so that two can be merged.
    expect(invoices.filter((i) => i.bimester === 2 && i.year === 2025).map((i) => i.type).sort()).toEqual(['Fonia', 'Fonia-Dati']);
    expect(invoices.map((i) => i.issuedOn)).toEqual([...invoices.map((i) => i.issuedOn)].sort().reverse());
  });

  it('has 8 bimesters of invoices for the ceased customer, the newest before the contract ceased', async () => {
    const invoices = await client.listInvoices([CEASED], '2020-01-01', '2026-03-15');
    expect(invoices).toHaveLength(8);
    expect(new Set(invoices.map((i) => `${i.year}/${i.bimester}`)).size).toBe(8);
    expect(invoices[0].issuedOn! < '2025-12-15').toBe(true);
  });

  it('splits more than 20 customer codes into calls of 20', async () => {
    const unknown = Array.from({ length: 22 }, (_, i) => `99399${String(i).padStart(6, '0')}`);
    const invoices = await client.listInvoices([...unknown, COMPANY_A, COMPANY_B, big.billingCustomerCode], ...TWELVE_MONTHS);
    expect(await ebpfa.counters()).toEqual({ 'flussi/fatture': 2 });
    expect(new Set(invoices.map((i) => i.accountCode))).toEqual(new Set([COMPANY_A, COMPANY_B, big.billingCustomerCode]));
  });

  it('batches loader keys of the same window (20 codes per call) and keeps windows apart', async () => {
    const loaders = createEbpfaLoaders(client);
    const [from, to] = TWELVE_MONTHS;
    const codes = [COMPANY_A, COMPANY_B, CEASED, ...Array.from({ length: 22 }, (_, i) => `99399${String(i).padStart(6, '0')}`)];
    const [byCode, older] = await Promise.all([
      Promise.all(codes.map((customerCode) => loaders.invoicesByCustomerCode.load({ customerCode, from, to }))),
      loaders.invoicesByCustomerCode.load({ customerCode: CEASED, from: '2020-01-01', to }),
    ]);
    expect(await ebpfa.counters()).toEqual({ 'flussi/fatture': 3 });
    expect(byCode[0].every((i) => i.accountCode === COMPANY_A)).toBe(true);
    expect(byCode[0].map((i) => i.number)).toContain('8W00038521');
    expect(byCode[1].length).toBeGreaterThan(0);
    expect(byCode.slice(3).every((list) => list.length === 0)).toBe(true);
    expect(older).toHaveLength(8);
    expect(byCode[2].length).toBeLessThan(8);
  });

  it('serves the PDF of an invoice, and null for an unknown one', async () => {
    const pdf = await client.getInvoicePdf('8W00038521');
    expect(pdf?.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf?.fileName).toBe('8W00038521.pdf');
    expect(await client.getInvoicePdf('8W99999999')).toBeNull();
  });
});

describe('EBPFA billing reports and merges (issue 22)', () => {
  it('CON-04 reads the billed consumption of one service from its flow, the items of the invoices of the window', async () => {
    const invoices = new Set((await client.listInvoices([COMPANY_A], ...TWELVE_MONTHS)).map((i) => i.number));
    const voice = await client.billedConsumption([COMPANY_A, COMPANY_B], 'VOICE', ...TWELVE_MONTHS);
    expect(voice.filter((i) => i.accountCode === COMPANY_A)).toHaveLength(invoices.size * 3);
    expect(voice.find((i) => i.invoiceNumber === '8W00038521' && i.description === 'Traffico nazionale')).toMatchObject({
      lineNumber: '066633987', bimester: 2, year: 2025, service: 'VOICE', unit: 'MINUTES', amount: expect.stringMatching(/^\d+\.\d{2}$/),
    });
    const network = await client.billedConsumption([COMPANY_A], 'INTELLIGENT_NETWORK', ...TWELVE_MONTHS);
    expect(new Set(network.map((i) => i.description))).toEqual(new Set(['Numero Verde 800', 'Numero Unico 199']));
  });

  it('CON-04 answers network management only for a customer that subscribed Internet Cost Administration', async () => {
    const spend = await client.networkManagement([COMPANY_A, COMPANY_B, CEASED], ...TWELVE_MONTHS);
    expect(new Set(spend.map((s) => s.accountCode))).toEqual(new Set([COMPANY_A]));
    const shares = spend.filter((s) => s.invoiceNumber === '8W00038521').reduce((sum, s) => sum + Math.round(Number(s.amount) * 100), 0);
    expect(shares).toBe(19_264);
  });

  it('BIL-07 merges two invoices of one bimester once per pratica into one PDF, and refuses two bimesters', async () => {
    const merge = await client.mergeInvoices('7-65000000901', ['8W00038521', '8W00038522']);
    expect(merge).toEqual({ requestId: '7-65000000901', numbers: ['8W00038521', '8W00038522'], produced: true });
    expect(await client.mergeInvoices('7-65000000901', ['8W00038521', '8W00038522'])).toEqual(merge);
    await expect(client.mergeInvoices('7-65000000901', ['8W00038521', '8W00492000'])).rejects.toMatchObject({ extensions: { system: 'EBPFA' } });
    await expect(client.mergeInvoices('7-65000000902', ['8W00038521', '8W00492000'])).rejects.toMatchObject({ extensions: { system: 'EBPFA' } });
    const http = createLegacyHttp({ system: 'EBPFA', url: ebpfa.url, headers: { 'x-api-key': 'onegraph-ebpfa' } });
    const res = await http.request({ method: 'GET', path: mergedPdfPath('7-65000000901'), operation: 'flussi/unioni/pdf' });
    await http.close();
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.body.toString('latin1')).toMatch(/^%PDF-[\s\S]*Fattura 8W00038521[\s\S]*Fattura 8W00038522[\s\S]*%%EOF\n$/);
  });
});

describe('EBPFA flows', () => {
  it('are ISO-8859-1 on the wire and read back with their accented letters', async () => {
    const http = createLegacyHttp({ system: 'EBPFA', url: ebpfa.url, headers: { 'x-api-key': 'onegraph-ebpfa' } });
    const codes = Array.from({ length: 21 }, (_, i) => String(i)).join(',');
    const res = await http.request({ method: 'GET', path: `/ebpfa/flussi/fatture?codiciCliente=${codes}&dal=01/01/2026&al=15/03/2026`, operation: 'flussi/fatture' });
    await http.close();
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toBe('text/csv; charset=ISO-8859-1');
    expect(res.body.includes(Buffer.from([0xe8]))).toBe(true); // "è" as one Latin-1 byte, not UTF-8's two
    expect(ebpfaFailure(res)).toBe('PFA-413 troppi codici cliente: è possibile indicarne al massimo 20');
  });
});

describe('EBPFA failures', () => {
  it('turns KO flows into LEGACY_UNAVAILABLE naming EBPFA, without the legacy text', async () => {
    await ebpfa.setFaults({ '*': { errorRate: 1 } });
    const failure = await client.listInvoices([COMPANY_A], ...TWELVE_MONTHS).catch((e: unknown) => e);
    expect(failure).toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE', system: 'EBPFA' } });
    expect((failure as Error).message).toContain('EBPFA');
    expect((failure as Error).message).not.toMatch(/servizio|PFA-/);
  });

  it('turns broken rows into LEGACY_UNAVAILABLE, also for a flow without rows', async () => {
    await ebpfa.setFaults({ '*': { malformed: true } });
    await expect(client.listInvoices([COMPANY_A], ...TWELVE_MONTHS)).rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE', system: 'EBPFA' } });
    await expect(client.listInvoices(['99399000000'], ...TWELVE_MONTHS)).rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE' } });
    await expect(client.getInvoicePdf('8W00038521')).rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE' } });
  });

  it('answers LEGACY_UNAVAILABLE when EBPFA refuses connections', async () => {
    await ebpfa.setFaults({ '*': { down: true } });
    try {
      await expect(client.listInvoices([COMPANY_A], ...TWELVE_MONTHS)).rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE', system: 'EBPFA' } });
    } finally {
      await ebpfa.setFaults({ '*': { down: false } });
    }
    expect(await client.listInvoices([COMPANY_B], ...TWELVE_MONTHS)).not.toHaveLength(0);
  });
});
