import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAND_INS } from '../../stack/launch';
import { readmeDashboardQuery } from '../e2e/dashboard-query';
import { counters, graphql, resetCounters, startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * Abuse suite: deep, wide, aliased, costly, batched, oversized and too frequent operations are refused with a
 * clear code by the gateway, before any subgraph runs: the stand-ins (which every field here would reach) serve
 * nothing. The README dashboard still passes.
 */
const MUTATIONS_PER_MINUTE = 3;
let stack: TestStack;
let token: string;
beforeAll(async () => {
  stack = await startTestStack({ env: { MUTATIONS_PER_MINUTE: String(MUTATIONS_PER_MINUTE) } });
  token = await tokenFor(stack, 'ginevra.vallisneri');
  // Loads the user's grants into the gateway's cache, so that CRM's counter measures the subgraphs alone.
  expect((await graphql(stack, readmeDashboardQuery(), {}, token)).body.errors).toBeUndefined();
});
afterAll(async () => {
  await stack?.stop();
});

async function legacyCalls(): Promise<number> {
  let total = 0;
  for (const name of STAND_INS) total += Object.values(await counters(stack, name)).reduce((a, b) => a + b, 0);
  return total;
}

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body,
  });
  return { status: res.status, body: (await res.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[] } };
}

const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');
const ABUSIVE: Record<string, { query: string; limit: string }> = {
  deep: { query: '{ requests { order { request { order { request { order { request { order { request { id } } } } } } } } } }', limit: 'depth' },
  aliased: { query: `{ ${repeat(20, (i) => `a${i}: mobileLines { totalCount }`)} }`, limit: 'aliases' },
  // Issue 19 item 9: 330 `__typename` aliases were answered, the alias limit let them all through.
  'typename-aliased': { query: `{ ${repeat(330, (i) => `t${i}: __typename`)} }`, limit: 'aliases' },
  costly: {
    query: `{ ${repeat(10, (i) => `p${i}: mobileLines(first: 100, offset: ${i * 100}) { nodes { number status iccid tariffPlan residualCredit { amount updatedAt } availableTraffic { dataGbLeft minutesLeft smsLeft } } }`)} }`,
    limit: 'cost',
  },
};

describe('operation limits at the gateway', () => {
  for (const [kind, { query, limit }] of Object.entries(ABUSIVE)) {
    it(`refuses a ${kind} operation with OPERATION_LIMIT_EXCEEDED (${limit}) and calls nothing`, async () => {
      await Promise.all(STAND_INS.map((s) => resetCounters(stack, s)));
      const { status, body } = await post(JSON.stringify({ query }));
      expect(status).toBe(400);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit });
      expect(await legacyCalls()).toBe(0);
    });
  }

  it('refuses a wide document (too many tokens) with GRAPHQL_PARSE_FAILED and calls nothing', async () => {
    await Promise.all(STAND_INS.map((s) => resetCounters(stack, s)));
    const { status, body } = await post(JSON.stringify({ query: `{ mobileLines { ${'totalCount '.repeat(2_000)} } }` }));
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' }, message: expect.stringMatching(/tokens/) });
    expect(await legacyCalls()).toBe(0);
  });

  it('refuses a batch of operations in one request and calls nothing', async () => {
    await Promise.all(STAND_INS.map((s) => resetCounters(stack, s)));
    const { status, body } = await post(JSON.stringify([{ query: '{ mobileLines { totalCount } }' }, { query: '{ fixedLines { totalCount } }' }]));
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions.code).toBe('BAD_REQUEST');
    expect(await legacyCalls()).toBe(0);
  });

  it('refuses a body over the limit with 413, unread', async () => {
    const { status, body } = await post(JSON.stringify({ query: '{ viewer { username } }', variables: { pad: 'x'.repeat(100_000) } }));
    expect(status).toBe(413);
    expect(body.errors?.[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a simple GET operation without a preflight header (CSRF prevention)', async () => {
    const res = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ mobileLines { totalCount } }')}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/i);
  });

  it('masks field suggestions, which would map the schema for an attacker', async () => {
    const { body } = await post(JSON.stringify({ query: '{ mobileLine(number: "3343860505") { statu } }' }));
    expect(body.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});

describe('mutation rate limit', () => {
  it(`allows ${MUTATIONS_PER_MINUTE} mutations a minute per user, then RATE_LIMITED (429) without calling CRM`, async () => {
    const block = 'mutation($input: BlockSimInput!) { blockSim(input: $input) { request { id } } }';
    // A line of another company: refused as NOT_FOUND after one lookup, nothing written; it still counts.
    const input = (i: number) => ({ input: { number: '3471000001', reason: 'LOSS', idempotencyKey: `rate-limit-${i}-abcdef` } });
    for (let i = 0; i < MUTATIONS_PER_MINUTE; i++) {
      expect((await graphql(stack, block, input(i), token)).body.errors[0].extensions.code).toBe('NOT_FOUND');
    }
    await resetCounters(stack, 'crm');
    const limited = await graphql(stack, block, input(99), token);
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(await counters(stack, 'crm')).toEqual({});
    // Another user has his own quota.
    const other = await graphql(stack, block, input(100), await tokenFor(stack, 'mario.rossi'));
    expect(other.body.errors?.[0]?.extensions?.code).not.toBe('RATE_LIMITED');
  });
});

describe('every change in a request counts against the change limit (issue 19 item 8)', () => {
  const scrivici = (n: number, tag: string) => `mutation { ${repeat(n, (i) => `w${i}: writeToUs(input: {
    scopeId: "888010088938", subject: "Informazioni", phone: "3335617891", notes: "Richiesta ${tag} ${i}.", idempotencyKey: "aliased-${tag}-${i}-key"
  }) { request { id } }`)} }`;

  it(`refuses whole a request of ${MUTATIONS_PER_MINUTE + 1} aliased "Scrivici" (row 29) against ${MUTATIONS_PER_MINUTE} a minute, nothing filed; ${MUTATIONS_PER_MINUTE} go through and use the minute`, async () => {
    const roa = await tokenFor(stack, 'vincenzo.roa');
    await resetCounters(stack, 'crm');
    const tooMany = await graphql(stack, scrivici(MUTATIONS_PER_MINUTE + 1, 'a'), {}, roa);
    expect(tooMany.status).toBe(429);
    expect(tooMany.body.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(/makes 4 changes/) });
    expect((await counters(stack, 'crm')).CreaPratica).toBeUndefined();

    const allowed = await graphql(stack, scrivici(MUTATIONS_PER_MINUTE, 'b'), {}, roa);
    expect(allowed.body.errors).toBeUndefined();
    expect(new Set(Object.values(allowed.body.data as Record<string, { request: { id: string } }>).map((w) => w.request.id)).size).toBe(MUTATIONS_PER_MINUTE);
    const next = await graphql(stack, scrivici(1, 'c'), {}, roa);
    expect(next.status).toBe(429);
    expect(next.body.errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});
