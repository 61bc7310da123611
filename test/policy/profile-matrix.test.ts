import { describe, expect, it } from 'vitest';
import { conformanceMatrix, D, E, F, type Capability, type Matrix } from '../support/conformance';
import { counters, graphql } from '../support/stack';

/**
 * The visibility matrices of spec/profiles.md (§2 Area Clienti, §3 CM8) for the capabilities both portals share,
 * walked for the demo users of spec/reference-data.md (test/support/conformance.ts says how a cell is judged).
 */
const CAPABILITIES: Capability[] = [
  { id: 'ACC-01', what: 'viewer: profiles and grants', query: '{ viewer { username profiles grants { profile scopeKind scopeId } } }', path: ['viewer', 'grants'] },
  { id: 'ACC-02', what: 'personal data', query: '{ viewer { firstName lastName taxCode email } }', path: ['viewer', 'taxCode'] },
  { id: 'ACC-04', what: 'company profile', query: '{ viewer { company { name taxCode legalSeat { city } legalRepresentative { lastName } } } }', path: ['viewer', 'company', 'name'] },
  { id: 'ACC-04', what: 'contracts list', query: '{ viewer { company { contracts { number type linesCount } } } }', path: ['viewer', 'company', 'contracts'] },
  { id: 'ACC-07', what: 'SDI recipient code', query: '{ viewer { company { contracts { number sdiRecipientCode } } } }', path: ['viewer', 'company', 'contracts', 0, 'sdiRecipientCode'] },
  { id: 'MOB-01', what: 'mobile lines', query: '{ mobileLines(first: 100) { totalCount nodes { number status tariffPlan kind } } }', path: ['mobileLines', 'nodes'] },
  { id: 'MOB-01', what: 'ICCID of a line', query: '{ mobileLines(first: 100) { nodes { number iccid } } }', path: ['mobileLines', 'nodes', 0, 'iccid'] },
  { id: 'FIX-01', what: 'fixed lines', query: '{ fixedLines { totalCount nodes { number status type } } }', path: ['fixedLines', 'nodes'] },
  { id: 'CON-10', what: 'available traffic', query: '{ mobileLines(first: 100) { nodes { number kind availableTraffic { dataGbLeft } } } }', path: ['mobileLines', 'nodes', 'postpaid', 'availableTraffic'] },
  { id: 'CON-01', what: 'residual credit', query: '{ mobileLines(first: 100) { nodes { number kind residualCredit { amount } } } }', path: ['mobileLines', 'nodes', 'prepaid', 'residualCredit'] },
  { id: 'BIL-02', what: 'mobile invoices', query: '{ invoices(kind: MOBILE) { totalCount nodes { number amount } } }', path: ['invoices', 'nodes'] },
  { id: 'BIL-01', what: 'fixed invoices', query: '{ invoices(kind: FIXED) { totalCount nodes { number amount } } }', path: ['invoices', 'nodes'] },
  { id: 'TRK-01', what: 'orders of 6 months', query: '{ orders { id status } }', path: ['orders'] },
  { id: 'TRK-03', what: 'requests of 6 months', query: '{ requests { id status } }', path: ['requests'] },
  { id: 'TRK-04', what: 'CM8 requests history', query: '{ requestsHistory { id origin } }', path: ['requestsHistory'] },
];

/**
 * Expected outcome per user, in the order of CAPABILITIES. Where a cell is 'empty', the profile may use the
 * capability but holds nothing it shows (an UT has no fixed line; a CC no mobile contract; Ente KRISHNA no fixed line;
 * the reference requests of Ente KRISHNA are on its prepaid contract, the one pasquale.eu is ROA of).
 */
const MATRIX: Matrix = {
  //                                           ACC01 ACC02 co  ctr sdi mob icc fix trf crd mInv fInv ord req hist
  'ginevra.vallisneri': { profile: 'RL (A)', cells: [D, D, D, D, D, D, D, D, D, D, D, D, D, D, F] },
  'luca.ferri': { profile: 'AF (A)', cells: [D, D, D, D, F, D, D, D, D, D, D, D, D, D, F] },
  'sara.neri': { profile: 'AL (A), own line', cells: [D, D, D, D, F, D, D, E, D, E, D, D, D, D, F] },
  'giada.mantesi': { profile: 'UT, own line', cells: [D, D, D, D, F, D, F, E, D, E, F, F, D, D, F] },
  'paolo.verdi': { profile: 'UTD, own line', cells: [D, D, D, D, F, D, F, E, D, E, F, F, D, D, F] },
  'marta.holding': { profile: 'HOLDING (A and B)', cells: [D, D, D, D, F, D, D, D, D, D, D, D, D, D, F] },
  'cessato.fisso': { profile: 'CC', cells: [D, D, F, F, F, F, F, F, F, F, E, D, E, E, F] },
  'mario.rossi': { profile: 'RL (B)', cells: [D, D, D, D, D, D, D, D, D, E, D, D, E, E, F] },
  'vincenzo.roa': { profile: 'ROA 888010088938', cells: [D, D, D, D, F, D, D, F, D, E, D, E, E, E, E] },
  'lavo.ebill': { profile: 'REF_EBILL 888010088938', cells: [D, D, F, F, F, D, D, F, D, E, D, E, F, F, F] },
  'umberto.traffic': { profile: 'TRAFFIC_MANAGER 888010088938', cells: [D, D, F, F, F, F, F, F, F, F, F, F, F, F, F] },
  'pasquale.eu': { profile: 'EU 3312548681 + ROA 888012234558', cells: [D, D, D, D, F, D, D, F, D, D, E, E, D, D, D] },
  'gina.eu': { profile: 'EU, own prepaid line', cells: [D, D, F, F, F, D, D, F, E, D, F, F, F, F, F] },
  'massimiliano.roa': { profile: 'ROA of the second Ente', cells: [D, D, D, D, F, D, D, F, D, E, D, E, E, E, E] },
};

const matrix = conformanceMatrix(CAPABILITIES, MATRIX);

describe('MOB-03 block SIM, per profile on the line he may see', () => {
  const BLOCK = `mutation ($number: ID!, $key: String!) {
    blockSim(input: { number: $number, reason: LOSS, idempotencyKey: $key }) { request { id } line { number status } } }`;
  const UNBLOCK = `mutation ($number: ID!, $key: String!) { unblockSim(input: { number: $number, idempotencyKey: $key }) { line { status } } }`;
  const CASES: [string, string, 'allowed' | 'forbidden'][] = [
    ['ginevra.vallisneri', '3343860505', 'allowed'],
    ['luca.ferri', '3343860902', 'allowed'],
    ['sara.neri', '3343860405', 'allowed'],
    ['giada.mantesi', '3343860902', 'forbidden'],
    ['paolo.verdi', '3343860505', 'forbidden'],
    ['cessato.fisso', '3343860505', 'forbidden'],
    ['mario.rossi', '3471000001', 'allowed'],
    ['marta.holding', '3471000002', 'allowed'],
    ['vincenzo.roa', '3312545395', 'allowed'],
    ['lavo.ebill', '3312545395', 'forbidden'],
    ['umberto.traffic', '3312545395', 'forbidden'],
    ['pasquale.eu', '3351050823', 'allowed'],
    // His own SIM as EU: the ROA grant he holds elsewhere does not make him an operator of this line.
    ['pasquale.eu', '3312548681', 'forbidden'],
    ['gina.eu', '3700034020', 'forbidden'],
    ['massimiliano.roa', '3319000001', 'allowed'],
  ];
  let run = 0;
  it.each(CASES)('%s on %s: %s', async (username, number, expected) => {
    run += 1;
    const stack = matrix.stack();
    const writes = async () => (await counters(stack, 'crm')).CreaPratica ?? 0;
    const before = await writes();
    const token = matrix.token(username);
    const { body } = await graphql(stack, BLOCK, { number, key: `matrix-block-${run}` }, token);
    if (expected === 'forbidden') {
      expect(body.data?.blockSim ?? null).toBeNull();
      expect(body.errors?.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(await writes()).toBe(before);
      return;
    }
    expect(body.errors).toBeUndefined();
    expect(body.data.blockSim.line).toEqual({ number, status: 'SUSPENDED' });
    const found = await graphql(stack, UNBLOCK, { number, key: `matrix-unblock-${run}` }, token);
    expect(found.body.data?.unblockSim.line.status).toBe('ACTIVE');
  });
});
