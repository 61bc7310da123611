import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';
import type { Contract, Grant, MobileLine } from '../../adapters/domain';
import type { SubgraphContext } from '../../subgraphs/runtime/server';
import { reaches, viewerCompanyId } from '../../subgraphs/account/reach';

/** Company and contract reach: the records.ts rules, also through the granted contracts and lines they hold. */
const contracts = new Map<string, Partial<Contract>>([
  ['888012170373', { number: '888012170373', companyId: '1-VALL01' }],
  ['0516000001', { number: '0516000001', companyId: '1-CESS01' }],
  ['888010088938', { number: '888010088938', companyId: '1-KRSH01' }],
]);
const mobileLines = new Map<string, Partial<MobileLine>>([
  ['3343860902', { number: '3343860902', contractNumber: '888012170373', companyId: '1-VALL01' }],
]);

function context(...grants: Grant[]): SubgraphContext {
  const loader = <T>(records: Map<string, T>) => new DataLoader(async (keys: readonly string[]) => keys.map((k) => records.get(k) ?? null));
  return {
    identity: { userId: 'u', username: 'u', name: 'U', grants },
    loaders: { crm: { contracts: loader(contracts), mobileLines: loader(mobileLines), fixedLines: loader(new Map()) } },
  } as unknown as SubgraphContext;
}
const VALL_CONTRACT = { companyId: '1-VALL01', contractNumber: '888012170373' };

describe('account reach', () => {
  it('an RL reaches his company and its contracts, nothing of another company', async () => {
    const rl = context({ profile: 'RL', scope: { kind: 'COMPANY', id: '1-NOME01' } });
    expect(await reaches(rl, 'Company', { companyId: '1-NOME01' })).toBe(true);
    expect(await reaches(rl, 'Company', { companyId: '1-VALL01' })).toBe(false);
    expect(await reaches(rl, 'Contract', VALL_CONTRACT)).toBe(false);
    expect(await viewerCompanyId(rl)).toBe('1-NOME01');
  });

  it('an UT reaches the company of his line and its contracts (ACC-04, profiles.md §2: contracts list "r"), no other company\'s', async () => {
    const ut = context({ profile: 'UT', scope: { kind: 'LINE', id: '3343860902' } });
    expect(await viewerCompanyId(ut)).toBe('1-VALL01');
    expect(await reaches(ut, 'Company', { companyId: '1-VALL01' })).toBe(true);
    expect(await reaches(ut, 'Contract', VALL_CONTRACT)).toBe(true);
    expect(await reaches(ut, 'Contract', { companyId: '1-VALL01', contractNumber: '066633987' })).toBe(true);
    expect(await reaches(ut, 'Contract', { companyId: '1-KRSH01', contractNumber: '888010088938' })).toBe(false);
  });

  it('a ROA reaches the company of his contract, not its other contracts', async () => {
    const roa = context({ profile: 'ROA', scope: { kind: 'CONTRACT', id: '888010088938' } });
    expect(await viewerCompanyId(roa)).toBe('1-KRSH01');
    expect(await reaches(roa, 'Contract', { companyId: '1-KRSH01', contractNumber: '888012234558' })).toBe(false);
  });

  it('a CC reaches neither the company nor the contract records (profiles.md: no company profile for CC)', async () => {
    const cc = context({ profile: 'CC', scope: { kind: 'CONTRACT', id: '0516000001' } });
    expect(await reaches(cc, 'Contract', { companyId: '1-CESS01', contractNumber: '0516000001' })).toBe(false);
    expect(await reaches(cc, 'Company', { companyId: '1-CESS01' })).toBe(false);
    expect(await viewerCompanyId(cc)).toBeNull();
  });
});
