import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import DataLoader from 'dataloader';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Company, Contract, FixedLine, Grant, MobileLine, Page, RecordFilter, UserProfile } from '../../adapters/domain';
import type { Resolvers, SubgraphContext } from '../../subgraphs/runtime/server';
import { resolvers as accountResolvers } from '../../subgraphs/account/resolvers';
import { resolvers as fixedResolvers } from '../../subgraphs/fixed/resolvers';
import { resolvers as mobileResolvers } from '../../subgraphs/mobile/resolvers';

/**
 * The account, mobile and fixed subgraph schemas executed in process over an in-memory CRM: SDL and resolvers agree, lists
 * and lookups are scoped, entity fetches of foreign lines answer null, and list results prime the loader.
 */
// @apollo/subgraph builds the schema with the CommonJS graphql; it must be executed with that same copy.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const mobile = (number: string, companyId: string, iccid: string): MobileLine => ({
  number, contractNumber: companyId === '1-VALL01' ? '888012170373' : '888012999001', companyId, iccid, status: 'ACTIVE',
  tariffPlan: 'TIM Business', kind: 'POSTPAID', activatedOn: '2021-03-01', ceasedOn: null, oneNumber: null, automaticRecharge: null, companyRecharge: null, networkSettings: null, cessationScheduledOn: null,
});
const MOBILE = [
  mobile('3343860505', '1-VALL01', '8939010000000000505'), mobile('3343860902', '1-VALL01', '8939010000000000902'),
  mobile('3316779290', '1-VALL01', '8939019999000009290'), mobile('3471000001', '1-NOME01', '8939010000000001001'),
];
const FIXED: FixedLine[] = [
  { number: '066633987', contractNumber: '066633987', companyId: '1-VALL01', status: 'ACTIVE', type: 'VOICE_DATA', site: null, cessationScheduledOn: null, pendingMove: null },
  { number: '021234567', contractNumber: '021234567', companyId: '1-NOME01', status: 'ACTIVE', type: 'VOICE', site: null, cessationScheduledOn: null, pendingMove: null },
];

const company = (id: string, name: string): Company => ({
  id, name, taxCode: `TAX${id}`, legalSeat: null, legalRepresentative: null, fixedCommunicationEmail: null, groupId: null,
});
const COMPANIES = [company('1-VALL01', 'VALLISNERI GINEVRA'), company('1-NOME01', 'NOME AZIENDA SPA')];
const contract = (number: string, companyId: string, type: Contract['type']): Contract => ({
  number, type, companyId, billingCustomerCode: null, status: 'ACTIVE', activatedOn: '2020-01-15', ceasedOn: null,
  linesCount: 1, sdiRecipientCode: null, agreement: null,
});
const CONTRACTS = [contract('888012170373', '1-VALL01', 'MOBILE'), contract('066633987', '1-VALL01', 'FIXED'), contract('888012999001', '1-NOME01', 'MOBILE')];
const GINEVRA: UserProfile = { id: '1-U0001', username: 'ginevra.vallisneri', firstName: 'GINEVRA', lastName: 'VALLISNERI',
  taxCode: 'VLLGVR74E42D548G', mobile: '3485180611', email: 'g@example.it', enabled: true, grants: [] };

const matches = (f: RecordFilter, l: { number: string; contractNumber: string; companyId: string }) =>
  !!(f.companyIds?.includes(l.companyId) || f.contractNumbers?.includes(l.contractNumber) || f.lineNumbers?.includes(l.number));

function fakeCrm() {
  const calls: string[] = [];
  const list = <L extends { number: string; contractNumber: string; companyId: string }>(name: string, all: L[]) =>
    async (filter: RecordFilter, { offset, limit }: { offset: number; limit: number }): Promise<Page<L>> => {
      calls.push(name);
      const found = all.filter((l) => matches(filter, l)).sort((a, b) => a.number.localeCompare(b.number));
      return { totalCount: found.length, items: found.slice(offset, offset + limit) };
    };
  const get = <R>(name: string, all: R[], key: (r: R) => string) => async (ids: readonly string[]) => {
    calls.push(name);
    return ids.map((id) => all.find((r) => key(r) === id) ?? null);
  };
  const byNumber = (r: { number: string }) => r.number;
  const crm = { listMobileLines: list('ListaLineeMobili', MOBILE), listFixedLines: list('ListaLineeFisse', FIXED),
    getMobileLines: get('GetLineeMobili', MOBILE, byNumber), getFixedLines: get('GetLineeFisse', FIXED, byNumber),
    getContracts: get('GetContratti', CONTRACTS, byNumber), getCompanies: get('GetAziende', COMPANIES, (c) => c.id),
    getUserProfile: async (userId: string) => (calls.push('GetProfiloUtente'), userId === GINEVRA.id ? GINEVRA : null),
    listContracts: async (filter: RecordFilter) => {
      calls.push('ListaContratti');
      return CONTRACTS.filter((c) => filter.companyIds?.includes(c.companyId) || filter.contractNumbers?.includes(c.number)
        || MOBILE.some((l) => l.contractNumber === c.number && filter.lineNumbers?.includes(l.number)));
    } };
  return { crm, calls };
}

function run(name: 'account' | 'mobile' | 'fixed', resolvers: Resolvers, grants: Grant[], query: string) {
  const { crm, calls } = fakeCrm();
  const context = {
    identity: { userId: GINEVRA.id, username: GINEVRA.username, name: 'U', grants },
    loaders: { crm: { mobileLines: new DataLoader(crm.getMobileLines), fixedLines: new DataLoader(crm.getFixedLines),
      contracts: new DataLoader(crm.getContracts), companies: new DataLoader(crm.getCompanies) } },
    legacy: { crm },
  } as unknown as SubgraphContext;
  const typeDefs = parse(readFileSync(new URL(`../../schema/${name}.graphql`, import.meta.url), 'utf8'));
  const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
  return graphql({ schema, source: query, contextValue: context }).then((result) => ({ result, calls }));
}

const RL_A: Grant[] = [{ profile: 'RL', scope: { kind: 'COMPANY', id: '1-VALL01' } }];
const entities = (typename: string, numbers: string[], selection = 'number contract { number }') =>
  `{ _entities(representations: [${numbers.map((n) => `{ __typename: "${typename}", number: "${n}" }`).join(', ')}]) { ... on ${typename} { ${selection} } } }`;

describe('mobile subgraph', () => {
  it('lists the viewer\'s lines only, and later entity fetches of them cost no CRM call', async () => {
    const { result, calls } = await run('mobile', mobileResolvers, RL_A,
      `{ mobileLines(first: 2) { totalCount nodes { number status kind activatedOn contract { number } } } mobileLine(number: "3471000001") { number } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      mobileLines: { totalCount: 3, nodes: [
        { number: '3316779290', status: 'ACTIVE', kind: 'POSTPAID', activatedOn: '2021-03-01', contract: { number: '888012170373' } },
        { number: '3343860505', status: 'ACTIVE', kind: 'POSTPAID', activatedOn: '2021-03-01', contract: { number: '888012170373' } }] },
      mobileLine: null,
    });
    expect(calls).toEqual(['ListaLineeMobili', 'GetLineeMobili']);
  });

  it('answers entity fetches of foreign and unknown lines with null', async () => {
    const { result } = await run('mobile', mobileResolvers, RL_A, entities('MobileLine', ['3343860505', '3471000001', '3999999999']));
    expect(result.data?._entities).toEqual([{ number: '3343860505', contract: { number: '888012170373' } }, null, null]);
  });

  it('searches by number prefix and by ICCID prefix within the viewer\'s lines', async () => {
    const byNumber = await run('mobile', mobileResolvers, RL_A, `{ mobileLines(search: "334 386") { totalCount nodes { number } } }`);
    expect(byNumber.result.data?.mobileLines).toEqual({ totalCount: 2, nodes: [{ number: '3343860505' }, { number: '3343860902' }] });
    const byIccid = await run('mobile', mobileResolvers, RL_A, `{ mobileLines(search: "89390199") { totalCount nodes { number } } }`);
    expect(byIccid.result.data?.mobileLines).toEqual({ totalCount: 1, nodes: [{ number: '3316779290' }] });
    const foreign = await run('mobile', mobileResolvers, RL_A, `{ mobileLines(search: "3471000001") { totalCount nodes { number } } }`);
    expect(foreign.result.data?.mobileLines).toEqual({ totalCount: 0, nodes: [] });
    expect(foreign.calls).toEqual(['GetLineeMobili']);
  });

  it('refuses a page size out of range, naming the argument', async () => {
    const { result, calls } = await run('mobile', mobileResolvers, RL_A, `{ mobileLines(first: 101) { totalCount } }`);
    expect(result.errors?.[0]).toMatchObject({ message: 'first: must be between 1 and 100', extensions: { code: 'BAD_USER_INPUT' } });
    expect(calls).toEqual([]);
  });

  it('gives a user without line grants an empty page without asking CRM', async () => {
    const { result, calls } = await run('mobile', mobileResolvers, [{ profile: 'CC', scope: { kind: 'CONTRACT', id: '0516000001' } }],
      `{ mobileLines { totalCount nodes { number } } }`);
    expect(result.data?.mobileLines).toEqual({ totalCount: 0, nodes: [] });
    expect(calls).toEqual([]);
  });
});

describe('fixed subgraph', () => {
  it('lists, looks up and resolves entities with the same scoping', async () => {
    const { result } = await run('fixed', fixedResolvers, RL_A,
      `{ fixedLines { totalCount nodes { number type contract { number } } } own: fixedLine(number: "066633987") { number } foreign: fixedLine(number: "021234567") { number } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      fixedLines: { totalCount: 1, nodes: [{ number: '066633987', type: 'VOICE_DATA', contract: { number: '066633987' } }] },
      own: { number: '066633987' }, foreign: null,
    });
    const refs = await run('fixed', fixedResolvers, RL_A, entities('FixedLine', ['021234567', '066633987']));
    expect(refs.result.data?._entities).toEqual([null, { number: '066633987', contract: { number: '066633987' } }]);
  });
});

describe('account subgraph', () => {
  it('answers the viewer: profiles and grants from the identity, personal data and company from CRM', async () => {
    const { result } = await run('account', accountResolvers, RL_A,
      `{ viewer { username displayName taxCode profiles grants { profile scopeKind scopeId } company { id name contracts { number type activatedOn } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.viewer).toEqual({
      username: 'ginevra.vallisneri', displayName: 'GINEVRA VALLISNERI', taxCode: 'VLLGVR74E42D548G', profiles: ['RL'],
      grants: [{ profile: 'RL', scopeKind: 'COMPANY', scopeId: '1-VALL01' }],
      company: { id: '1-VALL01', name: 'VALLISNERI GINEVRA', contracts: [
        { number: '888012170373', type: 'MOBILE', activatedOn: '2020-01-15' }, { number: '066633987', type: 'FIXED', activatedOn: '2020-01-15' }] },
    });
  });

  it('reads CRM personal data only when a personal field is asked for', async () => {
    const { result, calls } = await run('account', accountResolvers, RL_A, `{ viewer { profiles } }`);
    expect(result.data?.viewer).toEqual({ profiles: ['RL'] });
    expect(calls).toEqual([]);
  });

  it('gives an UT the company and contract of his line, nothing else of it', async () => {
    const ut: Grant[] = [{ profile: 'UT', scope: { kind: 'LINE', id: '3343860902' } }];
    const { result } = await run('account', accountResolvers, ut, `{ viewer { company { id contracts { number } } } fixed: contract(number: "066633987") { number } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ viewer: { company: { id: '1-VALL01', contracts: [{ number: '888012170373' }] } }, fixed: null });
  });

  it('answers foreign and unknown companies and contracts alike, by id and as entities', async () => {
    const { result } = await run('account', accountResolvers, RL_A,
      `{ foreign: company(id: "1-NOME01") { id } unknown: company(id: "1-NONE") { id } own: contract(number: "888012170373") { number company { id } } other: contract(number: "888012999001") { number } }`);
    expect(result.data).toEqual({ foreign: null, unknown: null, own: { number: '888012170373', company: { id: '1-VALL01' } }, other: null });
    const refs = await run('account', accountResolvers, RL_A, entities('Contract', ['888012999001', '888012170373', '888099999999'], 'number status'));
    expect(refs.result.data?._entities).toEqual([null, { number: '888012170373', status: 'ACTIVE' }, null]);
  });

  it('gives a CC no contract nor company record (profiles.md: no company profile for CC; his invoices are billing\'s)', async () => {
    const cc: Grant[] = [{ profile: 'CC', scope: { kind: 'CONTRACT', id: '066633987' } }];
    const { result } = await run('account', accountResolvers, cc, `{ contract(number: "066633987") { number company { id } } viewer { company { id } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ contract: null, viewer: { company: null } });
  });
});
