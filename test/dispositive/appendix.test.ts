import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { minimalPdf } from '../../legacy/runtime/pdf';
import { MOBILE_OPERATIONS } from '../../subgraphs/mobile/operations';
import { counters, graphql, startTestStack, tokenFor, type TestStack } from '../support/stack';
import { uploadFile } from '../support/uploads';

/**
 * Seed 002 §10 "Appendice 1", table-driven: every row of schema/appendix-1.yaml that names a mutation runs through
 * the real stack as a CM8 ROA (reference-data.md) with the row's own input, and must create the row's pratica, its
 * ordine exactly when the row has one, and show in the requests history (and the orders history). Then, per row, the
 * engine's promises: bad input names the field and reads nothing, a foreign line answers like an unknown one, the
 * same key returns the first outcome, the key reused for something else is BAD_USER_INPUT; nothing written by any.
 */
interface AppendixRow { row: number; paragraph: string; operation: string; pratica: string; ordine: boolean; mutation: string | null }
const ROWS = (parse(readFileSync(new URL('../../schema/appendix-1.yaml', import.meta.url), 'utf8')) as AppendixRow[]);
const BUILT = ROWS.filter((r) => r.mutation !== null);

type Input = Record<string, unknown>;
/**
 * How a row's mutation is called: its input type, whether it takes a list of lines, what it acts on (the outcome
 * names it), and its input without the key, or how to make it when it needs uploads (made once per row and reused,
 * so that "the same input" is the same).
 */
interface Call { mutation: string; inputType: string; list: boolean; target: 'line' | 'contract'; input: Input | ((token: string) => Promise<Input>) }
interface Fixture {
  /** The CM8 ROA of the line's contract. */
  user: string;
  run: Call;
  /** The same key with another operation or input. */
  reuse: Call;
  /** An input refused before anything is read, and the field it names. */
  bad: { input: Record<string, unknown>; field: string };
}

const lines = (...numbers: string[]) => ({ lines: numbers.map((number) => ({ number })) });
const call = (mutation: string, inputType: string, shape: { list?: boolean; target?: 'line' | 'contract' } = {}) =>
  (input: Call['input']): Call => ({ mutation, inputType, list: shape.list ?? false, target: shape.target ?? 'line', input });
const confirm = call('confirmAutomaticRecharge', 'AutomaticRechargeChangeInput', { list: true });
const waive = call('waiveAutomaticRecharge', 'AutomaticRechargeChangeInput', { list: true });
const recharge = call('requestCompanyRecharge', 'CompanyRechargeInput');
const bundles = call('setBundleEnablements', 'SetBundleEnablementsInput', { list: true });
const activateLater = call('requestDeferredSimActivation', 'RequestDeferredSimActivationInput', { target: 'contract' });
const block = call('blockSim', 'BlockSimInput');
const unblock = call('unblockSim', 'UnblockSimInput');
const changeSim = call('changeSim', 'ChangeSimInput');
const networkServices = call('setNetworkServices', 'SetNetworkServicesInput');
const rifProfile = call('setRifProfile', 'SetRifProfileInput');
const spareSims = call('requestSpareSims', 'RequestSpareSimsInput', { target: 'contract' });
const blockImei = call('blockImei', 'BlockImeiInput');

const SIM_TO_ACTIVATE = { number: '3312549001', iccid: '8939010000000090017' };
const SPARE_SIMS = {
  contractNumber: '888010088938', voiceSims: 5, m2mStandardSims: 0, m2mPinDisabledSims: 2,
  delivery: { siteName: 'Sede centrale', streetType: 'VIA', street: 'DELLE SCUOLE', houseNumber: '2/D', province: 'BO', city: 'BOLOGNA', postalCode: '40132' },
  contact: { name: 'VINCENZO', phone: '3335617891' },
};
/** The IMEI block's documents: the theft report and the identity document, uploaded by the user who sends it. */
const imeiDocuments = async (token: string) => ({
  theftReport: await uploadFile(stack, token, minimalPdf('denuncia di smarrimento')),
  identityDocument: await uploadFile(stack, token, minimalPdf('carta di identita')),
});

/** Contract 888012234558 (prepaid, ROA pasquale.eu) and 888010088938 (postpaid, ROA vincenzo.roa). */
const FIXTURES: Record<number, Fixture> = {
  5: { user: 'pasquale.eu', run: confirm(lines('3700801103')), reuse: waive(lines('3700801103')),
    bad: { input: lines('3700801103', '37008011'), field: 'input.lines[1].number' } },
  6: { user: 'pasquale.eu', run: waive(lines('3346076607')), reuse: confirm(lines('3346076607')),
    bad: { input: lines('3346076607', '3346076607'), field: 'input.lines[1]' } },
  7: { user: 'pasquale.eu', run: recharge({ number: '3346075368', kind: 'ONE_SHOT', amount: '22' }),
    reuse: recharge({ number: '3346075368', kind: 'ONE_SHOT', amount: '44' }),
    bad: { input: { number: '3346075368', kind: 'ONE_SHOT', amount: '23' }, field: 'input.amount' } },
  10: { user: 'vincenzo.roa', run: block({ number: '3312545395', reason: 'THEFT' }), reuse: block({ number: '3312545395', reason: 'LOSS' }),
    bad: { input: { number: '331254539X', reason: 'THEFT' }, field: 'input.number' } },
  11: { user: 'pasquale.eu', run: unblock({ number: '3700801105' }), reuse: block({ number: '3700801105', reason: 'LOSS' }),
    bad: { input: { number: '0700801105' }, field: 'input.number' } },
  8: { user: 'vincenzo.roa', run: bundles({ lines: [{ number: '3312545395', overBundleExtraEu: true }] }),
    reuse: bundles({ lines: [{ number: '3312545395', overBundleExtraEu: false }] }),
    bad: { input: { lines: [{ number: '33125', overBundleExtraEu: true }] }, field: 'input.lines[0].number' } },
  9: { user: 'vincenzo.roa', run: activateLater({ contractNumber: '888010088938', sims: [SIM_TO_ACTIVATE] }),
    reuse: activateLater({ contractNumber: '888010088938', sims: [{ ...SIM_TO_ACTIVATE, number: '3312549002' }] }),
    bad: { input: { contractNumber: '888010088938', sims: [{ ...SIM_TO_ACTIVATE, iccid: '123' }] }, field: 'input.sims[0].iccid' } },
  12: { user: 'vincenzo.roa', run: changeSim({ number: '3312547228', replacedIccid: '8939100003312547228', newIccidLastDigits: '1234567890', reason: 'SIM guasta' }),
    reuse: changeSim({ number: '3312547228', replacedIccid: '8939100003312547228', newIccidLastDigits: '1234567891', reason: 'SIM guasta' }),
    bad: { input: { number: '3312547228', newIccidLastDigits: '12345', reason: 'SIM guasta' }, field: 'input.newIccidLastDigits' } },
  13: { user: 'vincenzo.roa', run: networkServices({ number: '3312547899', changes: [{ category: 'ROAMING', enabled: false }] }),
    reuse: networkServices({ number: '3312547899', changes: [{ category: 'ROAMING', enabled: true }] }),
    bad: { input: { number: '0312547899', changes: [{ category: 'ROAMING', enabled: false }] }, field: 'input.number' } },
  14: { user: 'vincenzo.roa', run: rifProfile({ number: '3312545213', profile: 'RIF_01' }), reuse: rifProfile({ number: '3312545213', profile: 'RIF_02' }),
    bad: { input: { number: '33125452', profile: 'RIF_01' }, field: 'input.number' } },
  15: { user: 'vincenzo.roa', run: spareSims(SPARE_SIMS), reuse: spareSims({ ...SPARE_SIMS, voiceSims: 6 }),
    bad: { input: { ...SPARE_SIMS, delivery: { ...SPARE_SIMS.delivery, postalCode: '4013' } }, field: 'input.delivery.postalCode' } },
  16: { user: 'vincenzo.roa', run: blockImei(async (token) => ({ number: '3312544025', imei: '490154203237518', ...await imeiDocuments(token) })),
    reuse: blockImei(async (token) => ({ number: '3312544025', ...await imeiDocuments(token) })),
    bad: { input: { number: '3312544025', imei: '490154203237519', theftReport: 'ALL-x', identityDocument: 'ALL-y' }, field: 'input.imei' } },
};

const outcome = (target: Call['target']) => `request { id description status openedOn } order { id } ${target} { number }`;
const document = ({ mutation, inputType, list, target }: Call) => `mutation($input: ${inputType}!) { ${mutation}(input: $input) {
  ${list ? `number outcome { ${outcome(target)} } refusal { code message field }` : outcome(target)} } }`;

interface Outcome { request: { id: string; description: string; status: string; openedOn: string }; order: { id: string } | null; line?: { number: string }; contract?: { number: string } }

/** A call's input, made once: a retry sends exactly what was sent. */
const made = new Map<Call, Input>();
async function inputOf(call: Call, token: string): Promise<Input> {
  if (typeof call.input !== 'function') return call.input;
  if (!made.has(call)) made.set(call, await call.input(token));
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

const writes = async () => {
  const c = await counters(stack, 'crm');
  return { CreaPratica: c.CreaPratica ?? 0, reads: (c.GetLineeMobili ?? 0) + (c.GetEsitoPratica ?? 0) };
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
    for (const declaration of MOBILE_OPERATIONS) {
      for (const number of declaration.appendixRows) {
        const row = ROWS.find((r) => r.row === number);
        expect(row, `${declaration.field} row ${number}`).toMatchObject({ pratica: declaration.pratica, ordine: declaration.ordine, mutation: declaration.field });
      }
    }
    expect(BUILT.map((r) => r.row).sort((a, b) => a - b)).toEqual(Object.keys(FIXTURES).map(Number).sort((a, b) => a - b));
  });
});

describe.each(BUILT)('Appendix row $row: $operation (§$paragraph) → $mutation', (row) => {
  const fixture = FIXTURES[row.row];
  const key = `appendix-row-${row.row}`;
  let first: Outcome;

  it(`creates the pratica "${row.pratica}"${row.ordine ? ' and its ordine' : ', no ordine'}, shown in the histories`, async () => {
    const token = await tokenFor(stack, fixture.user);
    const { outcome, error } = await send(fixture.run, key, token);
    expect(error, JSON.stringify(error)).toBeNull();
    first = outcome!;
    expect(first.request.description).toBe(row.pratica);
    expect(first.request.id).toMatch(/^7-\d+$/);
    const sent = await inputOf(fixture.run, token);
    const target = fixture.run.target === 'contract' ? first.contract?.number : first.line?.number;
    expect(target).toBe(sent.contractNumber ?? sent.number ?? (sent.lines as { number: string }[])[0].number);
    if (row.ordine) expect(first.order?.id).toMatch(/^\d+$/);
    else expect(first.order).toBeNull();

    const { body } = await graphql(stack, '{ requests { id description } orders { id request { id } } }', {}, token);
    expect(body.errors).toBeUndefined();
    expect(body.data.requests).toContainEqual({ id: first.request.id, description: row.pratica });
    if (row.ordine) expect(body.data.orders).toContainEqual({ id: first.order!.id, request: { id: first.request.id } });
  });

  it('answers the same key and input with the first outcome, and writes nothing', async () => {
    const token = await tokenFor(stack, fixture.user);
    const before = await histories(token);
    const again = await send(fixture.run, key, token);
    expect(again).toEqual({ outcome: first, error: null });
    expect(await histories(token)).toEqual(before);
  });

  it('refuses the key reused for another operation or input with BAD_USER_INPUT, and writes nothing', async () => {
    const token = await tokenFor(stack, fixture.user);
    const before = await histories(token);
    const { error } = await send(fixture.reuse, key, token);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
    expect(await histories(token)).toEqual(before);
  });

  it('refuses bad input naming the field, before reading or writing anything', async () => {
    const before = await writes();
    const { error } = await send(fixture.run, `${key}-bad`, await tokenFor(stack, fixture.user), fixture.bad.input);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: fixture.bad.field });
    expect(await writes()).toEqual(before);
  });

  it('answers another Ente\'s ROA exactly as for an unknown line, and writes nothing', async () => {
    const token = await tokenFor(stack, 'massimiliano.roa');
    const before = await writes();
    const sent = await inputOf(fixture.run, await tokenFor(stack, fixture.user));
    const unknownInput = fixture.run.target === 'contract' ? { ...sent, contractNumber: '888000000000' }
      : fixture.run.list ? { lines: (sent.lines as Input[]).map((line) => ({ ...line, number: '3999999999' })) }
        : { ...sent, number: '3999999999' };
    const foreign = await send(fixture.run, `${key}-foreign`, token, sent);
    const unknown = await send(fixture.run, `${key}-unknown`, token, unknownInput);
    expect(foreign.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(foreign.error).toEqual(unknown.error);
    expect((await writes()).CreaPratica).toBe(before.CreaPratica);
  });
});
