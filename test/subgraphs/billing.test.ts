import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import DataLoader from 'dataloader';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Contract, Grant, Invoice, InvoiceSearch, RecordFilter } from '../../adapters/domain';
import type { FixedInvoicesKey } from '../../adapters/ebpfa';
import { lastMonths } from '../../subgraphs/runtime/calendar';
import type { SubgraphContext } from '../../subgraphs/runtime/server';
import { parseInvoicesArgs } from '../../subgraphs/billing/arguments';
import { resolvers } from '../../subgraphs/billing/resolvers';
import { ceasedCustomerInvoices } from '../../subgraphs/billing/windows';

// @apollo/subgraph builds the schema with the CommonJS graphql; it must be executed with that same copy.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const TODAY = '2026-11-23';
process.env.LEGACY_TODAY = TODAY;

const invoice = (number: string, kind: Invoice['kind'], accountCode: string, year: number, bimester: number, extra: Partial<Invoice> = {}): Invoice => ({
  number, kind, accountCode, lineNumber: kind === 'FIXED' ? accountCode : null, bimester, year, type: kind === 'FIXED' ? 'Fonia' : null,
  paymentStatus: 'PAID', amount: '10.00', issuedOn: `${bimester === 6 ? year + 1 : year}-${String(bimester === 6 ? 1 : bimester * 2 + 1).padStart(2, '0')}-10`,
  dueOn: null, ...extra,
});

describe('the CC window rule', () => {
  it('keeps the invoices of the last 6 billed bimesters of a ceased account, counted on its own invoices', () => {
    const eight = [[2026, 3], [2026, 2], [2026, 1], [2025, 6], [2025, 5], [2025, 4], [2025, 3], [2025, 2]]
      .map(([year, bim], i) => invoice(`8W1002000${i}`, 'FIXED', '99318000003', year, bim));
    const sameBimester = invoice('8W10020099', 'FIXED', '99318000003', 2026, 3, { type: 'Fonia-Dati' });
    const kept = ceasedCustomerInvoices([sameBimester, ...eight]);
    expect(kept.map((i) => `${i.year}/${i.bimester}`)).toEqual(['2026/3', '2026/3', '2026/2', '2026/1', '2025/6', '2025/5', '2025/4']);
  });
});

describe('invoices arguments', () => {
  const args = { kind: 'MOBILE' as const, first: 10, offset: 0 };
  it('turns valid arguments into a page and the criteria given, leaving absent ones out', () => {
    expect(parseInvoicesArgs({ ...args, first: 50, number: '7X00412066', bimester: 6, paymentStatus: null })).toEqual({
      page: { offset: 0, limit: 50 }, criteria: { number: '7X00412066', bimester: 6 },
    });
  });
  it('refuses each bad argument with BAD_USER_INPUT naming it', () => {
    const refused = (field: string) => expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field } });
    for (const first of [0, 51, null]) expect(() => parseInvoicesArgs({ ...args, first })).toThrow(refused('first'));
    expect(() => parseInvoicesArgs({ ...args, offset: -1 })).toThrow(refused('offset'));
    for (const bimester of [0, 7]) expect(() => parseInvoicesArgs({ ...args, bimester })).toThrow(refused('bimester'));
    for (const number of ['', '7X', '7x00412066', "7X00412066' OR 1=1"]) expect(() => parseInvoicesArgs({ ...args, number })).toThrow(refused('number'));
  });
});

describe('the 12-month window', () => {
  it('ends today and starts the day after the same day a year ago', () => {
    expect(lastMonths(12, TODAY)).toEqual({ from: '2025-11-24', to: TODAY });
    expect(lastMonths(6, '2026-08-31')).toEqual({ from: '2026-03-01', to: '2026-08-31' });
  });
});

// In process, over in-memory legacy systems: company A (mobile + fixed), company B, the ceased fixed customer.
const contract = (number: string, companyId: string, type: Contract['type'], billingCustomerCode: string | null): Contract => ({
  number, type, companyId, billingCustomerCode, status: 'ACTIVE', activatedOn: '2020-01-15', ceasedOn: null, linesCount: 1,
  sdiRecipientCode: null, agreement: null,
});
const CONTRACTS = [contract('888012170373', '1-VALL01', 'MOBILE', null), contract('066633987', '1-VALL01', 'FIXED', '99318457198'),
  contract('888012999001', '1-NOME01', 'MOBILE', null), contract('0516000001', '1-CESS01', 'FIXED', '99318000003')];
const MOBILE_INVOICES = [invoice('7X00412066', 'MOBILE', '888012170373', 2026, 2, { amount: '221.12', paymentStatus: 'TO_PAY' }),
  invoice('7X04127467', 'MOBILE', '888012170373', 2026, 1), invoice('7X00000001', 'MOBILE', '888012170373', 2024, 6),
  invoice('7X10010000', 'MOBILE', '888012999001', 2026, 2)];
const FIXED_INVOICES = [invoice('8W00038521', 'FIXED', '99318457198', 2026, 2), invoice('8W00492000', 'FIXED', '99318457198', 2026, 1, { paymentStatus: 'TO_PAY' }),
  ...[[2026, 3], [2026, 2], [2026, 1], [2025, 6], [2025, 5], [2025, 4], [2025, 3], [2025, 2]]
    .map(([year, bim], i) => invoice(`8W1002000${i}`, 'FIXED', '99318000003', year, bim))];

const newestFirst = (a: Invoice, b: Invoice) => (b.issuedOn ?? '').localeCompare(a.issuedOn ?? '');
const inWindow = (i: Invoice, from: string, to: string) => i.issuedOn! >= from && i.issuedOn! <= to;

function run(grants: Grant[], query: string) {
  const calls: string[] = [];
  const crm = {
    listContracts: async (filter: RecordFilter) => {
      calls.push('ListaContratti');
      return CONTRACTS.filter((c) => filter.companyIds?.includes(c.companyId) || filter.contractNumbers?.includes(c.number));
    },
  };
  const ebill = {
    searchInvoices: async (search: InvoiceSearch, { offset, limit }: { offset: number; limit: number }) => {
      calls.push('fatture/ricerca');
      const found = MOBILE_INVOICES.filter((i) => search.accountCodes.includes(i.accountCode) && inWindow(i, search.from, search.to)
        && (search.bimester === undefined || i.bimester === search.bimester)).sort(newestFirst);
      return { totalCount: found.length, items: found.slice(offset, offset + limit) };
    },
    getInvoicePdf: async (number: string) => ({ fileName: `${number}.pdf`, contentType: 'application/pdf' as const, bytes: Buffer.from('%PDF-1.4') }),
  };
  const context = {
    identity: { userId: 'u', username: 'someone', name: 'U', grants },
    loaders: {
      ebill: { invoices: new DataLoader(async (numbers: readonly string[]) => {
        calls.push('fatture/dettaglio');
        return numbers.map((n) => MOBILE_INVOICES.find((i) => i.number === n) ?? null);
      }) },
      ebpfa: { invoicesByCustomerCode: new DataLoader(async (keys: readonly FixedInvoicesKey[]) => {
        calls.push('flussi/fatture');
        return keys.map((k) => FIXED_INVOICES.filter((i) => i.accountCode === k.customerCode && inWindow(i, k.from, k.to)).sort(newestFirst));
      }, { cacheKeyFn: (k) => `${k.from}/${k.to}/${k.customerCode}` }) },
    },
    legacy: { crm, ebill, ebpfa: ebill },
  } as unknown as SubgraphContext;
  const schema = buildSubgraphSchema([{ typeDefs: parse(readFileSync(new URL('../../schema/billing.graphql', import.meta.url), 'utf8')), resolvers }]);
  return graphql({ schema, source: query, contextValue: context }).then((result) => ({ result: result as ExecutionResult<any>, calls }));
}

const RL_A: Grant[] = [{ profile: 'RL', scope: { kind: 'COMPANY', id: '1-VALL01' } }];
const CC: Grant[] = [{ profile: 'CC', scope: { kind: 'CONTRACT', id: '0516000001' } }];
const numbers = (page: { nodes: { number: string }[] }) => page.nodes.map((n) => n.number);

describe('billing subgraph', () => {
  it('lists both kinds of the viewer\'s invoices of the last 12 months, newest first, with one CRM call', async () => {
    const { result, calls } = await run(RL_A, `{
      mobile: invoices(kind: MOBILE) { totalCount nodes { number amount paymentStatus } }
      fixed: invoices(kind: FIXED, first: 1) { totalCount nodes { number } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.mobile).toEqual({ totalCount: 2, nodes: [
      { number: '7X00412066', amount: '221.12', paymentStatus: 'TO_PAY' }, { number: '7X04127467', amount: '10.00', paymentStatus: 'PAID' }] });
    expect(result.data?.fixed).toEqual({ totalCount: 2, nodes: [{ number: '8W00038521' }] });
    expect(calls.filter((c) => c === 'ListaContratti')).toHaveLength(1);
  });

  it('searches fixed invoices by payment status and bimester', async () => {
    const { result } = await run(RL_A, `{ a: invoices(kind: FIXED, paymentStatus: TO_PAY) { nodes { number } } b: invoices(kind: FIXED, bimester: 2) { nodes { number } } }`);
    expect([numbers(result.data?.a), numbers(result.data?.b)]).toEqual([['8W00492000'], ['8W00038521']]);
  });

  it('shows a ceased customer the invoices of his last 6 bimesters only, by list and by number', async () => {
    const { result } = await run(CC, `{ fixed: invoices(kind: FIXED, first: 50) { totalCount nodes { number } } mobile: invoices(kind: MOBILE) { totalCount }
      newest: invoice(number: "8W10020000") { number } oldest: invoice(number: "8W10020007") { number } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.fixed.totalCount).toBe(6);
    expect(numbers(result.data?.fixed)).toEqual(['8W10020000', '8W10020001', '8W10020002', '8W10020003', '8W10020004', '8W10020005']);
    expect(result.data).toMatchObject({ mobile: { totalCount: 0 }, newest: { number: '8W10020000' }, oldest: null });
  });

  it('answers a foreign, an unknown, a malformed and an out-of-window number alike: null', async () => {
    const { result } = await run(RL_A, `{ own: invoice(number: "7X00412066") { number kind } ownFixed: invoice(number: "8W00492000") { number kind }
      foreign: invoice(number: "7X10010000") { number } foreignFixed: invoice(number: "8W10020000") { number }
      unknown: invoice(number: "7X99999999") { number } malformed: invoice(number: "nope") { number } old: invoice(number: "7X00000001") { number } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ own: { number: '7X00412066', kind: 'MOBILE' }, ownFixed: { number: '8W00492000', kind: 'FIXED' },
      foreign: null, foreignFixed: null, unknown: null, malformed: null, old: null });
  });

  it('resolves invoice entities with the same scoping, batching the eBill lookups', async () => {
    const { result, calls } = await run(RL_A, `{ _entities(representations: [{ __typename: "Invoice", number: "7X00412066" },
      { __typename: "Invoice", number: "7X10010000" }, { __typename: "Invoice", number: "8W00038521" }]) { ... on Invoice { number } } }`);
    expect(result.data?._entities).toEqual([{ number: '7X00412066' }, null, { number: '8W00038521' }]);
    expect(calls.filter((c) => c === 'fatture/dettaglio')).toHaveLength(1);
  });

  it('fetches the PDF only when asked, base64-encoded', async () => {
    const { result } = await run(RL_A, `{ invoice(number: "7X00412066") { document { fileName contentType contentBase64 } } }`);
    expect(result.data?.invoice.document).toEqual({ fileName: '7X00412066.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4').toString('base64') });
  });

  it('refuses a bad argument before any legacy call, naming it', async () => {
    const { result, calls } = await run(RL_A, `{ invoices(kind: MOBILE, bimester: 7) { totalCount } }`);
    expect(result.errors?.[0]).toMatchObject({ message: 'bimester: must be between 1 and 6', extensions: { code: 'BAD_USER_INPUT', field: 'bimester' } });
    expect(calls).toEqual([]);
  });

  it('gives a user without invoice grants nothing, without asking CRM', async () => {
    const { result, calls } = await run([{ profile: 'UT', scope: { kind: 'LINE', id: '3343860902' } }], `{ invoices(kind: FIXED) { totalCount } }`);
    expect(result.data?.invoices).toEqual({ totalCount: 0 });
    expect(calls).toEqual([]);
  });
});
