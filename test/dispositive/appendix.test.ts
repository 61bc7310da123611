import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalPdf } from '../../legacy/runtime/pdf';
import { graphql, startTestStack, tokenFor, type TestStack } from '../support/stack';
import { uploadFile } from '../support/uploads';

/**
 * Issue 9 item 2: every built row of seed 002's Appendix 1 (schema/appendix-1.yaml) runs through the real stack as
 * the user of its fixture, and must create the pratica the row describes, an ordine exactly when the row says, and
 * show in the requests history (Storico pratiche) and, with an ordine, in the orders history. A row whose `mutation`
 * is set but has no fixture here fails: building an operation means adding its fixture.
 */
interface AppendixRow { row: number; paragraph: string; operation: string; pratica: string; ordine: boolean; mutation: string | null }
const ROWS = (parse(readFileSync(new URL('../../schema/appendix-1.yaml', import.meta.url), 'utf8')) as AppendixRow[]);

const CREATED = 'request { id description } order { id }';
const LINE_OUTCOME = `{ ${CREATED} }`;

interface Fixture {
  user: string;
  /** The mutation; `$input` is the variable it takes. */
  document: string;
  input(context: { stack: TestStack; token: string }): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Where the outcome ({ request, order }) is in `data`. */
  outcome(data: any): { request: { id: string; description: string }; order: { id: string } | null };
}

/** One fixture per built row; the rows run in order (row 11 unblocks what row 10 blocked). */
const FIXTURES: Record<number, Fixture> = {
  8: {
    user: 'vincenzo.roa',
    document: `mutation ($input: SetBundleEnablementsInput!) { setBundleEnablements(input: $input) { number outcome ${LINE_OUTCOME} refusal { message } } }`,
    input: () => ({ lines: [{ number: '3312545395', overBundleExtraEu: true }], idempotencyKey: 'appendix-row-8' }),
    outcome: (data) => data.setBundleEnablements[0].outcome,
  },
  9: {
    user: 'vincenzo.roa',
    document: `mutation ($input: RequestDeferredSimActivationInput!) { requestDeferredSimActivation(input: $input) { ${CREATED} } }`,
    input: () => ({ contractNumber: '888010088938', sims: [{ number: '3312549001', iccid: '8939010000000090017' }], idempotencyKey: 'appendix-row-9' }),
    outcome: (data) => data.requestDeferredSimActivation,
  },
  10: {
    user: 'vincenzo.roa',
    document: `mutation ($input: BlockSimInput!) { blockSim(input: $input) { ${CREATED} } }`,
    input: () => ({ number: '3312547883', reason: 'LOSS', idempotencyKey: 'appendix-row-10' }),
    outcome: (data) => data.blockSim,
  },
  11: {
    user: 'vincenzo.roa',
    document: `mutation ($input: UnblockSimInput!) { unblockSim(input: $input) { ${CREATED} } }`,
    input: () => ({ number: '3312547883', idempotencyKey: 'appendix-row-11' }),
    outcome: (data) => data.unblockSim,
  },
  13: {
    user: 'vincenzo.roa',
    document: `mutation ($input: SetNetworkServicesInput!) { setNetworkServices(input: $input) { ${CREATED} } }`,
    input: () => ({ number: '3312547899', changes: [{ category: 'ROAMING', enabled: false }], idempotencyKey: 'appendix-row-13' }),
    outcome: (data) => data.setNetworkServices,
  },
  14: {
    user: 'vincenzo.roa',
    document: `mutation ($input: SetRifProfileInput!) { setRifProfile(input: $input) { ${CREATED} } }`,
    input: () => ({ number: '3312545213', profile: 'RIF_01', idempotencyKey: 'appendix-row-14' }),
    outcome: (data) => data.setRifProfile,
  },
  15: {
    user: 'vincenzo.roa',
    document: `mutation ($input: RequestSpareSimsInput!) { requestSpareSims(input: $input) { ${CREATED} } }`,
    input: () => ({
      contractNumber: '888010088938', voiceSims: 5, m2mStandardSims: 0, m2mPinDisabledSims: 2,
      delivery: { siteName: 'Sede centrale', streetType: 'VIA', street: 'DELLE SCUOLE', houseNumber: '2/D', province: 'BO', city: 'BOLOGNA', postalCode: '40132' },
      contact: { name: 'VINCENZO', phone: '3335617891' },
      idempotencyKey: 'appendix-row-15',
    }),
    outcome: (data) => data.requestSpareSims,
  },
  16: {
    user: 'vincenzo.roa',
    document: `mutation ($input: BlockImeiInput!) { blockImei(input: $input) { ${CREATED} } }`,
    input: async ({ stack, token }) => ({
      number: '3312544025', imei: '490154203237518',
      theftReport: await uploadFile(stack, token, minimalPdf('denuncia di smarrimento')),
      identityDocument: await uploadFile(stack, token, minimalPdf('carta di identita')),
      idempotencyKey: 'appendix-row-16',
    }),
    outcome: (data) => data.blockImei,
  },
};

const HISTORY = '{ requestsHistory { id description } orders { id description } }';

let stack: TestStack;
// Every process of the stack starts at once: on a loaded machine that takes longer than the default allows.
beforeAll(async () => {
  stack = await startTestStack({ readyTimeoutMs: 200_000 });
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

const built = ROWS.filter((r) => r.mutation !== null);

describe('seed 002 Appendix 1, every built row through the real stack', () => {
  it('has a fixture for every built row, running the row\'s mutation', () => {
    expect(built.length).toBeGreaterThan(0);
    for (const row of built) {
      expect(FIXTURES[row.row], `row ${row.row} (${row.operation}) has no fixture`).toBeDefined();
      expect(FIXTURES[row.row].document).toContain(`${row.mutation}(`);
    }
  });

  it.each(built.map((r) => [r.row, r.operation, r] as const))('row %i, %s: its pratica, its ordine or none, both in the histories', async (_n, _op, row) => {
    const fixture = FIXTURES[row.row];
    const token = await tokenFor(stack, fixture.user);
    const { body } = await graphql(stack, fixture.document, { input: await fixture.input({ stack, token }) }, token);
    expect(body.errors).toBeUndefined();
    const { request, order } = fixture.outcome(body.data);
    expect(request.description).toBe(row.pratica);
    expect(order !== null).toBe(row.ordine);

    const history = await graphql(stack, HISTORY, {}, token);
    expect(history.body.errors).toBeUndefined();
    expect(history.body.data.requestsHistory).toContainEqual({ id: request.id, description: row.pratica });
    if (order) expect(history.body.data.orders).toContainEqual({ id: order.id, description: row.pratica });
  });
});
