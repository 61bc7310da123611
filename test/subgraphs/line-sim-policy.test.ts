import { createRequire } from 'node:module';
import DataLoader from 'dataloader';
import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Grant, MobileLine } from '../../adapters/domain';
import { buildProtectedSchema, type SubgraphContext } from '../../subgraphs/runtime/server';
import { resolvers } from '../../subgraphs/mobile/resolvers';

/**
 * A SIM's IMEI (seed 002 §9.1.1) is decided on the SIM's line, like the line's own fields: a user who is EU on his
 * own line and holds another profile elsewhere reads the IMEI of his own SIM, and not, through his EU grant, the IMEI
 * of a line he sees with a profile the IMEI is not for. The mobile subgraph in process with its policy.
 */
// @apollo/subgraph builds the schema with the CommonJS graphql; it must be executed with that same copy.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const line = (number: string, companyId: string, contractNumber: string): MobileLine => ({
  number, contractNumber, companyId, iccid: `89390100${number}`, status: 'ACTIVE', tariffPlan: 'TIM', kind: 'POSTPAID',
  activatedOn: '2021-03-01', ceasedOn: null, oneNumber: null, automaticRecharge: null, companyRecharge: null, networkSettings: null, cessationScheduledOn: null,
});
const OWN = line('3312548681', '1-KRSH01', '888010088938');
const COMPANY_LINE = line('3343860405', '1-VALL01', '888012170373');

function ask(grants: Grant[], number: string) {
  const context = {
    identity: { userId: 'u', username: 'someone', name: 'U', grants },
    loaders: {
      crm: {
        mobileLines: new DataLoader(async (keys: readonly string[]) => keys.map((n) => [OWN, COMPANY_LINE].find((l) => l.number === n) ?? null)),
        simImeis: new DataLoader(async (keys: readonly string[]) => keys.map((n) => new Map([[`89390100${n}`, '352141100000104']]))),
      },
    },
  } as unknown as SubgraphContext;
  const { schema } = buildProtectedSchema('mobile', resolvers);
  const source = `{ _entities(representations: [{ __typename: "MobileLine", number: "${number}" }]) { ... on MobileLine { number sims { iccid imei } } } }`;
  return graphql({ schema, source, contextValue: context }) as Promise<ExecutionResult<any>>;
}

const EU_AND_RL: Grant[] = [
  { profile: 'EU', scope: { kind: 'LINE', id: OWN.number } },
  { profile: 'RL', scope: { kind: 'COMPANY', id: '1-VALL01' } },
];

describe('the IMEI of a SIM', () => {
  it('is read by the employee on his own line', async () => {
    const result = await ask(EU_AND_RL, OWN.number);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ number: OWN.number, sims: [{ iccid: OWN.iccid, imei: '352141100000104' }] }]);
  });

  it('is FORBIDDEN on a line he sees with another profile, though he is EU elsewhere; the SIM itself is served', async () => {
    const result = await ask(EU_AND_RL, COMPANY_LINE.number);
    expect(result.data?._entities).toEqual([{ number: COMPANY_LINE.number, sims: [{ iccid: COMPANY_LINE.iccid, imei: null }] }]);
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['_entities.0.sims.0.imei', 'FORBIDDEN']]);
  });
});
