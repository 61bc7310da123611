import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import DataLoader from 'dataloader';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Grant, Order, RecordFilter, ServiceRequest } from '../../adapters/domain';
import { readPolicy } from '../../subgraphs/runtime/policy/directives';
import type { SubgraphContext } from '../../subgraphs/runtime/server';
import { resolvers } from '../../subgraphs/tracking/resolvers';
import { requestsHistoryWindow } from '../../subgraphs/tracking/windows';

// @apollo/subgraph builds the schema with the CommonJS graphql; it must be executed with that same copy.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const TODAY = '2026-11-23';
process.env.LEGACY_TODAY = TODAY;

describe('the requests history window (TRK-04)', () => {
  it('covers the 10 days before the date and the date itself, today by default', () => {
    expect(requestsHistoryWindow(undefined, TODAY)).toEqual({ from: '2026-11-13', to: TODAY });
    expect(requestsHistoryWindow('2026-03-05', TODAY)).toEqual({ from: '2026-02-23', to: '2026-03-05' });
  });
  it('refuses a date in the future or more than 2 years back, naming `before`', () => {
    const refused = expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'before' } });
    expect(() => requestsHistoryWindow('2026-11-24', TODAY)).toThrow(refused);
    expect(() => requestsHistoryWindow('2024-11-22', TODAY)).toThrow(refused);
    expect(requestsHistoryWindow('2024-11-23', TODAY).to).toBe('2024-11-23');
  });
});

const order = (id: string, companyId: string, createdOn: string, requestId: string | null): Order => ({
  id, contractNumber: companyId === '1-VALL01' ? '888012170373' : '888012999001', lineNumber: '3343860505', companyId, type: 'Attivazione',
  description: 'Offerta', channel: 'Web', status: 'Lavorato', shipmentStatus: null, createdOn, requestId, items: [{ description: 'SIM', status: 'Lavorato' }],
});
const request = (id: string, companyId: string, openedOn: string, orderId: string | null): ServiceRequest => ({
  id, type: 'Assistenza', description: 'Furto/Smarrimento SIM', contractNumber: companyId === '1-VALL01' ? '888012170373' : '888012999001',
  lineNumber: null, companyId, origin: 'AREA CLIENTI', status: 'IN_PROGRESS', openedOn, closedOn: null, orderId,
});
const ORDERS = [order('74440467686', '1-VALL01', '2026-09-01', null), order('74458098909', '1-VALL01', '2026-11-20', '7-100'),
  order('74400000001', '1-NOME01', '2026-11-21', null)];
const REQUESTS = [request('7-100', '1-VALL01', '2026-11-20', '74458098909'), request('7-99', '1-VALL01', '2026-10-01', null),
  request('7-200', '1-NOME01', '2026-11-22', null)];

function run(grants: Grant[], query: string) {
  const calls: string[] = [];
  const matches = (f: RecordFilter, r: Order | ServiceRequest) => !!(f.companyIds?.includes(r.companyId) || f.contractNumbers?.includes(r.contractNumber!));
  const between = (day: string, from: string, to: string) => day >= from && day <= to;
  const crm = {
    listOrders: async (f: RecordFilter, from: string, to: string) => (calls.push(`ListaOrdini ${from} ${to}`), ORDERS.filter((o) => matches(f, o) && between(o.createdOn, from, to))),
    listRequests: async (f: RecordFilter, from: string, to: string) => (calls.push(`ListaPratiche ${from} ${to}`), REQUESTS.filter((r) => matches(f, r) && between(r.openedOn, from, to))),
  };
  const get = <R extends { id: string }>(name: string, all: R[]) => new DataLoader(async (ids: readonly string[]) => (calls.push(name), ids.map((id) => all.find((r) => r.id === id) ?? null)));
  const typeDefs = parse(readFileSync(new URL('../../schema/tracking.graphql', import.meta.url), 'utf8'));
  const context = {
    identity: { userId: 'u', username: 'someone', name: 'U', grants },
    loaders: { crm: { orders: get('GetOrdini', ORDERS), requests: get('GetPratiche', REQUESTS) } },
    legacy: { crm },
    // The pages list with the grants of their own @allow (tracked.ts): the policy the server would give them.
    policy: readPolicy(typeDefs),
  } as unknown as SubgraphContext;
  const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
  return graphql({ schema, source: query, contextValue: context }).then((result) => ({ result: result as ExecutionResult<any>, calls }));
}

const RL_A: Grant[] = [{ profile: 'RL', scope: { kind: 'COMPANY', id: '1-VALL01' } }];
/** The history is the ROA's page (TRK-04): it lists with his grants only. */
const ROA_A: Grant[] = [{ profile: 'ROA', scope: { kind: 'CONTRACT', id: '888012170373' } }];

describe('tracking subgraph', () => {
  it('lists the viewer\'s orders and requests of the last 6 months, newest first, links included without extra calls', async () => {
    const { result, calls } = await run(RL_A, `{ orders { id createdOn contract { number } line { number } items { description } request { id } }
      requests { id status openedOn order { id } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.orders.map((o: { id: string }) => o.id)).toEqual(['74458098909', '74440467686']);
    expect(result.data?.orders[0]).toMatchObject({ contract: { number: '888012170373' }, line: { number: '3343860505' }, request: { id: '7-100' } });
    expect(result.data?.requests).toEqual([{ id: '7-100', status: 'IN_PROGRESS', openedOn: '2026-11-20', order: { id: '74458098909' } },
      { id: '7-99', status: 'IN_PROGRESS', openedOn: '2026-10-01', order: null }]);
    expect(calls.sort()).toEqual(['ListaOrdini 2026-05-24 2026-11-23', 'ListaPratiche 2026-05-24 2026-11-23']);
  });

  it('answers foreign and unknown ids alike, by id and as entities', async () => {
    const { result } = await run(RL_A, `{ own: order(id: "74440467686") { id } foreign: order(id: "74400000001") { id } unknown: request(id: "7-1") { id }
      _entities(representations: [{ __typename: "Request", id: "7-200" }, { __typename: "Request", id: "7-99" }]) { ... on Request { id } } }`);
    expect(result.data).toEqual({ own: { id: '74440467686' }, foreign: null, unknown: null, _entities: [null, { id: '7-99' }] });
  });

  it('shows the requests history of the 10 days before a date, and refuses a future date naming `before`', async () => {
    const ok = await run(ROA_A, `{ requestsHistory(before: "2026-11-21") { id } }`);
    // The RL's grant is not the history's: nothing listed, nothing asked of CRM.
    const rl = await run(RL_A, `{ requestsHistory(before: "2026-11-21") { id } }`);
    expect([rl.result.data?.requestsHistory, rl.calls]).toEqual([[], []]);
    expect(ok.result.data?.requestsHistory).toEqual([{ id: '7-100' }]);
    expect(ok.calls).toEqual(['ListaPratiche 2026-11-11 2026-11-21']);
    const future = await run(ROA_A, `{ requestsHistory(before: "2027-01-01") { id } }`);
    expect(future.result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'before' } });
    expect(future.calls).toEqual([]);
  });
});
