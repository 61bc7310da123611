import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createEbpfaClient } from '../../adapters/ebpfa';
import { asUser, crmWrites } from '../support/as-user';
import { conformanceMatrix, D, E, F, type Capability, type Matrix } from '../support/conformance';
import { counters, resetCounters, setFaults } from '../support/stack';
import { readmeDashboardQuery } from './dashboard-query';

/**
 * The fixed side of "Linee e Servizi" (seed 000 Linee fisso, Servizi fisso, Servizi IT e Web; seed 003 End User
 * Control and trasloco; seed 004 inventory by site or by service), through the real stack, one stack for the file.
 * Company A (reference data, legacy/data/fixed-services.ts) has fixed lines at a Milan and a Rome site, of three
 * services, and a Numero Verde routed 60/40 between the two sites. The test's today is 2026-11-23 (LEGACY_TODAY).
 *
 * First the conformance matrix of the fixed "Linee e Servizi" rows of schema/profiles.yaml ("Lines list", "Fixed line:
 * move, TiAvviso and IVR", "Services: … End User Control, TuconTI, IT and web") for every demo user who can sign in.
 */
const CAPABILITIES: Capability[] = [
  { id: 'FIX-01', what: 'fixed inventory by site', query: '{ fixedInventory(groupBy: SITE) { totalCount nodes { site { city } lineCount lines { number } } } }', path: ['fixedInventory', 'nodes'] },
  { id: 'FIX-01', what: 'fixed inventory by service', query: '{ fixedInventory(groupBy: SERVICE) { nodes { service lineCount } } }', path: ['fixedInventory', 'nodes'] },
  { id: 'FIX-04', what: 'TiAvviso and IVR of a fixed line', query: '{ fixedLine(number: "066633987") { number services { service active } } }', path: ['fixedLine', 'services'] },
  { id: 'FIX-06', what: 'End User Control: intelligent numbers', query: '{ intelligentNumbers { number kind routingPlan { destinations { percentage } } } }', path: ['intelligentNumbers'] },
  { id: 'FIX-07', what: 'TuconTI and Evoluzione Ufficio links', query: '{ fixedServiceLinks { portal url } }', path: ['fixedServiceLinks'] },
];

/**
 * Where a cell is 'empty' the profile may use the page but holds nothing it shows: an AL, UT or UTD sees only his own
 * (mobile) line among the lines, company B's line has no TiAvviso or IVR and B no intelligent number, Ente KRISHNA has
 * no fixed line. The AL reaches the company's services (seed 000: "Rapp. Legale, Amm. Full e Amm. Light accedono ai
 * Servizi"), not the fixed lines' own services, which are on the lines he does not see.
 */
const MATRIX: Matrix = {
  //                                              site svc  srv  EUC  links
  'ginevra.vallisneri': { profile: 'RL (A)', cells: [D, D, D, D, D] },
  'luca.ferri': { profile: 'AF (A)', cells: [D, D, D, D, D] },
  'sara.neri': { profile: 'AL (A), own line', cells: [E, E, E, D, D] },
  'giada.mantesi': { profile: 'UT, own line', cells: [E, E, E, F, F] },
  'paolo.verdi': { profile: 'UTD, own line', cells: [E, E, E, F, F] },
  'marta.holding': { profile: 'HOLDING (A and B)', cells: [D, D, D, D, D] },
  'cessato.fisso': { profile: 'CC', cells: [F, F, F, F, F] },
  'mario.rossi': { profile: 'RL (B)', cells: [D, D, E, E, D] },
  'vincenzo.rl': { profile: 'RL (Ente KRISHNA)', cells: [E, E, E, E, E] },
  'vincenzo.roa': { profile: 'ROA 888010088938', cells: [F, F, F, F, F] },
  'lavo.ebill': { profile: 'REF_EBILL 888010088938', cells: [F, F, F, F, F] },
  'umberto.traffic': { profile: 'TRAFFIC_MANAGER 888010088938', cells: [F, F, F, F, F] },
  'lucia.messaging': { profile: 'REF_MESSAGING 888010088938', cells: [F, F, F, F, F] },
  'pasquale.eu': { profile: 'EU 3312548681 + ROA 888012234558', cells: [F, F, F, F, F] },
  'gina.eu': { profile: 'EU, own prepaid line', cells: [F, F, F, F, F] },
  'massimiliano.roa': { profile: 'ROA of the second Ente', cells: [F, F, F, F, F] },
};

// Every change below is a user's own: the per-user rate of mutations is not what this file tests.
const matrix = conformanceMatrix(CAPABILITIES, MATRIX, { env: { MUTATIONS_PER_MINUTE: '1000' } });
const as = (username: string, query: string, variables: Record<string, unknown> = {}) => asUser(matrix.stack(), username, query, variables);
const writes = () => crmWrites(matrix.stack());
const codes = (body: { errors?: { extensions: { code: string } }[] }) => body.errors?.map((e) => e.extensions.code);

describe('FIX-01 the fixed inventory by site and by service (seed 004)', () => {
  it('FIX-01 the RL sees company A\'s lines grouped by site, Rome before Milan, each group with its lines; a page of one group at a time', async () => {
    const stack = matrix.stack();
    await resetCounters(stack, 'crm');
    const body = await as('ginevra.vallisneri', `{ fixedInventory(groupBy: SITE) { totalCount nodes { site { street city } lineCount lines { number type } } }
      second: fixedInventory(groupBy: SITE, first: 1, offset: 1) { totalCount nodes { site { city } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.fixedInventory).toEqual({ totalCount: 2, nodes: [
      { site: { street: 'VIA NAZIONALE 100', city: 'ROMA' }, lineCount: 1, lines: [{ number: '0612345670', type: 'VOICE_DATA' }] },
      { site: { street: 'VIA PAVIA 2', city: 'MILANO' }, lineCount: 3,
        lines: [{ number: '066633987', type: 'VOICE_DATA' }, { number: '066633988', type: 'VOICE' }, { number: '800123456', type: 'INTELLIGENT_NETWORK' }] },
    ] });
    expect(body.data.second).toEqual({ totalCount: 2, nodes: [{ site: { city: 'MILANO' } }] });
    // Batched: one grouping call per page asked, and the lines of every group in one look-up.
    const crm = await counters(stack, 'crm');
    expect(crm.ConsistenzaLineeFisse).toBe(2);
    expect(crm.GetLineeFisse).toBe(1);
  });

  it('FIX-01 by service: voice, voice and data, Rete Intelligente; the holding referent sees company B\'s line too', async () => {
    const query = '{ fixedInventory(groupBy: SERVICE, linesFirst: 5) { totalCount nodes { service lineCount lines { number } } } }';
    const rl = await as('luca.ferri', query);
    expect(rl.data.fixedInventory.nodes).toEqual([
      { service: 'VOICE', lineCount: 1, lines: [{ number: '066633988' }] },
      { service: 'VOICE_DATA', lineCount: 2, lines: [{ number: '0612345670' }, { number: '066633987' }] },
      { service: 'INTELLIGENT_NETWORK', lineCount: 1, lines: [{ number: '800123456' }] },
    ]);
    const holding = await as('marta.holding', query);
    expect(holding.data.fixedInventory.nodes[0]).toEqual({ service: 'VOICE', lineCount: 2, lines: [{ number: '021234567' }, { number: '066633988' }] });
  });

  it('FIX-01 company A\'s dashboard lists its four fixed lines in the one ListaLineeFisse call it made with one line', async () => {
    // The bench's calls table, for company A: the dashboard asks nothing of the fixed services (no grouping, services,
    // plans or offers), and its lines come with the list (no look-up per line).
    const stack = matrix.stack();
    await resetCounters(stack, 'crm');
    const body = await as('ginevra.vallisneri', readmeDashboardQuery());
    expect(body.data.fixedLines.totalCount).toBe(4);
    const crm = await counters(stack, 'crm');
    expect(crm.ListaLineeFisse).toBe(1);
    for (const operation of ['GetLineeFisse', 'ConsistenzaLineeFisse', 'GetServiziLineeFisse', 'GetPianiInstradamento', 'GetOfferteFisso']) {
      expect(crm[operation] ?? 0, operation).toBe(0);
    }
  });

  it('FIX-01 a page of each group\'s lines; a page of 0 groups or of 101 lines is BAD_USER_INPUT naming its argument', async () => {
    const milan = await as('ginevra.vallisneri', '{ fixedInventory(groupBy: SITE, first: 1, offset: 1, linesFirst: 2, linesOffset: 1) { nodes { lineCount lines { number } } } }');
    expect(milan.data.fixedInventory.nodes).toEqual([{ lineCount: 3, lines: [{ number: '066633988' }, { number: '800123456' }] }]);
    const body = await as('ginevra.vallisneri', '{ fixedInventory(groupBy: SITE, first: 0) { totalCount } }');
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const lines = await as('ginevra.vallisneri', '{ fixedInventory(groupBy: SITE, linesFirst: 101) { totalCount } }');
    expect(lines.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'linesFirst' });
  });
});

const PLAN_FIELDS = 'number kind contract { number } routingPlan { destinations { site answeringNumber percentage } authorisedCallers districts openingHours { days from to } closedOn }';
const CHANGE_PLAN = `mutation($input: ChangeRoutingPlanInput!) { changeRoutingPlan(input: $input) {
  request { id description status } order { id } intelligentNumber { ${PLAN_FIELDS} } } }`;
const NEW_PLAN = {
  number: '800123456',
  destinations: [{ site: 'Milano via Pavia', answeringNumber: '066633987', percentage: 50 }, { site: 'Roma via Nazionale', answeringNumber: '0612345670', percentage: 50 }],
  authorisedCallers: ['0298765432'],
  districts: ['02'],
  openingHours: [{ days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], from: '08:00', to: '13:00' }, { days: ['SATURDAY'], from: '09:00', to: '12:00' }],
  closedOn: ['2026-12-31', '2026-12-24'],
};

describe('FIX-06 End User Control of the intelligent numbers (seed 003)', () => {
  it('FIX-06 the RL reads the Numero Verde\'s routing plan: two sites 60/40, districts, weekday hours, holidays', async () => {
    const body = await as('ginevra.vallisneri', `{ intelligentNumbers { ${PLAN_FIELDS} } }`);
    expect(body.data.intelligentNumbers).toEqual([{
      number: '800123456', kind: 'FREEPHONE', contract: { number: '066633987' },
      routingPlan: {
        destinations: [{ site: 'MILANO VIA PAVIA', answeringNumber: '066633987', percentage: 60 }, { site: 'ROMA VIA NAZIONALE', answeringNumber: '0612345670', percentage: 40 }],
        authorisedCallers: [], districts: ['02', '06'],
        openingHours: [{ days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], from: '08:30', to: '18:00' }],
        closedOn: ['2026-12-25', '2026-12-26'],
      },
    }]);
  });

  it('FIX-06 refuses percentages that do not add up to 100, hours that end before they start, a site that is not the company\'s line: BAD_USER_INPUT naming the field, nothing written', async () => {
    const before = await writes();
    const body = await as('sara.neri', CHANGE_PLAN, { input: { ...NEW_PLAN, destinations: [{ ...NEW_PLAN.destinations[0], percentage: 70 }, NEW_PLAN.destinations[1]], idempotencyKey: 'plan-bad-split' } });
    expect(body.errors[0]).toMatchObject({ message: expect.stringContaining('add up to 100: they add up to 120'), extensions: { code: 'BAD_USER_INPUT', field: 'input.destinations' } });
    const late = await as('sara.neri', CHANGE_PLAN, { input: { ...NEW_PLAN, openingHours: [{ days: ['MONDAY'], from: '18:00', to: '09:00' }], idempotencyKey: 'plan-bad-hours' } });
    expect(late.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.openingHours[0].to' });
    // The calls go to the company's own lines only: company B's line cannot answer company A's Numero Verde.
    const elsewhere = await as('sara.neri', CHANGE_PLAN, { input: { ...NEW_PLAN,
      destinations: [NEW_PLAN.destinations[0], { ...NEW_PLAN.destinations[1], answeringNumber: '021234567' }], idempotencyKey: 'plan-bad-site' } });
    expect(elsewhere.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.destinations[1].answeringNumber' });
    expect(await writes()).toBe(before);
  });

  it('FIX-06 the AL changes the plan: the request "Variazione piano instradamento", closed, and the new plan holds at once', async () => {
    const planChanges = async () => ((await as('luca.ferri', '{ requests { description } }')).data.requests as { description: string }[])
      .filter((r) => r.description === 'Variazione piano instradamento').length;
    const before = await planChanges();
    const body = await as('sara.neri', CHANGE_PLAN, { input: { ...NEW_PLAN, idempotencyKey: 'plan-al-change' } });
    expect(body.errors).toBeUndefined();
    expect(body.data.changeRoutingPlan).toMatchObject({ request: { description: 'Variazione piano instradamento', status: 'CLOSED' }, order: null });
    expect(body.data.changeRoutingPlan.intelligentNumber.routingPlan).toEqual({
      destinations: [{ site: 'MILANO VIA PAVIA', answeringNumber: '066633987', percentage: 50 }, { site: 'ROMA VIA NAZIONALE', answeringNumber: '0612345670', percentage: 50 }],
      authorisedCallers: ['0298765432'], districts: ['02'], openingHours: NEW_PLAN.openingHours, closedOn: ['2026-12-24', '2026-12-31'],
    });
    const retried = await as('sara.neri', CHANGE_PLAN, { input: { ...NEW_PLAN, idempotencyKey: 'plan-al-change' } });
    expect(retried.data.changeRoutingPlan.request.id).toBe(body.data.changeRoutingPlan.request.id);
    expect(await planChanges()).toBe(before + 1);
    // The request names the number as the fixed line it is (TRK-03), though it does not start with 0.
    const read = await as('luca.ferri', '{ intelligentNumbers { routingPlan { districts } } requests { id description fixedLine { number type } line { number } } }');
    expect(read.data.intelligentNumbers[0].routingPlan.districts).toEqual(['02']);
    expect(read.data.requests).toContainEqual({ id: body.data.changeRoutingPlan.request.id, description: 'Variazione piano instradamento',
      fixedLine: { number: '800123456', type: 'INTELLIGENT_NETWORK' }, line: null });
  });

  it('FIX-06 another company\'s number answers like an unknown one, a UT is FORBIDDEN, a geographic line is no intelligent number; nothing written', async () => {
    const before = await writes();
    const foreign = await as('mario.rossi', CHANGE_PLAN, { input: { ...NEW_PLAN, idempotencyKey: 'plan-foreign' } });
    const unknown = await as('mario.rossi', CHANGE_PLAN, { input: { ...NEW_PLAN, number: '800999999', idempotencyKey: 'plan-unknown' } });
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    expect(foreign.errors[0].message).toBe(unknown.errors[0].message);
    expect(codes(await as('giada.mantesi', CHANGE_PLAN, { input: { ...NEW_PLAN, idempotencyKey: 'plan-ut' } }))).toEqual(['FORBIDDEN']);
    const geographic = await as('ginevra.vallisneri', CHANGE_PLAN, { input: { ...NEW_PLAN, number: '066633987', idempotencyKey: 'plan-geographic' } });
    expect(geographic.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.number' });
    expect(await writes()).toBe(before);
  });
});

const SERVICES = '{ fixedLine(number: "066633987") { services { service active activatedOn setting } } }';
const TOGGLE = (mutation: string) => `mutation($input: FixedLineServiceInput!) { ${mutation}(input: $input) {
  request { description status } fixedLine { number services { service active } } } }`;
const REPORT = `mutation($input: ReportUnwantedCallsInput!) { reportUnwantedCalls(input: $input) { request { id description status } order { id } fixedLine { number } } }`;

describe('FIX-04 TiAvviso and IVR of the fixed lines, and the report of unwanted calls', () => {
  it('FIX-04 the RL reads TiAvviso on the line, with the mobile number its SMS go to', async () => {
    const body = await as('ginevra.vallisneri', SERVICES);
    expect(body.data.fixedLine.services).toEqual([{ service: 'TI_AVVISO', active: true, activatedOn: '2021-03-01', setting: '3343860505' }]);
  });

  it('FIX-04 the AF turns TiAvviso off and on again, each a closed request; the same again is refused in our words', async () => {
    const off = await as('luca.ferri', TOGGLE('deactivateFixedLineService'), { input: { number: '066633987', service: 'TI_AVVISO', idempotencyKey: 'tiavviso-off' } });
    expect(off.data.deactivateFixedLineService).toEqual({ request: { description: 'Disattivazione servizio linea fissa', status: 'CLOSED' },
      fixedLine: { number: '066633987', services: [{ service: 'TI_AVVISO', active: false }] } });
    const before = await writes();
    const again = await as('luca.ferri', TOGGLE('deactivateFixedLineService'), { input: { number: '066633987', service: 'TI_AVVISO', idempotencyKey: 'tiavviso-off-again' } });
    expect(again.errors[0]).toMatchObject({ message: 'TiAvviso is already off on this line.', extensions: { code: 'LEGACY_REJECTED' } });
    const never = await as('luca.ferri', TOGGLE('activateFixedLineService'), { input: { number: '066633987', service: 'IVR', idempotencyKey: 'ivr-never' } });
    expect(never.errors[0].message).toContain('a new service is subscribed through customer service');
    expect(await writes()).toBe(before);
    const on = await as('ginevra.vallisneri', TOGGLE('activateFixedLineService'), { input: { number: '066633987', service: 'TI_AVVISO', idempotencyKey: 'tiavviso-on' } });
    expect(on.data.activateFixedLineService.fixedLine.services).toEqual([{ service: 'TI_AVVISO', active: true }]);
  });

  it('FIX-04 the AF reports unwanted calls: the request "Segnalazione chiamate indesiderate", open for the back office', async () => {
    const body = await as('luca.ferri', REPORT, { input: { number: '066633987', callingNumber: '0298765432', lastCallOn: '2026-11-20',
      description: 'Chiamate mute ripetute ogni sera', idempotencyKey: 'unwanted-calls' } });
    expect(body.errors).toBeUndefined();
    expect(body.data.reportUnwantedCalls).toMatchObject({ request: { description: 'Segnalazione chiamate indesiderate', status: 'OPEN' }, order: null, fixedLine: { number: '066633987' } });
  });

  it('FIX-04 refuses a day of the last call in the future (BAD_USER_INPUT naming it), the AL and a UT (FORBIDDEN), a foreign line like an unknown one; nothing written', async () => {
    const before = await writes();
    const input = { number: '066633987', callingNumber: '0298765432', lastCallOn: '2026-11-20', description: 'Chiamate mute' };
    const future = await as('ginevra.vallisneri', REPORT, { input: { ...input, lastCallOn: '2026-11-24', idempotencyKey: 'unwanted-future' } });
    expect(future.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lastCallOn' });
    for (const username of ['sara.neri', 'giada.mantesi']) {
      // Seed 001: the fixed lines' services are the RL's and the AF's; the AL manages the company's services only.
      expect(codes(await as(username, TOGGLE('deactivateFixedLineService'), { input: { number: '066633987', service: 'TI_AVVISO', idempotencyKey: `toggle-${username.replace('.', '-')}` } })), username)
        .toEqual(['FORBIDDEN']);
    }
    const foreign = await as('mario.rossi', REPORT, { input: { ...input, idempotencyKey: 'unwanted-foreign' } });
    const unknown = await as('mario.rossi', REPORT, { input: { ...input, number: '0999999999', idempotencyKey: 'unwanted-unknown' } });
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    expect(foreign.errors[0].message).toBe(unknown.errors[0].message);
    expect(await writes()).toBe(before);
  });
});

describe('FIX-07 the TuconTI and Evoluzione Ufficio links by the offer subscribed', () => {
  it('FIX-07 company A\'s offer gives TuconTI with its profile and Evoluzione Ufficio; company B\'s only TuconTI', async () => {
    const query = '{ fixedServiceLinks { contract { number } offer portal url } }';
    const a = await as('sara.neri', query);
    expect(a.data.fixedServiceLinks).toEqual([
      { contract: { number: '066633987' }, offer: 'TIM IMPRESA SEMPLICE EVOLUZIONE UFFICIO', portal: 'TUCONTI', url: 'https://www.tim.it/assistenza/tuconti?profilo=BUSINESS_PLUS' },
      { contract: { number: '066633987' }, offer: 'TIM IMPRESA SEMPLICE EVOLUZIONE UFFICIO', portal: 'OFFICE_EVOLUTION', url: 'https://evoluzioneufficio.tim.it/configura' },
    ]);
    const b = await as('mario.rossi', query);
    expect(b.data.fixedServiceLinks).toEqual([
      { contract: { number: '021234567' }, offer: 'TIM IMPRESA SEMPLICE VOCE', portal: 'TUCONTI', url: 'https://www.tim.it/assistenza/tuconti?profilo=BUSINESS' },
    ]);
  });
});

describe('FIX-03 the trasloco moves EBPFA\'s billing address too, exactly once', () => {
  const MOVE = `mutation($input: MoveFixedLineInput!) { moveFixedLine(input: $input) { request { id description } fixedLine { number pendingMove { activeBy } } } }`;
  const input = { number: '0612345670', site: { street: 'Via Cavour 20', postalCode: '00184', city: 'Roma', province: 'RM' }, idempotencyKey: 'move-rome-ebpfa' };

  async function billingAddress() {
    const { url } = matrix.stack().components.get('ebpfa')!;
    const client = createEbpfaClient({ url });
    try {
      return (await client.getBillingAddresses(['99318457198']))[0];
    } finally {
      await client.close();
    }
  }

  it('FIX-03 EBPFA down after the pratica: the move answers LEGACY_UNAVAILABLE; the retry with the same key writes no second pratica and sets the address once', async () => {
    const stack = matrix.stack();
    expect((await billingAddress()).address).toEqual({ street: 'VIA PAVIA 2', postalCode: '20136', city: 'MILANO', province: 'MI' });
    const before = await writes();
    await setFaults(stack, 'ebpfa', { 'flussi/indirizzi': { down: true } });
    const failed = await as('ginevra.vallisneri', MOVE, { input });
    await setFaults(stack, 'ebpfa', { 'flussi/indirizzi': null });
    expect(failed.errors[0].extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system: 'EBPFA' });
    expect(await writes()).toBe(before + 1);
    expect((await billingAddress()).address.street).toBe('VIA PAVIA 2');

    const retried = await as('ginevra.vallisneri', MOVE, { input });
    expect(retried.errors).toBeUndefined();
    expect(retried.data.moveFixedLine).toMatchObject({ request: { description: 'Trasloco linea fissa' }, fixedLine: { number: '0612345670', pendingMove: { activeBy: '2026-12-03' } } });
    expect(await writes()).toBe(before + 1);
    const writesToEbpfa = (await counters(stack, 'ebpfa'))['flussi/indirizzi'];
    expect(await billingAddress()).toEqual({ customerCode: '99318457198', operationId: retried.data.moveFixedLine.request.id,
      address: { street: 'VIA CAVOUR 20', postalCode: '00184', city: 'ROMA', province: 'RM' } });

    // A third try replays the pratica and sends EBPFA the same operation again, which changes nothing.
    const third = await as('ginevra.vallisneri', MOVE, { input });
    expect(third.data.moveFixedLine.request.id).toBe(retried.data.moveFixedLine.request.id);
    expect((await counters(stack, 'ebpfa'))['flussi/indirizzi']).toBe(writesToEbpfa + 1);
    expect((await billingAddress()).operationId).toBe(retried.data.moveFixedLine.request.id);
    expect(await writes()).toBe(before + 1);
  });

  it('FIX-03 the fixed subgraph SIGKILLed between CRM and EBPFA: the retry completes the move, one pratica, EBPFA set once', async () => {
    const stack = matrix.stack();
    const move = { ...input, number: '066633988', site: { street: 'Via Dante 7', postalCode: '20121', city: 'Milano', province: 'MI' }, idempotencyKey: 'move-milan-sigkill' };
    const moves = async () => ((await as('ginevra.vallisneri', '{ requests { id description fixedLine { number } } }')).data.requests as
      { id: string; description: string; fixedLine: { number: string } | null }[]).filter((r) => r.description === 'Trasloco linea fissa' && r.fixedLine?.number === '066633988');
    expect(await moves()).toEqual([]);
    const ebpfaBefore = (await counters(stack, 'ebpfa'))['flussi/indirizzi'] ?? 0;
    // EBPFA takes the address and never answers: CRM has written the pratica, EBPFA has not, the subgraph is waiting.
    await setFaults(stack, 'ebpfa', { 'flussi/indirizzi': { timeout: true } });
    const inFlight = as('ginevra.vallisneri', MOVE, { input: move }).catch(() => null);
    for (let i = 0; i < 400 && ((await counters(stack, 'ebpfa'))['flussi/indirizzi'] ?? 0) === ebpfaBefore; i++) await sleep(50);
    await stack.kill('fixed', 'SIGKILL');
    await inFlight;
    await stack.restart('fixed');
    await setFaults(stack, 'ebpfa', { 'flussi/indirizzi': null });
    expect((await billingAddress()).address.street).toBe('VIA CAVOUR 20');

    let requestId: string | undefined;
    for (let attempt = 0; attempt < 60 && !requestId; attempt++) {
      const answer = await as('ginevra.vallisneri', MOVE, { input: move }).catch(() => null);
      requestId = answer?.data?.moveFixedLine?.request.id;
      if (!requestId) await sleep(500);
    }
    expect((await moves()).map((r) => r.id)).toEqual([requestId]);
    expect(await billingAddress()).toEqual({ customerCode: '99318457198', operationId: requestId,
      address: { street: 'VIA DANTE 7', postalCode: '20121', city: 'MILANO', province: 'MI' } });
  }, 240_000);
});

/**
 * The write cells of the same rows, both ways, for every demo user who can sign in: End User Control is the
 * company's service (RL, AF, AL, HOLDING), a fixed line's report of unwanted calls the RL's, AF's and HOLDING's. A
 * user of another company meets company A's number or line as an unknown one; the other profiles are FORBIDDEN.
 */
type Verdict = 'allowed' | 'FORBIDDEN' | 'NOT_FOUND';
const WRITERS: [username: string, plan: Verdict, report: Verdict][] = [
  ['ginevra.vallisneri', 'allowed', 'allowed'],
  ['luca.ferri', 'allowed', 'allowed'],
  ['sara.neri', 'allowed', 'FORBIDDEN'],
  ['giada.mantesi', 'FORBIDDEN', 'FORBIDDEN'],
  ['paolo.verdi', 'FORBIDDEN', 'FORBIDDEN'],
  ['marta.holding', 'allowed', 'allowed'],
  ['cessato.fisso', 'FORBIDDEN', 'FORBIDDEN'],
  ['mario.rossi', 'NOT_FOUND', 'NOT_FOUND'],
  ['vincenzo.rl', 'NOT_FOUND', 'NOT_FOUND'],
  ['vincenzo.roa', 'FORBIDDEN', 'FORBIDDEN'],
  ['lavo.ebill', 'FORBIDDEN', 'FORBIDDEN'],
  ['umberto.traffic', 'FORBIDDEN', 'FORBIDDEN'],
  ['lucia.messaging', 'FORBIDDEN', 'FORBIDDEN'],
  ['pasquale.eu', 'FORBIDDEN', 'FORBIDDEN'],
  ['gina.eu', 'FORBIDDEN', 'FORBIDDEN'],
  ['massimiliano.roa', 'FORBIDDEN', 'FORBIDDEN'],
];

describe('FIX-06 and FIX-04 the changes, per demo user', () => {
  it.each(WRITERS)('FIX-06 FIX-04 %s: the routing plan %s, the report of unwanted calls %s', async (username, plan, report) => {
    const before = await writes();
    const key = username.replace('.', '-');
    const changed = await as(username, CHANGE_PLAN, { input: { ...NEW_PLAN, idempotencyKey: `plan-by-${key}` } });
    const reported = await as(username, REPORT, { input: { number: '066633987', callingNumber: '0298765432', lastCallOn: '2026-11-20',
      description: 'Chiamate mute', idempotencyKey: `report-by-${key}` } });
    const verdict = (body: { data?: Record<string, unknown> | null; errors?: { extensions: { code: string } }[] }, field: string): Verdict => {
      if (!body.errors) return body.data?.[field] ? 'allowed' : 'NOT_FOUND';
      expect(body.errors).toHaveLength(1);
      return body.errors[0].extensions.code as Verdict;
    };
    expect([verdict(changed, 'changeRoutingPlan'), verdict(reported, 'reportUnwantedCalls')]).toEqual([plan, report]);
    expect(await writes()).toBe(before + [plan, report].filter((v) => v === 'allowed').length);
  });
});
