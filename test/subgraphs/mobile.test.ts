import DataLoader from 'dataloader';
import { describe, expect, it, vi } from 'vitest';
import type { Grant, MobileLine } from '../../adapters/domain';
import { loadTypeDefs, type SubgraphContext } from '../../subgraphs/runtime/server';
import { readPolicy } from '../../subgraphs/runtime/policy/directives';
import { pageWindow } from '../../subgraphs/runtime/pagination';
import { exactMatchPage, isCompleteMobileNumber, matchesSearch, parseSearch } from '../../subgraphs/mobile/search';
import { runDispositive } from '../../subgraphs/runtime/dispositive/engine';
import { BLOCK_SIM } from '../../subgraphs/mobile/operations/sim-block';

const line = (number: string, companyId = '1-VALL01', extra: Partial<MobileLine> = {}): MobileLine => ({
  number, contractNumber: '888012170373', companyId, iccid: `8939010000${number}`, status: 'ACTIVE', tariffPlan: 'TIM',
  kind: 'POSTPAID', activatedOn: '2020-01-01', ceasedOn: null, oneNumber: null, automaticRecharge: null, companyRecharge: null, networkSettings: null, cessationScheduledOn: null, ...extra,
});

describe('mobileLines arguments', () => {
  it('accepts first 1..100 and offset >= 0', () => {
    expect(pageWindow(1, 0)).toEqual({ offset: 0, limit: 1 });
    expect(pageWindow(100, 300)).toEqual({ offset: 300, limit: 100 });
  });
  it('refuses other values with BAD_USER_INPUT naming the argument', () => {
    for (const first of [0, 101, -1, null]) {
      expect(() => pageWindow(first, 0)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } }));
    }
    expect(() => pageWindow(20, -1)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'offset' } }));
  });
  it('reads a search as digits, ignoring spaces, and refuses anything else', () => {
    expect(parseSearch(' 334 386 ')).toBe('334386');
    expect(parseSearch('')).toBeNull();
    expect(parseSearch(null)).toBeNull();
    expect(() => parseSearch('33a')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'search' } }));
  });
  it('treats only a full 10-digit number as a keyed lookup: 9 digits may be the start of a longer number', () => {
    expect(isCompleteMobileNumber('3343860505')).toBe(true);
    expect(isCompleteMobileNumber('334386050')).toBe(false);
    expect(isCompleteMobileNumber('8939010000')).toBe(false);
  });
  it('matches a prefix of the number or of the ICCID, never a substring', () => {
    expect(matchesSearch(line('3343860505'), '33438')).toBe(true);
    expect(matchesSearch(line('3343860505'), '893901')).toBe(true);
    expect(matchesSearch(line('3343860505'), '0505')).toBe(false);
  });
  it('pages a keyed lookup like a one-line list', () => {
    const l = line('3343860505');
    expect(exactMatchPage(l, { offset: 0, limit: 20 })).toEqual({ totalCount: 1, nodes: [l] });
    expect(exactMatchPage(l, { offset: 20, limit: 20 })).toEqual({ totalCount: 1, nodes: [] });
    expect(exactMatchPage(null, { offset: 0, limit: 20 })).toEqual({ totalCount: 0, nodes: [] });
  });
});

describe('blockSim / unblockSim input', () => {
  const ok = { number: '3343860505', reason: 'THEFT', idempotencyKey: 'block-3343860505-a' };
  // Validation comes first: a context that is never touched proves that nothing is read or written.
  const untouched = new Proxy({}, { get: () => { throw new Error('read or wrote before validating'); } }) as SubgraphContext;
  const refusal = (input: Record<string, unknown>) => runDispositive(BLOCK_SIM, input, untouched).then(() => null, (e: Error) => e.message);
  it('accepts 9- and 10-digit numbers starting with 3 and plain keys of 8..128 characters', () => {
    expect(() => BLOCK_SIM.validate(ok, (f) => `input.${f}`)).not.toThrow();
    expect(() => BLOCK_SIM.validate({ ...ok, number: '334386050' }, (f) => `input.${f}`)).not.toThrow();
  });
  it('names the offending input field, before reading anything', async () => {
    for (const number of ['33A', '0666339870', '33438605051', '+393343860505']) {
      expect(await refusal({ ...ok, number })).toMatch(/^input\.number: /);
    }
    for (const idempotencyKey of ['short', 'A'.repeat(129), 'has space!', 'àccentato']) {
      expect(await refusal({ ...ok, idempotencyKey })).toMatch(/^input\.idempotencyKey: /);
    }
    expect(await refusal({ ...ok, reason: 'BORED' })).toMatch(/^input\.reason: /);
  });
});

describe('who may block a SIM', () => {
  const lines = new Map([['3343860505', line('3343860505')], ['3343860405', line('3343860405')], ['3319000001', line('3319000001', '1-ENTE02', { contractNumber: '888010077777' })]]);
  function context(grants: Grant[]) {
    // CRM's answer names the operation and the line it created the request for.
    const createRequest = vi.fn(async (req: { description: string; target: { id: string } }) =>
      ({ request: { id: '7-1', description: req.description, lineNumber: req.target.id }, order: { id: '1-ORD' } }));
    const getMobileLines = vi.fn(async (numbers: string[]) => numbers.map((n) => ({ ...lines.get(n)!, status: 'SUSPENDED' })));
    const ctx = {
      identity: { userId: 'u', username: 'u', name: 'U', grants },
      loaders: { crm: { mobileLines: new DataLoader(async (keys: readonly string[]) => keys.map((k) => lines.get(k) ?? null)) } },
      legacy: { crm: { createRequest, getMobileLines } },
      policy: readPolicy(loadTypeDefs('mobile')),
    } as unknown as SubgraphContext;
    return { ctx, createRequest };
  }
  const input = (number: string) => ({ number, reason: 'THEFT' as const, idempotencyKey: 'key-12345678' });
  const rl: Grant = { profile: 'RL', scope: { kind: 'COMPANY', id: '1-NOME01' } };

  it('answers a foreign line exactly like an unknown one, and writes nothing', async () => {
    const { ctx, createRequest } = context([rl]);
    const foreign = await runDispositive(BLOCK_SIM, input('3343860505'), ctx).then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as { message: string; extensions: { code: string } });
    const unknown = await runDispositive(BLOCK_SIM, input('3999999999'), ctx).then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as { message: string; extensions: { code: string } });
    expect(foreign.extensions.code).toBe('NOT_FOUND');
    expect([foreign.message, foreign.extensions]).toEqual([unknown.message, unknown.extensions]);
    expect(createRequest).not.toHaveBeenCalled();
  });

  it('refuses a profile that sees the line but may not block it (UT on his own line)', async () => {
    const { ctx, createRequest } = context([{ profile: 'UT', scope: { kind: 'LINE', id: '3343860505' } }]);
    await expect(runDispositive(BLOCK_SIM, input('3343860505'), ctx)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(createRequest).not.toHaveBeenCalled();
  });

  it('lets an AL block his own line only', async () => {
    const { ctx } = context([{ profile: 'AL', scope: { kind: 'COMPANY', id: '1-VALL01' } }, { profile: 'AL', scope: { kind: 'LINE', id: '3343860405' } }]);
    await expect(runDispositive(BLOCK_SIM, input('3343860405'), ctx)).resolves.toMatchObject({ created: { request: { id: '7-1' } } });
    await expect(runDispositive(BLOCK_SIM, input('3343860505'), ctx)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('creates the request with the CM8 channel for a ROA and returns the line as CRM has it now', async () => {
    const { ctx, createRequest } = context([{ profile: 'ROA', scope: { kind: 'CONTRACT', id: '888010077777' } }]);
    const outcome = await runDispositive(BLOCK_SIM, input('3319000001'), ctx);
    expect(createRequest).toHaveBeenCalledWith(expect.objectContaining({
      description: 'Furto/Smarrimento SIM', withOrder: true, target: { kind: 'MobileLine', id: '3319000001' }, reason: 'Furto', channel: 'CONSIP8',
      idempotencyKey: 'u:key-12345678', fingerprint: expect.any(String),
    }));
    expect(outcome).toMatchObject({ created: { request: { id: '7-1' }, order: { id: '1-ORD' } }, record: { number: '3319000001', status: 'SUSPENDED' } });
  });
});
