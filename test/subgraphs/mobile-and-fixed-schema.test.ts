import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import DataLoader from 'dataloader';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { FixedLine, Grant, MobileLine, Page, RecordFilter } from '../../adapters/domain';
import type { Resolvers, SubgraphContext } from '../../subgraphs/runtime/server';
import { resolvers as fixedResolvers } from '../../subgraphs/fixed/resolvers';
import { resolvers as mobileResolvers } from '../../subgraphs/mobile/resolvers';

/**
 * The mobile and fixed subgraph schemas executed in process over an in-memory CRM: SDL and resolvers agree, lists
 * and lookups are scoped, entity fetches of foreign lines answer null, and list results prime the loader.
 */
// @apollo/subgraph builds the schema with the CommonJS graphql; it must be executed with that same copy.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const mobile = (number: string, companyId: string, iccid: string): MobileLine => ({
  number, contractNumber: companyId === '1-VALL01' ? '888012170373' : '888012999001', companyId, iccid, status: 'ACTIVE',
  tariffPlan: 'TIM Business', kind: 'POSTPAID', activatedOn: '2021-03-01', ceasedOn: null, oneNumber: null,
});
const MOBILE = [
  mobile('3343860505', '1-VALL01', '8939010000000000505'), mobile('3343860902', '1-VALL01', '8939010000000000902'),
  mobile('3316779290', '1-VALL01', '8939019999000009290'), mobile('3471000001', '1-NOME01', '8939010000000001001'),
];
const FIXED: FixedLine[] = [
  { number: '066633987', contractNumber: '066633987', companyId: '1-VALL01', status: 'ACTIVE', type: 'VOICE_DATA', site: null },
  { number: '021234567', contractNumber: '021234567', companyId: '1-NOME01', status: 'ACTIVE', type: 'VOICE', site: null },
];

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
  const get = <L extends { number: string }>(name: string, all: L[]) => async (numbers: readonly string[]) => {
    calls.push(name);
    return numbers.map((n) => all.find((l) => l.number === n) ?? null);
  };
  const crm = { listMobileLines: list('ListaLineeMobili', MOBILE), listFixedLines: list('ListaLineeFisse', FIXED),
    getMobileLines: get('GetLineeMobili', MOBILE), getFixedLines: get('GetLineeFisse', FIXED) };
  return { crm, calls };
}

function run(name: 'mobile' | 'fixed', resolvers: Resolvers, grants: Grant[], query: string) {
  const { crm, calls } = fakeCrm();
  const context = {
    identity: { userId: 'u', username: 'u', name: 'U', grants },
    loaders: { crm: { mobileLines: new DataLoader(crm.getMobileLines), fixedLines: new DataLoader(crm.getFixedLines) } },
    legacy: { crm },
  } as unknown as SubgraphContext;
  const typeDefs = parse(readFileSync(new URL(`../../schema/${name}.graphql`, import.meta.url), 'utf8'));
  const schema = buildSubgraphSchema({ typeDefs, resolvers });
  return graphql({ schema, source: query, contextValue: context }).then((result) => ({ result, calls }));
}

const RL_A: Grant[] = [{ profile: 'RL', scope: { kind: 'COMPANY', id: '1-VALL01' } }];
const entities = (typename: string, numbers: string[]) =>
  `{ _entities(representations: [${numbers.map((n) => `{ __typename: "${typename}", number: "${n}" }`).join(', ')}]) { ... on ${typename} { number contract { number } } } }`;

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
