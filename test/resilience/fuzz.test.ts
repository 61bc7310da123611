import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counters, graphql, startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * Fuzz suite: malformed values for every argument of every mutation, sent as variables (the way clients send
 * input) and as literals. Every answer is BAD_USER_INPUT naming the field, never a 5xx or INTERNAL, and CRM, the
 * only system the mutations write to, writes nothing.
 */
const MUTATIONS = {
  blockSim: 'mutation($input: BlockSimInput!) { blockSim(input: $input) { request { id } } }',
  unblockSim: 'mutation($input: UnblockSimInput!) { unblockSim(input: $input) { request { id } } }',
};
const VALID = {
  blockSim: { number: '3343860505', reason: 'THEFT', idempotencyKey: 'fuzz-valid-key-1' },
  unblockSim: { number: '3343860505', idempotencyKey: 'fuzz-valid-key-2' },
};
const LONG = 'x'.repeat(5_000);
/** Malformed values per input field; each is sent with the other fields valid. */
const MALFORMED: Record<string, unknown[]> = {
  number: ['', '33A', '0666339870', '33438605051', '+393343860505', '334 386 0505', '３３４３８６０５０５', "3' OR '1'='1", '3343860505\n', LONG, null, true, {}, [], 3.5],
  reason: ['FOO', 'theft', '', null, 1, true, {}, ['THEFT']],
  idempotencyKey: ['', 'short', 'k'.repeat(129), 'has space 1234', 'ünïcode-key-1', "'; DROP TABLE--", null, 12345678, false, {}, LONG],
};

let stack: TestStack;
let token: string;
beforeAll(async () => {
  stack = await startTestStack({ env: { MUTATIONS_PER_MINUTE: '10000' } });
  token = await tokenFor(stack, 'ginevra.vallisneri');
});
afterAll(async () => {
  await stack?.stop();
});

const writes = async () => (await counters(stack, 'crm')).CreaPratica ?? 0;

function expectBadUserInput(result: { status: number; body: any }, field: string, context: string): void {
  expect(result.status, context).toBeLessThan(500);
  expect(result.body.errors?.length, context).toBeGreaterThan(0);
  const [error] = result.body.errors;
  expect(error.extensions.code, `${context}: ${error.message}`).toBe('BAD_USER_INPUT');
  expect(error.extensions.field, `${context}: ${error.message}`).toBe(field);
  expect(result.body.data?.blockSim ?? result.body.data?.unblockSim ?? null, context).toBeNull();
}

describe.each(Object.keys(MUTATIONS) as (keyof typeof MUTATIONS)[])('%s with malformed input', (mutation) => {
  const valid = VALID[mutation];

  for (const field of Object.keys(valid)) {
    it(`refuses every malformed ${field} as BAD_USER_INPUT naming input.${field}, writing nothing`, async () => {
      const before = await writes();
      for (const value of MALFORMED[field]) {
        const input = { ...valid, [field]: value };
        const result = await graphql(stack, MUTATIONS[mutation], { input }, token);
        expectBadUserInput(result, `input.${field}`, `${mutation} ${field}=${JSON.stringify(value)?.slice(0, 40)}`);
      }
      expect(await writes()).toBe(before);
    });
  }

  it('refuses a missing, unknown or wrongly typed input as BAD_USER_INPUT, writing nothing', async () => {
    const before = await writes();
    const { number: _dropped, ...withoutNumber } = valid;
    const cases: [unknown, string][] = [
      [null, 'input'], ['3343860505', 'input'], [[valid], 'input'], [withoutNumber, 'input.number'],
      [{ ...valid, extra: 1 }, 'input.extra'],
    ];
    for (const [input, field] of cases) {
      expectBadUserInput(await graphql(stack, MUTATIONS[mutation], { input }, token), field, `${mutation} input=${JSON.stringify(input)}`);
    }
    expect(await writes()).toBe(before);
  });

  it('refuses malformed literals in the operation text as BAD_USER_INPUT, writing nothing', async () => {
    const before = await writes();
    const literal = (fields: string) => `mutation { ${mutation}(input: { ${fields} }) { request { id } } }`;
    const key = `idempotencyKey: "${valid.idempotencyKey}"`;
    const reason = mutation === 'blockSim' ? 'reason: THEFT' : '';
    const cases: [string, string][] = [
      [literal(`number: "33A", ${reason} ${key}`), 'input.number'],
      [literal(`number: "3343860505", ${reason} idempotencyKey: "short"`), 'input.idempotencyKey'],
    ];
    if (mutation === 'blockSim') cases.push([literal(`number: "3343860505", reason: FOO, ${key}`), 'input.reason']);
    for (const [query, field] of cases) expectBadUserInput(await graphql(stack, query, {}, token), field, query);
    expect(await writes()).toBe(before);
  });
});
