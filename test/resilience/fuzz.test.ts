import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzCases, nonRootFieldsWithArguments, supergraphSchema } from '../support/argument-fuzz';
import { counters, graphql, startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * Fuzz suite: malformed values for every argument of every mutation, sent as variables (the way clients send
 * input) and as literals. Every answer is BAD_USER_INPUT naming the field, never a 5xx or INTERNAL, and CRM, the
 * only system the mutations write to, writes nothing. Then every argument of every field of the supergraph,
 * generated from the composed schema (support/argument-fuzz.ts): no bad value is a 5xx or INTERNAL.
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

describe('every argument of every field of the supergraph', () => {
  const schema = supergraphSchema();
  const cases = fuzzCases(schema);

  it('reaches every argument: only root fields take arguments', () => {
    // A field with arguments below the root would need a path to it; extend argument-fuzz.ts before adding one.
    expect(nonRootFieldsWithArguments(schema)).toEqual([]);
    const targets = new Set(cases.map((c) => c.target));
    expect(targets).toContain('Query.requestsHistory(before)');
    expect(targets).toContain('Mutation.blockSim(input.idempotencyKey)');
    expect(targets.size).toBeGreaterThan(25);
  });

  it('answers every wrong-typed, empty, huge and out-of-range value with a client error, never a 5xx or INTERNAL, writing nothing', async () => {
    const before = await writes();
    const failures: string[] = [];
    // A few at a time: enough to keep the run short, few enough for a machine the whole team shares.
    for (let i = 0; i < cases.length; i += 4) {
      await Promise.all(cases.slice(i, i + 4).map(async (fuzz) => {
        const { status, body } = await graphql(stack, fuzz.query, fuzz.variables, token);
        const internal = (body.errors ?? []).filter((e: { extensions?: { code?: string } }) => e.extensions?.code === 'INTERNAL');
        if (status >= 500 || internal.length > 0) {
          failures.push(`${fuzz.target} = ${JSON.stringify(fuzz.value)?.slice(0, 40)} (${fuzz.variables.v === undefined ? 'literal' : 'variable'}): HTTP ${status} ${JSON.stringify(body.errors?.[0])?.slice(0, 200)}`);
        }
      }));
    }
    expect(failures).toEqual([]);
    expect(await writes()).toBe(before);
  }, 300_000);

  it('refuses requestsHistory(before: "not-a-date") as BAD_USER_INPUT naming before, as a literal and as a variable', async () => {
    const literal = await graphql(stack, '{ requestsHistory(before: "not-a-date") { id } }', {}, token);
    const variable = await graphql(stack, 'query ($before: Date) { requestsHistory(before: $before) { id } }', { before: 'not-a-date' }, token);
    for (const result of [literal, variable]) {
      expect(result.status).toBe(400);
      expect(result.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
    }
  });
});

/**
 * Issue 19 item 10: a key of the wrong shape is the client's mistake, said as BAD_USER_INPUT naming the field, not
 * NOT_FOUND or null as for a record that does not exist; nothing read from the systems of record, nothing written.
 * Each as the profile its @allow admits, so that the answer is the resolver's, not the policy's.
 */
describe('malformed keys (issue 19): BAD_USER_INPUT naming the field', () => {
  const KEY = { idempotencyKey: 'fuzz-malformed-key-1' };
  const CASES: { title: string; user: string; query: string; variables: Record<string, unknown>; field: string }[] = [
    { title: 'changeInvoiceNotificationEmail.number (BIL-10, §9.2.1.2)', user: 'pasquale.eu', field: 'input.number',
      query: 'mutation($input: ChangeInvoiceNotificationEmailInput!) { changeInvoiceNotificationEmail(input: $input) { notificationEmail } }',
      variables: { input: { number: '33A', email: 'pasquale@example.it', ...KEY } } },
    { title: 'requestExport.contractNumber (MOB-09, §7.2.4)', user: 'vincenzo.roa', field: 'input.contractNumber',
      query: 'mutation($input: RequestExportInput!) { requestExport(input: $input) { id } }',
      variables: { input: { kind: 'INVENTORY_LINES', format: 'CSV', contractNumber: '888-010', ...KEY } } },
    { title: 'requestHistoryExport.contractNumber (TRK-04, §7.3.1)', user: 'vincenzo.roa', field: 'input.contractNumber',
      query: 'mutation($input: RequestHistoryExportInput!) { requestHistoryExport(input: $input) { id } }',
      variables: { input: { kind: 'REQUESTS_HISTORY', format: 'CSV', contractNumber: 'abc', ...KEY } } },
    { title: 'writeToUs.scopeId (TRK-07, Appendix row 29)', user: 'giada.mantesi', field: 'input.scopeId',
      query: 'mutation($input: WriteToUsInput!) { writeToUs(input: $input) { request { id } } }',
      variables: { input: { scopeId: '3343 860902', subject: 'Informazioni', phone: '3331234567', notes: 'Richiamatemi.', ...KEY } } },
    { title: 'deleteExport.id (MOB-09, §7.2.4)', user: 'vincenzo.roa', field: 'input.id',
      query: 'mutation($input: DeleteExportInput!) { deleteExport(input: $input) }', variables: { input: { id: "EXP-1' OR 1=1" } } },
    { title: 'mobileInventory(contractNumber) (MOB-07, §7.2.1)', user: 'vincenzo.roa', field: 'contractNumber',
      query: 'query($n: ID) { mobileInventory(contractNumber: $n) { contractNumber } }', variables: { n: '8880100889 38' } },
    { title: 'selectedContract(number) (ACC-10, §5)', user: 'vincenzo.roa', field: 'number',
      query: 'query($n: ID) { selectedContract(number: $n) { number } }', variables: { n: 'x' } },
    { title: 'spendingThresholds(contractNumber) (CON-07, §7.5.5)', user: 'umberto.traffic', field: 'contractNumber',
      query: 'query($n: ID!) { spendingThresholds(contractNumber: $n) { totalCount } }', variables: { n: '888010088938x' } },
  ];

  it.each(CASES)('$title', async ({ user, query, variables, field }) => {
    const userToken = await tokenFor(stack, user);
    const before = await counters(stack, 'crm');
    const { status, body } = await graphql(stack, query, variables, userToken);
    expect(status).toBeLessThan(500);
    expect(body.errors?.map((e: { extensions: { code: string; field?: string } }) => [e.extensions.code, e.extensions.field])).toEqual([['BAD_USER_INPUT', field]]);
    const { GetProfiloUtente: _grants, ...after } = await counters(stack, 'crm');
    const { GetProfiloUtente: _before, ...read } = before;
    expect(after).toEqual(read);
  });
});
