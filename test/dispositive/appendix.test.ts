import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readAppendix } from '../../schema/coverage/requirements';
import { ALL_OPERATIONS } from '../../subgraphs/operations';
import { counters, graphql, startTestStack, tokenFor, type TestStack } from '../support/stack';
import { FIXTURES } from './appendix';
import { AREA_CLIENTI_FIXTURES } from './appendix/area-clienti';
import type { Call, Fixture, Input } from './appendix/fixture';

/**
 * Seed 002 §10 "Appendice 1" and the Area Clienti's changes, table-driven: every row of schema/appendix-1.yaml that
 * names a mutation, and every row of schema/area-clienti-changes.yaml, runs through the real stack as the user its
 * fixture names (a CM8 ROA, an RL or AF of company A: reference-data.md) with the row's own input, and must create
 * the row's pratica, its ordine exactly when the row has one, and show in the requests history (and the orders
 * history). Then, per row, the engine's promises: bad input names the field and reads nothing, a foreign record
 * answers like an unknown one, the same key returns the first outcome, the key reused for something else is
 * BAD_USER_INPUT; nothing written by any.
 */
const ROWS = readAppendix();
const BUILT = ROWS.filter((r) => r.mutation !== null);
interface AreaClientiRow { mutation: string; capability: string; page: string; operation: string; pratica: string; ordine: boolean }
const AREA_CLIENTI = parse(readFileSync(new URL('../../schema/area-clienti-changes.yaml', import.meta.url), 'utf8')) as AreaClientiRow[];

/**
 * A row of either table as the checks below run it: its title names the Appendix row or the capability id, which is
 * what the coverage table reads (schema/coverage/grade.ts).
 */
interface ChangeRow { title: string; key: string; pratica: string; ordine: boolean; fixture: Fixture }
const CHANGE_ROWS: ChangeRow[] = [
  ...BUILT.map((r) => ({ title: `Appendix row ${r.row}, ${r.capability ?? 'no capability id'}: ${r.operation} (§${r.paragraph}) → ${r.mutation}`,
    key: `appendix-row-${r.row}`, pratica: r.pratica, ordine: r.ordine, fixture: FIXTURES[r.row] })),
  ...AREA_CLIENTI.map((r) => ({ title: `${r.capability} ${r.operation} (seed 000 ${r.page}) → ${r.mutation}`, key: `area-clienti-${r.mutation}`,
    pratica: r.pratica, ordine: r.ordine, fixture: AREA_CLIENTI_FIXTURES[r.mutation] })),
];

const outcome = (target: Call['target']) => `request { id description status openedOn } order { id } ${target.field} { ${target.selection} }`;
const document = ({ mutation, inputType, list, target }: Call) => `mutation($input: ${inputType}!) { ${mutation}(input: $input) {
  ${list ? `number outcome { ${outcome(target)} } refusal { code message field }` : outcome(target)} } }`;

interface Outcome { request: { id: string; description: string; status: string; openedOn: string }; order: { id: string } | null; [target: string]: unknown }

/** A call's input, made once: a retry sends exactly what was sent. */
const made = new Map<Call, Input>();
async function inputOf(call: Call, token: string): Promise<Input> {
  if (typeof call.input !== 'function') return call.input;
  if (!made.has(call)) made.set(call, await call.input(token, stack));
  return made.get(call)!;
}
interface Answer { outcome: Outcome | null; error: { code: string; message: string; field: string | null } | null }

/** Sends a call with a key; a list call's answer is its first item's, so that both kinds read alike. */
async function send(call: Call, idempotencyKey: string, token: string, input?: Input): Promise<Answer> {
  const { body } = await graphql(stack, document(call), { input: { ...(input ?? await inputOf(call, token)), idempotencyKey } }, token);
  if (body.errors?.length) {
    const { code, field } = body.errors[0].extensions;
    return { outcome: null, error: { code, message: body.errors[0].message, field: field ?? null } };
  }
  const answer = body.data[call.mutation];
  if (!call.list) return { outcome: answer, error: null };
  return { outcome: answer[0].outcome, error: answer[0].refusal };
}

/** What the user's histories hold: a write would add to them. */
async function histories(token: string): Promise<{ requests: string[]; orders: string[] }> {
  const { body } = await graphql(stack, '{ requests { id } orders { id } }', {}, token);
  return { requests: body.data.requests.map((r: { id: string }) => r.id), orders: body.data.orders.map((o: { id: string }) => o.id) };
}

/** Who looks at the row's pratica in the histories: the fixture's `historyUser` (an EU has none), else its user. */
const historian = (fixture: Fixture) => tokenFor(stack, fixture.historyUser ?? fixture.user);

const writes = async () => {
  const c = await counters(stack, 'crm');
  return { CreaPratica: c.CreaPratica ?? 0, reads: (c.GetLineeMobili ?? 0) + (c.GetLineeFisse ?? 0) + (c.GetEsitoPratica ?? 0) };
};

let stack: TestStack;
beforeAll(async () => {
  // The machine's cores are shared: a slow start is not what this file tests.
  // One ROA sends every row's five calls within a minute: more than the per-user mutation limit allows.
  stack = await startTestStack({ readyTimeoutMs: 180_000, env: { MUTATIONS_PER_MINUTE: '1000' } });
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

describe('seed 002 Appendix 1 as data', () => {
  it('has every row of the seed, and each declaration agrees with its row (pratica, ordine, mutation)', () => {
    expect(ROWS.map((r) => r.row)).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
    for (const declaration of ALL_OPERATIONS) {
      for (const number of declaration.appendixRows) {
        const row = ROWS.find((r) => r.row === number);
        expect(row, `${declaration.field} row ${number}`).toMatchObject({ pratica: declaration.pratica, ordine: declaration.ordine, mutation: declaration.field });
      }
    }
    expect(BUILT.map((r) => r.row).sort((a, b) => a - b)).toEqual(Object.keys(FIXTURES).map(Number).sort((a, b) => a - b));
  });

  it('has a row for every change without an Appendix row, and each agrees with its declaration (pratica, ordine, capability)', () => {
    const unlisted = ALL_OPERATIONS.filter((d) => d.appendixRows.length === 0).map((d) => d.field).sort();
    expect(AREA_CLIENTI.map((r) => r.mutation).sort()).toEqual(unlisted);
    for (const row of AREA_CLIENTI) {
      const declaration = ALL_OPERATIONS.find((d) => d.field === row.mutation);
      expect({ pratica: declaration?.pratica, ordine: declaration?.ordine }, row.mutation).toEqual({ pratica: row.pratica, ordine: row.ordine });
      expect(declaration?.capabilities, row.mutation).toContain(row.capability);
    }
    expect(Object.keys(AREA_CLIENTI_FIXTURES).sort()).toEqual(unlisted);
  });
});

describe.each(CHANGE_ROWS)('$title', (row) => {
  const { fixture, key } = row;
  let first: Outcome;

  it(`${row.title}: creates the pratica "${row.pratica}"${row.ordine ? ' and its ordine' : ', no ordine'}, shown in the histories`, async () => {
    const token = await tokenFor(stack, fixture.user);
    const { outcome, error } = await send(fixture.run, key, token);
    expect(error, JSON.stringify(error)).toBeNull();
    first = outcome!;
    expect(first.request.description).toBe(row.pratica);
    expect(first.request.id).toMatch(/^7-\d+$/);
    const sent = await inputOf(fixture.run, token);
    const { target } = fixture.run;
    expect(target.idOf(first[target.field])).toBe(target.idSent(sent));
    if (row.ordine) expect(first.order?.id).toMatch(/^\d+$/);
    else expect(first.order).toBeNull();

    const { body } = await graphql(stack, '{ requests { id description } orders { id request { id } } }', {}, await historian(fixture));
    expect(body.errors).toBeUndefined();
    expect(body.data.requests).toContainEqual({ id: first.request.id, description: row.pratica });
    if (row.ordine) expect(body.data.orders).toContainEqual({ id: first.order!.id, request: { id: first.request.id } });
  });

  it(`${row.title}: answers the same key and input with the first outcome, and writes nothing`, async () => {
    const token = await tokenFor(stack, fixture.user);
    const before = await histories(await historian(fixture));
    const again = await send(fixture.run, key, token);
    expect(again).toEqual({ outcome: first, error: null });
    expect(await histories(await historian(fixture))).toEqual(before);
  });

  it(`${row.title}: refuses the key reused for another operation or input with BAD_USER_INPUT, and writes nothing`, async () => {
    const token = await tokenFor(stack, fixture.user);
    const before = await histories(await historian(fixture));
    const { error } = await send(fixture.reuse, key, token);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
    expect(await histories(await historian(fixture))).toEqual(before);
  });

  it(`${row.title}: refuses bad input naming the field, before reading or writing anything`, async () => {
    const before = await writes();
    const { error } = await send(fixture.run, `${key}-bad`, await tokenFor(stack, fixture.user), fixture.bad.input);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: fixture.bad.field });
    expect(await writes()).toEqual(before);
  });

  it(`${row.title}: answers a user of another company or Ente exactly as for an unknown record, and writes nothing`, async () => {
    const token = await tokenFor(stack, fixture.foreignUser ?? 'massimiliano.roa');
    const before = await writes();
    const sent = await inputOf(fixture.run, await tokenFor(stack, fixture.user));
    const unknownInput = fixture.run.target.unknown(sent);
    const foreign = await send(fixture.run, `${key}-foreign`, token, sent);
    const unknown = await send(fixture.run, `${key}-unknown`, token, unknownInput);
    expect(foreign.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(foreign.error).toEqual(unknown.error);
    expect((await writes()).CreaPratica).toBe(before.CreaPratica);
  });
});
