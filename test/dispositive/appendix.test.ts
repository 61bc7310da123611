import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchema, getNamedType, isObjectType, type GraphQLEnumType, type GraphQLInterfaceType, type GraphQLNamedType, type GraphQLObjectType } from 'graphql';
import { parse } from 'yaml';
import { ALL_OPERATIONS } from '../../subgraphs/operations';
import { changeSummary, NO_CONFIRMATION } from '../support/change-summary';
import { counters, graphql, tokenFor } from '../support/stack';
import { FIXTURES } from './appendix';
import { AREA_CLIENTI_FIXTURES } from './appendix/area-clienti';
import type { Call, Fixture, Input } from './appendix/fixture';
import { useStack } from '../support/use-stack';

/**
 * Seed 002 §10 "Appendice 1" and the Area Clienti's changes, table-driven: every row of schema/appendix-1.yaml that
 * names a mutation, and every row of schema/area-clienti-changes.yaml, runs through the real stack as the user its
 * fixture names (a CM8 ROA, an RL or AF of company A: reference-data.md) with the row's own input, and must create
 * the row's pratica, its ordine exactly when the row has one, and show in the requests history (and the orders
 * history). Then, per row, the engine's promises: the summary where the seed makes it mandatory, bad input names the
 * field and reads nothing, a foreign record answers like an unknown one, the same key returns the first outcome, the
 * key reused for something else is BAD_USER_INPUT; nothing written by any.
 */
const table = <T>(file: string) => parse(readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8')) as T[];
interface AppendixRow {
  row: number; paragraph: string; operation: string; pratica: string; ordine: boolean; mutation: string | null; summary: string | null; capability?: string;
}
interface AreaClientiRow { mutation: string; capability: string; page: string; operation: string; pratica: string; ordine: boolean }
const ROWS = table<AppendixRow>('appendix-1.yaml');
const BUILT = ROWS.filter((r) => r.mutation !== null);
const AREA_CLIENTI = table<AreaClientiRow>('area-clienti-changes.yaml');

/**
 * A row of either table as the checks below run it: its title names the Appendix row or the capability id, which is
 * what the coverage table reads (schema/coverage/grade.ts). The Area Clienti's pages ask no summary download.
 */
interface ChangeRow { title: string; key: string; mutation: string; pratica: string; ordine: boolean; summary: string | null; fixture: Fixture }
const CHANGE_ROWS: ChangeRow[] = [
  ...BUILT.map((r) => ({ title: `Appendix row ${r.row}, ${r.capability ?? 'no capability id'}: ${r.operation} (§${r.paragraph}) → ${r.mutation}`,
    key: `appendix-row-${r.row}`, mutation: r.mutation!, pratica: r.pratica, ordine: r.ordine, summary: r.summary, fixture: FIXTURES[r.row] })),
  ...AREA_CLIENTI.map((r) => ({ title: `${r.capability} ${r.operation} (seed 000 ${r.page}) → ${r.mutation}`, key: `area-clienti-${r.mutation}`,
    mutation: r.mutation, pratica: r.pratica, ordine: r.ordine, summary: null, fixture: AREA_CLIENTI_FIXTURES[r.mutation] })),
];
/** The mutations whose page makes the summary's download mandatory (the seed's words in the row's `summary`). */
const SUMMARISED = new Set(ROWS.filter((r) => r.summary).map((r) => r.mutation));

/**
 * Every row reads what its change created through ONE fragment on the ChangeOutcome interface (and a list row its
 * items through ChangeItemResult), whatever the mutation's own outcome type: what a client writes once for all.
 */
const CREATED = 'fragment Created on ChangeOutcome { __typename request { id description status openedOn } order { id } }';
const outcome = (target: Call['target']) => `...Created ${target.field} { ${target.selection} }`;
const document = ({ mutation, inputType, list, target }: Call) => `mutation($input: ${inputType}!) { ${mutation}(input: $input) {
  ${list ? `... on ChangeItemResult { number refusal { code message field } } outcome { ${outcome(target)} }` : outcome(target)} } } ${CREATED}`;
/** The outcome types the fragment was read on, across the rows. */
const readThroughFragment = new Set<string>();

interface Outcome { __typename: string; request: { id: string; description: string; status: string; openedOn: string }; order: { id: string } | null; [target: string]: unknown }

/**
 * A call's input, made once: a retry sends exactly what was sent. Where the row's page makes the summary mandatory,
 * the input quotes the confirmationRef of the summary its user asks first, as the page does; a summary the rules
 * refuse (a reused key's other request) confirms nothing, and the key's conflict answers first.
 */
const made = new Map<Call, Input>();
async function inputOf(call: Call, token: string): Promise<Input> {
  if (!made.has(call)) {
    const input = typeof call.input === 'function' ? await call.input(token, stack) : call.input;
    made.set(call, SUMMARISED.has(call.mutation) && !('confirmationRef' in input) ? { ...input, confirmationRef: await summaryRef(call.mutation, input, token) } : input);
  }
  return made.get(call)!;
}
const summaryRef = (mutation: string, input: Input, token: string) =>
  changeSummary(stack, token, mutation, input).then((summary) => summary.confirmationRef, () => NO_CONFIRMATION);
/** A bad input as a page would send it: with a well-formed reference where the row takes one, unless the reference is what is bad. */
const asSent = (call: Call, bad: Fixture['bad']) =>
  (SUMMARISED.has(call.mutation) && bad.field !== 'input.confirmationRef' && !('confirmationRef' in bad.input) ? { ...bad.input, confirmationRef: NO_CONFIRMATION } : bad.input);
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
const historian = (fixture: (typeof FIXTURES)[number]) => tokenFor(stack, fixture.historyUser ?? fixture.user);

const writes = async () => {
  const c = await counters(stack, 'crm');
  return { CreaPratica: c.CreaPratica ?? 0, reads: (c.GetLineeMobili ?? 0) + (c.GetEsitoPratica ?? 0) };
};

  // The machine's cores are shared: a slow start is not what this file tests.
  // One ROA sends every row's five calls within a minute: more than the per-user mutation limit allows.
const stack = useStack({ env: { MUTATIONS_PER_MINUTE: '1000' } });
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

  it('asks the summary the seed makes mandatory on exactly the rows whose page says so, and changeSummary serves exactly those', () => {
    for (const declaration of ALL_OPERATIONS) {
      for (const number of declaration.appendixRows) {
        const row = ROWS.find((r) => r.row === number)!;
        expect(Boolean(declaration.summary), `${declaration.field} row ${number}: ${row.summary ?? 'no download on its page'}`).toBe(row.summary !== null);
        if (row.summary) expect(row.summary).toContain('Il download dei documenti è obbligatorio per confermare la richiesta');
      }
    }
    const api = buildSchema(readFileSync(new URL('../../schema/api-schema.graphql', import.meta.url), 'utf8'));
    const served = (api.getType('SummarisedChange') as GraphQLEnumType).getValues().map((v) => v.name).sort();
    expect(served).toEqual([...SUMMARISED].sort());
    expect(ROWS.filter((r) => r.summary).map((r) => r.row)).toEqual([5, 6, 7, 8, 9, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 31, 34, 35, 36, 42, 43, 44, 45, 46, 47, 48, 49]);
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

  it(`${row.title}: ${row.summary
    ? 'refuses the change without the summary the seed makes mandatory, or with a reference that does not confirm it: BAD_USER_INPUT, nothing written'
    : 'asks no summary: its page has no download before confirming'}`, async () => {
    if (!row.summary) return expect(SUMMARISED.has(row.mutation)).toBe(false);
    const token = await tokenFor(stack, fixture.user);
    const { confirmationRef: _ref, ...without } = await inputOf(fixture.run, token);
    const before = await writes();
    const forged = await send(fixture.run, `${key}-forged`, token, { ...without, confirmationRef: NO_CONFIRMATION });
    expect(forged.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.confirmationRef' });
    const missing = await send(fixture.run, `${key}-missing`, token, without);
    expect(missing.error?.code).toBe('BAD_USER_INPUT');
    expect(missing.outcome).toBeNull();
    expect((await writes()).CreaPratica).toBe(before.CreaPratica);
  });

  it(`${row.title}: creates the pratica "${row.pratica}"${row.ordine ? ' and its ordine' : ', no ordine'}, shown in the histories`, async () => {
    const token = await tokenFor(stack, fixture.user);
    const { outcome, error } = await send(fixture.run, key, token);
    expect(error, JSON.stringify(error)).toBeNull();
    first = outcome!;
    readThroughFragment.add(first.__typename);
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
    const { error } = await send(fixture.run, `${key}-bad`, await tokenFor(stack, fixture.user), asSent(fixture.run, fixture.bad));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: fixture.bad.field });
    expect(await writes()).toEqual(before);
  });

  it(`${row.title}: answers a user of another company or Ente exactly as for an unknown record, and writes nothing`, async () => {
    const token = await tokenFor(stack, fixture.foreignUser ?? (fixture.foreignUser === null ? fixture.user : 'massimiliano.roa'));
    const before = await writes();
    const sent = await inputOf(fixture.run, await tokenFor(stack, fixture.user));
    const unknownInput = fixture.run.target.unknown(sent);
    const unknown = await send(fixture.run, `${key}-unknown`, token, unknownInput);
    expect(unknown.error).toMatchObject({ code: 'NOT_FOUND' });
    if (fixture.foreignUser !== null) expect(await send(fixture.run, `${key}-foreign`, token, sent).then((foreign) => foreign.error)).toEqual(unknown.error);
    expect((await writes()).CreaPratica).toBe(before.CreaPratica);
  });
});

describe('ChangeOutcome: one fragment for what any change created', () => {
  const api = buildSchema(readFileSync(new URL('../../schema/api-schema.graphql', import.meta.url), 'utf8'));
  const changeOutcome = api.getType('ChangeOutcome') as GraphQLInterfaceType;

  it('every Mutation that answers a pratica answers a ChangeOutcome, or list items that are ChangeItemResults of one', () => {
    const created = (type: GraphQLNamedType) => isObjectType(type) && 'request' in type.getFields() && 'order' in type.getFields();
    for (const field of Object.values(api.getMutationType()!.getFields())) {
      const type = getNamedType(field.type);
      if (!isObjectType(type)) continue;
      if (created(type)) expect(api.isSubType(changeOutcome, type), `${field.name}: ${type.name}`).toBe(true);
      const item = type.getFields().outcome && getNamedType(type.getFields().outcome.type);
      if (item && created(item)) {
        expect(type.getInterfaces().map((i) => i.name), `${field.name}: ${type.name}`).toContain('ChangeItemResult');
        expect(api.isSubType(changeOutcome, item as GraphQLObjectType), `${field.name}: ${item.name}`).toBe(true);
      }
    }
  });

  it('read the pratica and ordine of every row above, through every outcome type that implements it', () => {
    const implementations = api.getPossibleTypes(changeOutcome).map((t) => t.name).sort();
    expect(implementations.length).toBeGreaterThanOrEqual(10);
    expect([...readThroughFragment].sort()).toEqual(implementations);
  });
});
