import DataLoader from 'dataloader';
import { describe, expect, it, vi } from 'vitest';
import type { Grant, MobileLine } from '../../adapters/domain';
import { loadTypeDefs, type SubgraphContext } from '../../subgraphs/runtime/server';
import { readPolicy } from '../../subgraphs/runtime/policy/directives';
import { pageWindow } from '../../subgraphs/runtime/pagination';
import { exactMatchPage, isCompleteMobileNumber, matchesSearch, parseSearch } from '../../subgraphs/mobile/search';
import { checkSimInput } from '../../subgraphs/mobile/sim-input';
import { BLOCK, runSimOperation } from '../../subgraphs/mobile/sim';

const line = (number: string, companyId = '1-VALL01', extra: Partial<MobileLine> = {}): MobileLine => ({
  number, contractNumber: '888012170373', companyId, iccid: `8939010000${number}`, status: 'ACTIVE', tariffPlan: 'TIM',
  kind: 'POSTPAID', activatedOn: '2020-01-01', ceasedOn: null, oneNumber: null, ...extra,
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
  const ok = { number: '3343860505', idempotencyKey: 'block-3343860505-a' };
  it('accepts 9- and 10-digit numbers starting with 3 and plain keys of 8..128 characters', () => {
    expect(() => checkSimInput(ok)).not.toThrow();
    expect(() => checkSimInput({ number: '334386050', idempotencyKey: 'A'.repeat(128) })).not.toThrow();
  });
  it('names the offending input field', () => {
    for (const number of ['33A', '0666339870', '33438605051', '+393343860505']) {
      expect(() => checkSimInput({ ...ok, number })).toThrow(/^input\.number: /);
    }
    for (const idempotencyKey of ['short', 'A'.repeat(129), 'has space!', 'àccentato']) {
      expect(() => checkSimInput({ ...ok, idempotencyKey })).toThrow(/^input\.idempotencyKey: /);
    }
  });
});

describe('who may block a SIM', () => {
  const lines = new Map([['3343860505', line('3343860505')], ['3343860405', line('3343860405')], ['3319000001', line('3319000001', '1-ENTE02', { contractNumber: '888010077777' })]]);
  function context(grants: Grant[]) {
    // CRM's answer names the operation and the line it created the request for.
    const createRequest = vi.fn(async (req: { description: string; lineNumber: string }) =>
      ({ request: { id: '7-1', description: req.description, lineNumber: req.lineNumber }, order: { id: '1-ORD' } }));
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
    const foreign = await runSimOperation(BLOCK, input('3343860505'), ctx).catch((e) => e);
    const unknown = await runSimOperation(BLOCK, input('3999999999'), ctx).catch((e) => e);
    expect(foreign.extensions.code).toBe('NOT_FOUND');
    expect([foreign.message, foreign.extensions]).toEqual([unknown.message, unknown.extensions]);
    expect(createRequest).not.toHaveBeenCalled();
  });

  it('refuses a profile that sees the line but may not block it (UT on his own line)', async () => {
    const { ctx, createRequest } = context([{ profile: 'UT', scope: { kind: 'LINE', id: '3343860505' } }]);
    await expect(runSimOperation(BLOCK, input('3343860505'), ctx)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(createRequest).not.toHaveBeenCalled();
  });

  it('lets an AL block his own line only', async () => {
    const { ctx } = context([{ profile: 'AL', scope: { kind: 'COMPANY', id: '1-VALL01' } }, { profile: 'AL', scope: { kind: 'LINE', id: '3343860405' } }]);
    await expect(runSimOperation(BLOCK, input('3343860405'), ctx)).resolves.toMatchObject({ request: { id: '7-1' } });
    await expect(runSimOperation(BLOCK, input('3343860505'), ctx)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('creates the request with the CM8 channel for a ROA and returns the line as CRM has it now', async () => {
    const { ctx, createRequest } = context([{ profile: 'ROA', scope: { kind: 'CONTRACT', id: '888010077777' } }]);
    const outcome = await runSimOperation(BLOCK, input('3319000001'), ctx);
    expect(createRequest).toHaveBeenCalledWith(expect.objectContaining({
      description: 'Furto/Smarrimento SIM', lineNumber: '3319000001', reason: 'Furto', channel: 'CONSIP8', idempotencyKey: 'u:key-12345678',
    }));
    expect(outcome).toMatchObject({ request: { id: '7-1' }, order: { id: '1-ORD' }, line: { number: '3319000001', status: 'SUSPENDED' } });
  });
});
