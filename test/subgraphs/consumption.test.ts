import { createRequire } from 'node:module';
import DataLoader from 'dataloader';
import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Grant, MobileLine } from '../../adapters/domain';
import { buildProtectedSchema, type SubgraphContext } from '../../subgraphs/runtime/server';
import { resolvers } from '../../subgraphs/consumption/resolvers';

/** The consumption subgraph in process with its policy, over in-memory CRM and eBill loaders that count their batches. */
// @apollo/subgraph builds the schema with the CommonJS graphql; it must be executed with that same copy.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const line = (number: string, companyId: string, kind: MobileLine['kind'] = 'POSTPAID'): MobileLine => ({
  number, contractNumber: companyId === '1-VALL01' ? '888012170373' : '888012999001', companyId, iccid: `89390100${number}`,
  status: 'ACTIVE', tariffPlan: 'TIM', kind, activatedOn: '2021-03-01', ceasedOn: null, oneNumber: null, automaticRecharge: null, companyRecharge: null, networkSettings: null, cessationScheduledOn: null,
});
const COMPANY_A = Array.from({ length: 50 }, (_, i) => line(`33438${String(60000 + i)}`, '1-VALL01', i === 0 ? 'PREPAID' : 'POSTPAID'));
const LINES = [...COMPANY_A, line('3471000001', '1-NOME01', 'PREPAID')];

function run(grants: Grant[], numbers: string[]) {
  const batches: Record<string, number> = {};
  const loader = <V>(name: string, answer: (key: string) => V | null) => new DataLoader(async (keys: readonly string[]) => {
    batches[name] = (batches[name] ?? 0) + 1;
    return keys.map(answer);
  }, { maxBatchSize: name === 'GetLineeMobili' ? 100 : 50 });
  const context = {
    identity: { userId: 'u', username: 'someone', name: 'U', grants },
    loaders: {
      crm: { mobileLines: loader('GetLineeMobili', (n) => LINES.find((l) => l.number === n) ?? null) },
      ebill: {
        residualCredit: loader('linee/credito', (n) => ({ lineNumber: n, amount: '9.80', updatedAt: '2026-11-23T06:12:00Z' })),
        availableTraffic: loader('linee/traffico', (n) => ({ lineNumber: n, dataGbTotal: '20.00', dataGbLeft: '7.50',
          minutesTotal: 1000, minutesLeft: 420, smsTotal: 100, smsLeft: 99 })),
      },
    },
  } as unknown as SubgraphContext;
  const { schema } = buildProtectedSchema('consumption', resolvers);
  const source = `{ _entities(representations: [${numbers.map((n) => `{ __typename: "MobileLine", number: "${n}" }`).join(', ')}]) {
    ... on MobileLine { number residualCredit { amount updatedAt } availableTraffic { dataGbLeft minutesLeft smsLeft } } } }`;
  return graphql({ schema, source, contextValue: context }).then((result) => ({ result: result as ExecutionResult<any>, batches }));
}

const RL_A: Grant[] = [{ profile: 'RL', scope: { kind: 'COMPANY', id: '1-VALL01' } }];

describe('consumption subgraph', () => {
  it('serves a page of 50 lines with one CRM lookup, one credit call and one traffic call', async () => {
    const { result, batches } = await run(RL_A, COMPANY_A.map((l) => l.number));
    expect(result.errors).toBeUndefined();
    const entities = result.data?._entities as { residualCredit: unknown; availableTraffic: unknown }[];
    expect(entities).toHaveLength(50);
    expect(entities[0].residualCredit).toEqual({ amount: '9.80', updatedAt: '2026-11-23T06:12:00Z' });
    expect(entities.slice(1).every((e) => e.residualCredit === null && e.availableTraffic !== null)).toBe(true);
    expect(batches).toEqual({ GetLineeMobili: 1, 'linee/credito': 1, 'linee/traffico': 1 });
  });

  it('answers foreign, unknown and malformed lines with null, without asking eBill about them', async () => {
    const { result, batches } = await run(RL_A, ['3471000001', '3999999999', 'x']);
    expect(result.data?._entities).toEqual([null, null, null]);
    expect(batches).toEqual({ GetLineeMobili: 1 });
  });

  it('applies the usage policy: a REF_EBILL of the contract sees its lines\' credit and traffic (seed 002 §7.4.3-§7.4.4), a TRAFFIC_MANAGER its lines, not their consumption', async () => {
    const refEbill = await run([{ profile: 'REF_EBILL', scope: { kind: 'CONTRACT', id: '888012170373' } }], [COMPANY_A[0].number]);
    expect(refEbill.result.errors).toBeUndefined();
    expect(refEbill.result.data?._entities).toEqual([{ number: COMPANY_A[0].number, residualCredit: { amount: '9.80', updatedAt: '2026-11-23T06:12:00Z' },
      availableTraffic: { dataGbLeft: '7.50', minutesLeft: 420, smsLeft: 99 } }]);
    const traffic = await run([{ profile: 'TRAFFIC_MANAGER', scope: { kind: 'CONTRACT', id: '888012170373' } }], [COMPANY_A[0].number]);
    expect(traffic.result.data?._entities).toEqual([{ number: COMPANY_A[0].number, residualCredit: null, availableTraffic: null }]);
    expect(traffic.result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['_entities.0.residualCredit', 'FORBIDDEN'], ['_entities.0.availableTraffic', 'FORBIDDEN'],
    ]);
    expect(traffic.batches).toEqual({ GetLineeMobili: 1 });
    const ut = await run([{ profile: 'UT', scope: { kind: 'LINE', id: COMPANY_A[1].number } }], [COMPANY_A[1].number, COMPANY_A[2].number]);
    expect((ut.result.data?._entities as unknown[]).map((e) => e !== null)).toEqual([true, false]);
  });
});
