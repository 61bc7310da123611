import { describe, expect, it } from 'vitest';
import { graphql, tokenFor } from '../support/stack';
import { readmeDashboardQuery } from './dashboard-query';
import { useStack } from '../support/use-stack';

const DASHBOARD = readmeDashboardQuery();
const COMPANY_A_MOBILE = ['3316779290', '3343860302', '3343860405', '3343860505', '3343860902'];
const COMPANY_B_MOBILE = ['3471000001', '3471000002', '3471000003'];

const stack = useStack();

describe('the dashboard in one request (README query)', () => {
  it('shows ginevra.vallisneri (RL) company A: lines with prepaid credit, both kinds of invoices, orders and requests', async () => {
    const { status, body } = await graphql(stack, DASHBOARD, {}, await tokenFor(stack, 'ginevra.vallisneri'));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const d = body.data;
    expect(d.viewer.profiles).toEqual(['RL']);
    expect(d.viewer.company.name).toBe('VALLISNERI GINEVRA');
    expect(d.mobileLines.nodes.map((l: { number: string }) => l.number).sort()).toEqual(COMPANY_A_MOBILE);
    const prepaid = d.mobileLines.nodes.find((l: { number: string }) => l.number === '3343860302');
    expect(prepaid.kind).toBe('PREPAID');
    expect(prepaid.residualCredit.amount).toBe('9.80');
    const postpaid = d.mobileLines.nodes.find((l: { number: string }) => l.number === '3343860505');
    expect(postpaid.residualCredit).toBeNull();
    // Company A's four fixed lines on two sites, its Numero Verde among them (legacy/data/fixed-services.ts), by number.
    expect(d.fixedLines.nodes.map((l: { number: string }) => l.number)).toEqual(['0612345670', '066633987', '066633988', '800123456']);
    const mobileInvoices = d.mobileInvoices.nodes.map((i: { number: string }) => i.number);
    expect(mobileInvoices).toEqual(expect.arrayContaining(['7X00412066', '7X04127467']));
    expect(d.mobileInvoices.nodes.find((i: { number: string }) => i.number === '7X00412066').amount).toBe('221.12');
    // The preview is the 5 latest fixed invoices: company A's bimester-2 invoice is among them, the bimester-1 one
    // (8W00492000) is older than five bimesters of invoices and stays on the next page.
    const fixed = d.fixedInvoices.nodes as { number: string; year: number; bimester: number }[];
    expect(fixed).toHaveLength(5);
    expect(d.fixedInvoices.totalCount).toBeGreaterThan(5);
    expect(fixed.map((i) => i.number)).toContain('8W00038521');
    const periods = fixed.map((i) => i.year * 10 + i.bimester);
    expect(periods).toEqual([...periods].sort((a, b) => b - a));
    expect(d.orders.length).toBeGreaterThan(0);
    expect(d.requests.length).toBeGreaterThan(0);
  });

  it('shows mario.rossi (RL of company B) only company B', async () => {
    const { body } = await graphql(stack, DASHBOARD, {}, await tokenFor(stack, 'mario.rossi'));
    expect(body.errors).toBeUndefined();
    const d = body.data;
    expect(d.viewer.company.name).toBe('NOME AZIENDA SPA');
    expect(d.mobileLines.nodes.map((l: { number: string }) => l.number).sort()).toEqual(COMPANY_B_MOBILE);
    expect(d.fixedLines.nodes.map((l: { number: string }) => l.number)).toEqual(['021234567']);
    const invoiceNumbers = [...d.mobileInvoices.nodes, ...d.fixedInvoices.nodes].map((i: { number: string }) => i.number);
    expect(invoiceNumbers.length).toBeGreaterThan(0);
    expect(invoiceNumbers).not.toContain('7X00412066');
    expect(invoiceNumbers).not.toContain('8W00038521');
    const everyLine = JSON.stringify(d);
    for (const n of COMPANY_A_MOBILE) expect(everyLine).not.toContain(n);
  });

  it('CON-10: serves giada.mantesi (UT) her own line and traffic, and refuses only the invoices, each on its path', async () => {
    const { status, body } = await graphql(stack, DASHBOARD, {}, await tokenFor(stack, 'giada.mantesi'));
    expect(status).toBe(200);
    const d = body.data;
    expect(d.viewer.profiles).toEqual(['UT']);
    expect(d.mobileLines.nodes.map((l: { number: string }) => l.number)).toEqual(['3343860902']);
    expect(d.mobileLines.nodes[0].availableTraffic.dataGbLeft).toMatch(/^\d+\.\d{2}$/);
    expect(d.fixedLines).toEqual({ totalCount: 0, nodes: [] });
    expect([d.mobileInvoices, d.fixedInvoices, d.unifiedInvoices]).toEqual([null, null, null]);
    expect(body.errors.map((e: { path: string[]; extensions: { code: string } }) => [e.path.join('.'), e.extensions.code]).sort())
      .toEqual([['fixedInvoices', 'FORBIDDEN'], ['mobileInvoices', 'FORBIDDEN'], ['unifiedInvoices', 'FORBIDDEN']]);
    expect(Array.isArray(d.orders) && Array.isArray(d.requests)).toBe(true);
  });

  it('answers UNAUTHENTICATED without a token, with a forged token, and for a disabled user', async () => {
    const none = await graphql(stack, DASHBOARD, {});
    expect(none.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(none.body.data ?? null).toBeNull();
    const forged = await graphql(stack, DASHBOARD, {}, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await expect(tokenFor(stack, 'abbonamento.mobile')).rejects.toThrow();
  });
});
