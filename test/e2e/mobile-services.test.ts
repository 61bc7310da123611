import { describe, expect, it } from 'vitest';
import { asUser, crmWrites } from '../support/as-user';
import { conformanceMatrix, D, E, F, type Capability, type Matrix } from '../support/conformance';
import { CHANGE_SUMMARY, confirmed, sendChange } from '../support/change-summary';
import { counters, tokenFor } from '../support/stack';

/**
 * The customer area's "Servizi mobile" (MOB-06; seed 000 "Linee e Servizi (2/3)") and a line moved to another contract
 * of its company (MOB-17; seed 003), through the real stack, one stack for the file. Company A's data
 * (legacy/data/mobile-services-reference.ts): services on its contract 888012170373 and on its lines, premium services
 * (VAS-48210 active and SMS-45501 barred on 3343860505, VAS-48330 on the AL's own line 3343860405), 3343860902 in the
 * black list of premium-rate numbers, and a second mobile contract 888012170381 without lines.
 */
const A = '888012170373';
const A_SECOND = '888012170381';
const ON_A = (selection: string) => `{ mobileServices(contractNumber: "${A}") { ${selection} } }`;

/** spec/profiles.md §2 "Services": RL, AF, AL of the company; the others are refused, another company's RL finds nothing. */
const CAPABILITIES: Capability[] = [
  { id: 'MOB-06', what: 'services on the contract', query: ON_A('contractServices { description status }'), path: ['mobileServices', 'contractServices'] },
  { id: 'MOB-06', what: 'services on line, active', query: ON_A('lineServices(status: ACTIVE) { totalCount nodes { lineNumber description } }'),
    path: ['mobileServices', 'lineServices', 'nodes'] },
  { id: 'MOB-06', what: 'premium services', query: ON_A('premiumServices { lineNumber code barred }'), path: ['mobileServices', 'premiumServices'] },
  { id: 'MOB-06', what: 'black list', query: ON_A('blackList { lineNumber type }'), path: ['mobileServices', 'blackList'] },
  { id: 'MOB-06', what: 'SMS solidale of the lines', query: ON_A('smsSolidale { lineNumber enabled }'), path: ['mobileServices', 'smsSolidale'] },
  { id: 'MOB-06', what: 'TIMDUO of the lines', query: ON_A('timduo { lineNumber enabled }'), path: ['mobileServices', 'timduo'] },
  { id: 'MOB-06', what: 'thresholds of the contract\'s lines (Gestione Soglie)', query: `{ spendingThresholds(contractNumber: "${A}") { nodes { lineNumber } } }`,
    path: ['spendingThresholds', 'nodes'] },
];
const NONE = [F, F, F, F, F, F];
const ALL = [D, D, D, D, D, D];
const NOTHING_OF_HIS = [E, E, E, E, E, E];
/**
 * The last cell, the thresholds (seed 000 "Gestione Soglie", the CM8 §7.5 pages): the RL and AF see company A's; the AL
 * those of his own line, which has none yet; the holding referent and the other customer-area profiles are refused;
 * a ROA or TRAFFIC_MANAGER, who may read thresholds, finds nothing of company A.
 */
const MATRIX: Matrix = {
  'ginevra.vallisneri': { profile: 'RL (A)', cells: [...ALL, D] },
  'luca.ferri': { profile: 'AF (A)', cells: [...ALL, D] },
  'sara.neri': { profile: 'AL (A)', cells: [...ALL, E] },
  'giada.mantesi': { profile: 'UT, own line', cells: [...NONE, F] },
  'paolo.verdi': { profile: 'UTD, own line', cells: [...NONE, F] },
  'marta.holding': { profile: 'HOLDING (A and B)', cells: [...ALL, F] },
  'cessato.fisso': { profile: 'CC', cells: [...NONE, F] },
  'mario.rossi': { profile: 'RL (B): A\'s contract is not his', cells: [...NOTHING_OF_HIS, E] },
  'vincenzo.rl': { profile: 'RL of Ente KRISHNA', cells: [...NOTHING_OF_HIS, E] },
  'vincenzo.roa': { profile: 'ROA 888010088938', cells: [...NONE, E] },
  'lavo.ebill': { profile: 'REF_EBILL 888010088938', cells: [...NONE, F] },
  'umberto.traffic': { profile: 'TRAFFIC_MANAGER 888010088938', cells: [...NONE, E] },
  'lucia.messaging': { profile: 'REF_MESSAGING 888010088938', cells: [...NONE, F] },
  'pasquale.eu': { profile: 'EU 3312548681 + ROA 888012234558', cells: [...NONE, E] },
  'gina.eu': { profile: 'EU, own prepaid line', cells: [...NONE, F] },
  'massimiliano.roa': { profile: 'ROA of the second Ente', cells: [...NONE, E] },
};

const matrix = conformanceMatrix(CAPABILITIES, MATRIX);
const as = (username: string, query: string, variables: Record<string, unknown> = {}) => asUser(matrix.stack(), username, query, variables);
const writes = () => crmWrites(matrix.stack());
const codes = (body: { errors?: { extensions?: { code?: string } }[] }) => body.errors?.map((e) => e.extensions?.code);
type Body = { errors?: { message: string; extensions?: { code?: string } }[] };

/** Another line of company A answers the AL exactly like a line that does not exist, and nothing is written. */
async function expectUnknownAlikeToTheAl(send: (number: string, key: string) => Promise<Body>, key: string) {
  const before = await writes();
  const [other, unknown] = [await send('3343860505', `${key}-other`), await send('3999999999', `${key}-unknown`)];
  expect(codes(other)).toEqual(['NOT_FOUND']);
  expect(other.errors?.[0].message).toBe(unknown.errors?.[0].message);
  expect(await writes()).toBe(before);
}

describe('MOB-06 the customer area\'s mobile services (seed 000 "Servizi mobile")', () => {
  it('MOB-06 the RL reads the services on company A\'s contract: roaming data thresholds, SMS solidale, TIMDUO, RIF Azienda', async () => {
    const body = await as('ginevra.vallisneri', ON_A('contractNumber contractServices { description activatedOn status }'));
    expect(body.errors).toBeUndefined();
    expect(body.data.mobileServices).toEqual({
      contractNumber: A,
      contractServices: ['RIF AZIENDA', 'SMS SOLIDALE', 'SOGLIE DATI ROAMING A VOLUME', 'TIMDUO']
        .map((description) => ({ description, activatedOn: '2020-11-24', status: 'ACTIVE' })),
    });
  });

  it('MOB-06 the AF lists the services on line by state, paginated, with the share the company pays (TL) and the cessation', async () => {
    const LINE_SERVICES = `query($status: LineStatus, $first: Int, $offset: Int) { mobileServices(contractNumber: "${A}") {
      lineServices(status: $status, first: $first, offset: $offset) { totalCount nodes { lineNumber description activatedOn chargedToEntePercent monthlyFee ceasedOn status } } } }`;
    const all = await as('luca.ferri', LINE_SERVICES, {});
    expect(all.errors).toBeUndefined();
    expect(all.data.mobileServices.lineServices.totalCount).toBe(5);
    const active = await as('luca.ferri', LINE_SERVICES, { status: 'ACTIVE', first: 2, offset: 0 });
    expect(active.data.mobileServices.lineServices.totalCount).toBe(4);
    expect(active.data.mobileServices.lineServices.nodes).toEqual([
      { lineNumber: '3316779290', description: 'SERVIZIO BU MOBILE', activatedOn: '2020-11-24', chargedToEntePercent: 100, monthlyFee: '5.00', ceasedOn: null, status: 'ACTIVE' },
      { lineNumber: '3343860302', description: 'SERVIZIO BU MOBILE', activatedOn: '2020-01-17', chargedToEntePercent: 100, monthlyFee: '5.00', ceasedOn: null, status: 'ACTIVE' },
    ]);
    const next = await as('luca.ferri', LINE_SERVICES, { status: 'ACTIVE', first: 2, offset: 2 });
    expect(next.data.mobileServices.lineServices.nodes.map((s: { lineNumber: string; chargedToEntePercent: number }) => [s.lineNumber, s.chargedToEntePercent]))
      .toEqual([['3343860505', 100], ['3343860902', 50]]);
    const ceased = await as('luca.ferri', LINE_SERVICES, { status: 'CEASED' });
    expect(ceased.data.mobileServices.lineServices.nodes).toEqual([
      { lineNumber: '3343860405', description: 'RIF USCENTE', activatedOn: '2020-06-10', chargedToEntePercent: 100, monthlyFee: '3.00', ceasedOn: '2023-09-30', status: 'CEASED' },
    ]);
  });

  it('MOB-06 the AL sees the premium services of company A\'s lines, barred ones included, and its black list, in one CRM call', async () => {
    const before = await counters(matrix.stack(), 'crm');
    const body = await as('sara.neri', ON_A('premiumServices { lineNumber code description provider type activatedOn barred } blackList { lineNumber type }'));
    expect(body.errors).toBeUndefined();
    expect(body.data.mobileServices.premiumServices).toEqual([
      { lineNumber: '3343860405', code: 'VAS-48330', description: 'NEWS SPORT', provider: 'MEDIAVAS SRL', type: 'VAS_SUBSCRIPTION', activatedOn: '2024-10-21', barred: false },
      { lineNumber: '3343860505', code: 'SMS-45501', description: 'OROSCOPO SMS', provider: 'STELLE MOBILE SPA', type: 'PREMIUM_SMS', activatedOn: '2025-06-02', barred: true },
      { lineNumber: '3343860505', code: 'VAS-48210', description: 'METEO PLUS SETTIMANALE', provider: 'MEDIAVAS SRL', type: 'VAS_SUBSCRIPTION', activatedOn: '2025-03-14', barred: false },
    ]);
    expect(body.data.mobileServices.blackList).toEqual([{ lineNumber: '3343860902', type: 'PREMIUM_RATE_NUMBERS' }]);
    const after = await counters(matrix.stack(), 'crm');
    expect((after.ListaServiziPremium ?? 0) - (before.ListaServiziPremium ?? 0)).toBe(1);
  });

  it('MOB-06 a fixed contract, an unknown one and another company\'s answer null alike; a malformed number is BAD_USER_INPUT', async () => {
    for (const contract of ['066633987', '888000000000', '888012999001']) {
      const body = await as('ginevra.vallisneri', `{ mobileServices(contractNumber: "${contract}") { contractNumber } }`);
      expect(body.errors, contract).toBeUndefined();
      expect(body.data.mobileServices, contract).toBeNull();
    }
    const bad = await as('ginevra.vallisneri', '{ mobileServices(contractNumber: "888-01") { contractNumber } }');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contractNumber' });
  });

  it('MOB-06 the RL monitors the roaming data thresholds of company A\'s lines ("Soglie dati roaming a volume": the thresholds pages\' records)', async () => {
    const body = await as('ginevra.vallisneri', `{ spendingThresholds(contractNumber: "${A}", kind: EXTRA_EU_ROAMING_DATA) {
      totalCount nodes { lineNumber nature period value } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.spendingThresholds).toEqual({ totalCount: 2, nodes: [
      { lineNumber: '3343860505', nature: 'INFORMATIVE', period: 'MONTHLY', value: '50.00' },
      { lineNumber: '3343860902', nature: 'DISPOSITIVE', period: 'MONTHLY', value: '30.00' },
    ] });
  });

  it('MOB-06 the AF enables a line to send SMS solidale and disables another, in one request each: per line its pratica, the lines as they then are', async () => {
    const CHANGE = (mutation: string) => `mutation($input: SmsSolidaleChangeInput!) { ${mutation}(input: $input) {
      number outcome { request { description status } } refusal { code } } }`;
    const SMS = ON_A('smsSolidale { lineNumber enabled }');
    const enabledLines = async () => ((await as('sara.neri', SMS)).data.mobileServices.smsSolidale as { lineNumber: string; enabled: boolean }[])
      .filter((l) => l.enabled).map((l) => l.lineNumber);
    expect(await enabledLines()).toEqual(['3343860505', '3343860902']);
    const enabled = await as('luca.ferri', CHANGE('enableSmsSolidale'), { input: { lines: [{ number: '3343860302' }, { number: '3343860505' }], idempotencyKey: 'sms-solidale-on' } });
    expect(enabled.errors).toBeUndefined();
    expect(enabled.data.enableSmsSolidale).toEqual([
      { number: '3343860302', outcome: { request: { description: 'Abilitazione SMS solidale', status: 'CLOSED' } }, refusal: null },
      // Already enabled: this line alone is refused.
      { number: '3343860505', outcome: null, refusal: { code: 'LEGACY_REJECTED' } },
    ]);
    const disabled = await as('ginevra.vallisneri', CHANGE('disableSmsSolidale'), { input: { lines: [{ number: '3343860902' }], idempotencyKey: 'sms-solidale-off' } });
    expect(disabled.data.disableSmsSolidale[0].outcome.request).toEqual({ description: 'Disabilitazione SMS solidale', status: 'CLOSED' });
    expect(await enabledLines()).toEqual(['3343860302', '3343860505']);
  });

  const TIMDUO_CHANGE = (mutation: string) => `mutation($input: TimduoChangeInput!) { ${mutation}(input: $input) {
    number outcome { request { description status } } refusal { code message } } }`;
  const timduoLines = async () => ((await as('sara.neri', ON_A('timduo { lineNumber enabled }'))).data.mobileServices.timduo as { lineNumber: string; enabled: boolean }[])
    .filter((l) => l.enabled).map((l) => l.lineNumber);

  it('MOB-06 the RL enables TIMDUO on a line and the AF disables it on another, in one request each: per line its pratica, the lines as they then are', async () => {
    expect(await timduoLines()).toEqual(['3343860902']);
    const enabled = await as('ginevra.vallisneri', TIMDUO_CHANGE('enableTimduo'), { input: { lines: [{ number: '3343860302' }, { number: '3343860902' }], idempotencyKey: 'timduo-on' } });
    expect(enabled.errors).toBeUndefined();
    expect(enabled.data.enableTimduo).toMatchObject([
      { number: '3343860302', outcome: { request: { description: 'Abilitazione TIMDUO', status: 'CLOSED' } }, refusal: null },
      // Already enabled: this line alone is refused.
      { number: '3343860902', outcome: null, refusal: { code: 'LEGACY_REJECTED' } },
    ]);
    const disabled = await as('luca.ferri', TIMDUO_CHANGE('disableTimduo'), { input: { lines: [{ number: '3343860902' }], idempotencyKey: 'timduo-off' } });
    expect(disabled.errors).toBeUndefined();
    expect(disabled.data.disableTimduo[0].outcome.request).toEqual({ description: 'Disabilitazione TIMDUO', status: 'CLOSED' });
    expect(await timduoLines()).toEqual(['3343860302']);
    // SMS solidale is another service of the same lines: TIMDUO's changes leave it as the SMS solidale test left it.
    const sms = (await as('sara.neri', ON_A('smsSolidale { lineNumber enabled }'))).data.mobileServices.smsSolidale as { lineNumber: string; enabled: boolean }[];
    expect(sms.filter((l) => l.enabled).map((l) => l.lineNumber)).toEqual(['3343860302', '3343860505']);
  });

  it('MOB-06 the AL enables TIMDUO on his own line; another line of his company answers him like an unknown one, and only his line is written', async () => {
    const before = await writes();
    const body = await as('sara.neri', TIMDUO_CHANGE('enableTimduo'), { input: { lines: [{ number: '3343860405' }, { number: '3343860505' }, { number: '3999999999' }], idempotencyKey: 'al-timduo-on' } });
    expect(body.errors).toBeUndefined();
    const [own, other, unknown] = body.data.enableTimduo;
    expect(own).toMatchObject({ number: '3343860405', outcome: { request: { description: 'Abilitazione TIMDUO', status: 'CLOSED' } }, refusal: null });
    expect(other.refusal).toMatchObject({ code: 'NOT_FOUND' });
    expect(other.refusal.message).toBe(unknown.refusal.message);
    expect(await writes()).toBe(before + 1);
    expect(await timduoLines()).toContain('3343860405');
  });

  it.each([
    ['giada.mantesi', 'UT, his own line', '3343860902'],
    ['paolo.verdi', 'UTD, his own line', '3343860505'],
    ['vincenzo.roa', 'ROA, a line of his contract', '3312545213'],
  ])('MOB-06 %s (%s) may not change TIMDUO: FORBIDDEN, nothing written', async (username, _who, number) => {
    const before = await writes();
    const body = await as(username, TIMDUO_CHANGE('disableTimduo'), { input: { lines: [{ number }], idempotencyKey: `forbidden-timduo-${username}` } });
    expect(codes(body)).toEqual(['FORBIDDEN']);
    expect(await writes()).toBe(before);
  });

  it('MOB-06 another company\'s RL finds company A\'s line like an unknown one for TIMDUO; a malformed or repeated line is BAD_USER_INPUT naming it; nothing written', async () => {
    const before = await writes();
    const foreign = await as('mario.rossi', TIMDUO_CHANGE('enableTimduo'), { input: { lines: [{ number: '3343860505' }, { number: '3999999999' }], idempotencyKey: 'foreign-timduo' } });
    expect(foreign.errors).toBeUndefined();
    const [theirs, unknown] = foreign.data.enableTimduo;
    expect(theirs.refusal).toMatchObject({ code: 'NOT_FOUND' });
    expect(theirs.refusal).toEqual(unknown.refusal);
    const BAD = [[[{ number: '33' }], 'input.lines[0].number'], [[{ number: '3343860505' }, { number: '3343860505' }], 'input.lines[1]']] as const;
    for (const [i, [lines, field]] of BAD.entries()) {
      const bad = await as('ginevra.vallisneri', TIMDUO_CHANGE('enableTimduo'), { input: { lines, idempotencyKey: `bad-timduo-${i}` } });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await writes()).toBe(before);
  });

  const PREMIUM = (mutation: string) => `mutation($input: PremiumServiceChangeInput!) { ${mutation}(input: $input) {
    request { id description status } order { id } line { number } } }`;
  const PREMIUM_OF_A = ON_A('premiumServices { lineNumber code barred }');

  it('MOB-06 the RL bars a premium service and unbars it: the pratiche "Blocco/Sblocco servizio premium", closed, and the service as it then is', async () => {
    // CRM replays a retry's first answer (CreaPratica is called again): "nothing written" is read in the requests.
    const premiumRequests = async () => ((await as('luca.ferri', '{ requests { description } }')).data.requests as { description: string }[])
      .filter((r) => r.description.endsWith('servizio premium')).length;
    const before = await premiumRequests();
    const barred = await as('ginevra.vallisneri', PREMIUM('barPremiumService'), { input: { number: '3343860505', serviceCode: 'vas-48210', idempotencyKey: 'bar-meteo-plus' } });
    expect(barred.errors).toBeUndefined();
    expect(barred.data.barPremiumService).toMatchObject({ request: { description: 'Blocco servizio premium', status: 'CLOSED' }, order: null, line: { number: '3343860505' } });
    expect((await as('luca.ferri', PREMIUM_OF_A)).data.mobileServices.premiumServices).toContainEqual({ lineNumber: '3343860505', code: 'VAS-48210', barred: true });
    const again = await as('ginevra.vallisneri', PREMIUM('barPremiumService'), { input: { number: '3343860505', serviceCode: 'VAS-48210', idempotencyKey: 'bar-meteo-plus' } });
    expect(again.data.barPremiumService.request.id).toBe(barred.data.barPremiumService.request.id);
    expect(await premiumRequests()).toBe(before + 1);

    const twice = await as('ginevra.vallisneri', PREMIUM('barPremiumService'), { input: { number: '3343860505', serviceCode: 'VAS-48210', idempotencyKey: 'bar-meteo-plus-twice' } });
    expect(codes(twice)).toEqual(['LEGACY_REJECTED']);
    const unbarred = await as('ginevra.vallisneri', PREMIUM('unbarPremiumService'), { input: { number: '3343860505', serviceCode: 'VAS-48210', idempotencyKey: 'unbar-meteo-plus' } });
    expect(unbarred.data.unbarPremiumService.request).toMatchObject({ description: 'Sblocco servizio premium', status: 'CLOSED' });
    expect((await as('luca.ferri', PREMIUM_OF_A)).data.mobileServices.premiumServices).toContainEqual({ lineNumber: '3343860505', code: 'VAS-48210', barred: false });
    const requests = await as('luca.ferri', '{ requests { id description } }');
    expect(requests.data.requests).toContainEqual({ id: unbarred.data.unbarPremiumService.request.id, description: 'Sblocco servizio premium' });
    expect(await premiumRequests()).toBe(before + 2);
  });

  it('MOB-06 the AL bars a premium service of his own line; another line of his company answers him like an unknown one', async () => {
    const own = await as('sara.neri', PREMIUM('barPremiumService'), { input: { number: '3343860405', serviceCode: 'VAS-48330', idempotencyKey: 'al-bar-news' } });
    expect(own.errors).toBeUndefined();
    expect(own.data.barPremiumService.request.description).toBe('Blocco servizio premium');
    await expectUnknownAlikeToTheAl((number, key) => as('sara.neri', PREMIUM('barPremiumService'), { input: { number, serviceCode: 'VAS-48210', idempotencyKey: key } }), 'al-bar');
  });

  it.each([
    ['giada.mantesi', 'UT, his own line', '3343860902'],
    ['paolo.verdi', 'UTD, his own line', '3343860505'],
    ['vincenzo.roa', 'ROA, a line of his contract', '3312545213'],
  ])('MOB-06 %s (%s) may not bar a premium service: FORBIDDEN, nothing written', async (username, _who, number) => {
    const before = await writes();
    const body = await as(username, PREMIUM('barPremiumService'), { input: { number, serviceCode: 'VAS-48210', idempotencyKey: `forbidden-bar-${username}` } });
    expect(codes(body)).toEqual(['FORBIDDEN']);
    expect(await writes()).toBe(before);
  });

  it('MOB-06 the AF puts two lines in the black list of premium SMS in one request and takes one out: per line its pratica, the list as it then is', async () => {
    const CHANGE = (mutation: string) => `mutation($input: BlackListChangeInput!) { ${mutation}(input: $input) {
      number outcome { request { description status } } refusal { code field } } }`;
    const added = await as('luca.ferri', CHANGE('addLinesToBlackList'), { input: { lines: [{ number: '3343860505' }, { number: '3343860902' }], type: 'PREMIUM_SMS', idempotencyKey: 'black-list-sms' } });
    expect(added.errors).toBeUndefined();
    expect(added.data.addLinesToBlackList).toEqual(['3343860505', '3343860902'].map((number) => ({
      number, outcome: { request: { description: 'Inserimento black list', status: 'CLOSED' } }, refusal: null })));
    const removed = await as('ginevra.vallisneri', CHANGE('removeLinesFromBlackList'), { input: { lines: [{ number: '3343860505' }, { number: '3316779290' }], type: 'PREMIUM_SMS', idempotencyKey: 'black-list-sms-out' } });
    expect(removed.data.removeLinesFromBlackList).toEqual([
      { number: '3343860505', outcome: { request: { description: 'Rimozione black list', status: 'CLOSED' } }, refusal: null },
      // Not in that list: this line alone is refused, the other went through.
      { number: '3316779290', outcome: null, refusal: { code: 'LEGACY_REJECTED', field: null } },
    ]);
    const list = await as('sara.neri', ON_A('blackList { lineNumber type }'));
    expect(list.data.mobileServices.blackList).toEqual([
      { lineNumber: '3343860902', type: 'PREMIUM_RATE_NUMBERS' }, { lineNumber: '3343860902', type: 'PREMIUM_SMS' },
    ]);
  });

  it('MOB-06 the AL sets a spending threshold on his own line (Gestione Soglie) and then reads the thresholds of his line only, its CSV too', async () => {
    const token = await tokenFor(matrix.stack(), 'sara.neri');
    const input = await confirmed(matrix.stack(), token, 'activateSpendingThresholds', { lines: [{ number: '3343860405' }], nature: 'INFORMATIVE', period: 'MONTHLY', amount: '40' });
    const ACTIVATE = `mutation($input: ActivateSpendingThresholdsInput!) { activateSpendingThresholds(input: $input) {
      number outcome { request { description } line { number } } refusal { code message } } }`;
    const activated = await as('sara.neri', ACTIVATE, { input: { ...input, idempotencyKey: 'al-own-threshold' } });
    expect(activated.errors).toBeUndefined();
    expect(activated.data.activateSpendingThresholds).toEqual([
      { number: '3343860405', outcome: { request: { description: 'Attivazione soglie di spesa' }, line: { number: '3343860405' } }, refusal: null }]);
    const THRESHOLDS = (filter: string) => `{ spendingThresholds(contractNumber: "${A}"${filter}) { totalCount nodes { lineNumber kind nature period value } csvUrl } }`;
    const own = await as('sara.neri', THRESHOLDS(''));
    expect(own.errors).toBeUndefined();
    expect(own.data.spendingThresholds).toMatchObject({ totalCount: 1, nodes: [{ lineNumber: '3343860405', kind: 'SPENDING', nature: 'INFORMATIVE', period: 'MONTHLY', value: '40.00' }] });
    const csv = await (await fetch(new URL(own.data.spendingThresholds.csvUrl, matrix.stack().gatewayUrl))).text();
    expect(csv).toContain('3343860405');
    expect(csv).not.toMatch(/3343860505|3343860902/);
    // The RL's roaming thresholds are on other lines: the AL finds none, and naming such a line answers an empty page.
    const roaming = await as('sara.neri', THRESHOLDS(', kind: EXTRA_EU_ROAMING_DATA'));
    const other = await as('sara.neri', THRESHOLDS(', lineNumber: "3343860505"'));
    expect([roaming.data.spendingThresholds.totalCount, other.data.spendingThresholds.totalCount]).toEqual([0, 0]);
    const rl = await as('ginevra.vallisneri', THRESHOLDS(''));
    expect(rl.data.spendingThresholds.nodes.map((t: { lineNumber: string }) => t.lineNumber)).toEqual(['3343860405', '3343860505', '3343860902']);
  });

  it('MOB-06 the AL may not change the roaming thresholds of another line of his company: its summary answers like an unknown line\'s, nothing written', async () => {
    const before = await writes();
    const summary = (number: string) => as('sara.neri', CHANGE_SUMMARY, { mutation: 'changeRoamingDataThresholds', input: { lines: [{ number }], nature: 'DISPOSITIVE' } });
    const [other, unknown] = [await summary('3343860505'), await summary('3999999999')];
    expect(other.data.changeSummary).toBeNull();
    expect({ ...other, errors: other.errors?.map((e: { message: string; extensions: { code: string } }) => [e.message, e.extensions.code]) })
      .toEqual({ ...unknown, errors: unknown.errors?.map((e: { message: string; extensions: { code: string } }) => [e.message, e.extensions.code]) });
    // Without the summary's reference the change itself goes nowhere either.
    const CHANGE = `mutation($input: ChangeRoamingDataThresholdsInput!) { changeRoamingDataThresholds(input: $input) { number } }`;
    const change = await as('sara.neri', CHANGE, { input: { lines: [{ number: '3343860505' }], nature: 'DISPOSITIVE', idempotencyKey: 'al-roaming-other' } });
    expect(codes(change)).toEqual(['BAD_USER_INPUT']);
    expect(await writes()).toBe(before);
  });

  const RIF = `mutation($input: SetRifProfileInput!) { setRifProfile(input: $input) { request { description status origin } line { number rifProfile { code } } } }`;
  const rifAs = async (username: string, number: string, profile: string, key: string) => {
    const input = await confirmed(matrix.stack(), await tokenFor(matrix.stack(), username), 'setRifProfile', { number, profile });
    return as(username, RIF, { input: { ...input, idempotencyKey: key } });
  };

  it('MOB-06 the RL changes a line\'s RIF Azienda profile: the CM8 portal\'s "Servizio RIF", filed from the customer area and applied at once', async () => {
    const legend = await as('ginevra.vallisneri', '{ rifProfiles { code } mobileLine(number: "3343860505") { rifProfile { code } } }');
    expect(legend.errors).toBeUndefined();
    expect(legend.data.rifProfiles.map((p: { code: string }) => p.code)).toContain('RIF_01');
    expect(legend.data.mobileLine.rifProfile).toEqual({ code: 'RIF_00' });
    const body = await rifAs('ginevra.vallisneri', '3343860505', 'RIF_01', 'rl-rif-azienda');
    expect(body.errors).toBeUndefined();
    expect(body.data.setRifProfile).toEqual({ request: { description: 'Servizio RIF', status: 'CLOSED', origin: 'AREA CLIENTI' }, line: { number: '3343860505', rifProfile: { code: 'RIF_01' } } });
  });

  it('MOB-06 the AL changes the RIF profile of his own line; another line of his company answers like an unknown one, nothing written', async () => {
    const own = await rifAs('sara.neri', '3343860405', 'RIF_02', 'al-rif-own');
    expect(own.errors).toBeUndefined();
    expect(own.data.setRifProfile.line.rifProfile).toEqual({ code: 'RIF_02' });
    // As the page sends it: the summary first (none for a line he may not see), then the change.
    await expectUnknownAlikeToTheAl(async (number, key) =>
      (await sendChange(matrix.stack(), RIF, { number, profile: 'RIF_03', idempotencyKey: key }, await tokenFor(matrix.stack(), 'sara.neri'))).body, 'al-rif');
  });

  it.each([
    ['giada.mantesi', 'UT, his own line', '3343860902'],
    ['paolo.verdi', 'UTD, his own line', '3343860505'],
    ['lavo.ebill', 'REF_EBILL, a line of his contract', '3312545213'],
  ])('MOB-06 %s (%s) may not change a RIF profile: FORBIDDEN, nothing written', async (username, _who, number) => {
    const before = await writes();
    const { body } = await sendChange(matrix.stack(), RIF, { number, profile: 'RIF_01', idempotencyKey: `forbidden-rif-${username}` }, await tokenFor(matrix.stack(), username));
    expect(codes(body)).toEqual(['FORBIDDEN']);
    expect(await writes()).toBe(before);
  });
});

describe('MOB-17 a line moved to another contract of its company, keeping its tariff plan (seed 003)', () => {
  const MOVE = `mutation($input: MoveMobileLineToContractInput!) { moveMobileLineToContract(input: $input) {
    request { id description status } order { id } line { number tariffPlan contract { number } } } }`;
  const move = (username: string, number: string, contractNumber: string, idempotencyKey: string) =>
    as(username, MOVE, { input: { number, contractNumber, idempotencyKey } });
  let moved: { request: { id: string } };

  it('MOB-17 the RL moves a line to company A\'s second contract: the request "Spostamento linea" closed, the line with its plan and services there', async () => {
    const before = await writes();
    const body = await move('ginevra.vallisneri', '3316779290', A_SECOND, 'move-3316779290');
    expect(body.errors).toBeUndefined();
    moved = body.data.moveMobileLineToContract;
    expect(body.data.moveMobileLineToContract).toMatchObject({
      request: { description: 'Spostamento linea', status: 'CLOSED' }, order: null,
      line: { number: '3316779290', tariffPlan: 'TIM BUSINESS MOBILE', contract: { number: A_SECOND } },
    });
    expect(await writes()).toBe(before + 1);
    const read = await as('luca.ferri', `{ mobileLine(number: "3316779290") { tariffPlan contract { number } } requests { id description }
      second: mobileServices(contractNumber: "${A_SECOND}") { lineServices { nodes { lineNumber description } } }
      first: mobileServices(contractNumber: "${A}") { lineServices { nodes { lineNumber } } } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data.mobileLine).toEqual({ tariffPlan: 'TIM BUSINESS MOBILE', contract: { number: A_SECOND } });
    expect(read.data.requests).toContainEqual({ id: moved.request.id, description: 'Spostamento linea' });
    expect(read.data.second.lineServices.nodes).toEqual([{ lineNumber: '3316779290', description: 'SERVIZIO BU MOBILE' }]);
    expect(read.data.first.lineServices.nodes).not.toContainEqual({ lineNumber: '3316779290' });
  });

  it('MOB-17 a retry with the same key answers the same request and writes nothing; a new request to the same contract is refused', async () => {
    const before = await writes();
    const again = await move('ginevra.vallisneri', '3316779290', A_SECOND, 'move-3316779290');
    expect(again.data.moveMobileLineToContract.request.id).toBe(moved.request.id);
    const anew = await move('ginevra.vallisneri', '3316779290', A_SECOND, 'move-3316779290-anew');
    expect(codes(anew)).toEqual(['LEGACY_REJECTED']);
    expect(anew.errors?.[0].message).toBe('The line is already on this contract.');
    expect(await writes()).toBe(before);
  });

  it('MOB-17 another company\'s contract is NOT_FOUND like an unknown one; a fixed contract or a malformed number is BAD_USER_INPUT naming it; nothing written', async () => {
    const before = await writes();
    const foreign = await move('luca.ferri', '3343860902', '888012999001', 'move-to-foreign');
    const unknown = await move('luca.ferri', '3343860902', '888000000000', 'move-to-unknown');
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    expect(foreign.errors?.[0].message).toBe(unknown.errors?.[0].message);
    const foreignLine = await move('mario.rossi', '3343860902', '888012999001', 'move-foreign-line');
    expect(codes(foreignLine)).toEqual(['NOT_FOUND']);
    const fixed = await move('luca.ferri', '3343860902', '066633987', 'move-to-fixed');
    expect(fixed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contractNumber' });
    const malformed = await move('luca.ferri', '3343860902', 'A-2', 'move-malformed');
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contractNumber' });
    expect(await writes()).toBe(before);
  });

  it('MOB-17 the holding referent may not move company A\'s line to company B\'s contract: LEGACY_REJECTED, nothing written', async () => {
    const before = await writes();
    const body = await move('marta.holding', '3343860902', '888012999001', 'holding-move-across');
    expect(codes(body)).toEqual(['LEGACY_REJECTED']);
    expect(body.errors?.[0].message).toBe('A line moves only to another contract of its own company.');
    expect(await writes()).toBe(before);
  });

  it.each([
    ['sara.neri', 'AL, his own line', '3343860405'],
    ['giada.mantesi', 'UT, his own line', '3343860902'],
    ['paolo.verdi', 'UTD, his own line', '3343860505'],
    // A CM8 referent moves nothing online: his "Spostamento linea" is not the customer area's.
    ['vincenzo.roa', 'ROA, a line of his contract', '3312545213'],
  ])('MOB-17 %s (%s) may not move a line: FORBIDDEN, nothing written', async (username, _who, number) => {
    const before = await writes();
    const body = await move(username, number, A_SECOND, `forbidden-move-${username}`);
    expect(codes(body)).toEqual(['FORBIDDEN']);
    expect(await writes()).toBe(before);
  });
});

describe('FIX-04 unwanted calls reported on a mobile line (seed 000 "Linee Mobile": Segnala Chiamate Indesiderate)', () => {
  const REPORT = `mutation($input: ReportMobileUnwantedCallsInput!) { reportMobileUnwantedCalls(input: $input) {
    request { id description status } order { id } line { number } } }`;
  const CALLS = { callingNumber: '0298765432', lastCallOn: '2026-11-20', description: 'Chiamate mute ripetute ogni sera' };
  const report = (username: string, number: string, key: string, input: Record<string, unknown> = {}) =>
    as(username, REPORT, { input: { number, ...CALLS, ...input, idempotencyKey: key } });

  it('FIX-04 the AF reports unwanted calls on a mobile line: the request "Segnalazione chiamate indesiderate", open for the back office, once in his requests whatever the retries', async () => {
    const body = await report('luca.ferri', '3343860505', 'mobile-unwanted-calls');
    expect(body.errors).toBeUndefined();
    expect(body.data.reportMobileUnwantedCalls).toMatchObject({ request: { description: 'Segnalazione chiamate indesiderate', status: 'OPEN' }, order: null, line: { number: '3343860505' } });
    // A retry with the same key answers the same request: one report in the company's requests, not two.
    const retry = await report('luca.ferri', '3343860505', 'mobile-unwanted-calls');
    expect(retry.data.reportMobileUnwantedCalls.request.id).toBe(body.data.reportMobileUnwantedCalls.request.id);
    const requests = await as('luca.ferri', '{ requests { id description } }');
    expect(requests.data.requests.filter((r: { description: string }) => r.description === 'Segnalazione chiamate indesiderate'))
      .toEqual([{ id: body.data.reportMobileUnwantedCalls.request.id, description: 'Segnalazione chiamate indesiderate' }]);
  });

  it('FIX-04 the AL reports on his own mobile line; another line of his company answers him like an unknown one', async () => {
    const own = await report('sara.neri', '3343860405', 'al-unwanted-own');
    expect(own.errors).toBeUndefined();
    expect(own.data.reportMobileUnwantedCalls.request.description).toBe('Segnalazione chiamate indesiderate');
    await expectUnknownAlikeToTheAl((number, key) => report('sara.neri', number, key), 'al-unwanted');
  });

  it('FIX-04 another company\'s RL finds company A\'s mobile line like an unknown one; a fixed number, a future day and an empty description are BAD_USER_INPUT naming the field; nothing written', async () => {
    const before = await writes();
    const foreign = await report('mario.rossi', '3343860505', 'foreign-unwanted');
    const unknown = await report('mario.rossi', '3999999999', 'foreign-unwanted-unknown');
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    expect(foreign.errors?.[0].message).toBe(unknown.errors?.[0].message);
    const fields = await Promise.all([
      report('ginevra.vallisneri', '066633987', 'unwanted-fixed-number'),
      report('ginevra.vallisneri', '3343860505', 'unwanted-future', { lastCallOn: '2026-11-24' }),
      report('ginevra.vallisneri', '3343860505', 'unwanted-no-words', { description: '' }),
    ]);
    expect(fields.map((body) => body.errors?.[0].extensions)).toMatchObject([
      { code: 'BAD_USER_INPUT', field: 'input.number' }, { code: 'BAD_USER_INPUT', field: 'input.lastCallOn' }, { code: 'BAD_USER_INPUT', field: 'input.description' },
    ]);
    expect(await writes()).toBe(before);
  });

  it.each([
    ['giada.mantesi', 'UT, his own line', '3343860902'],
    ['paolo.verdi', 'UTD, his own line', '3343860505'],
    ['cessato.fisso', 'CC', '3343860505'],
    ['vincenzo.roa', 'ROA, a line of his contract', '3312545213'],
    ['pasquale.eu', 'EU, his own SIM', '3312548681'],
  ])('FIX-04 %s (%s) may not report unwanted calls on a mobile line: FORBIDDEN, nothing written', async (username, _who, number) => {
    const before = await writes();
    const body = await report(username, number, `forbidden-unwanted-${username}`);
    expect(codes(body)).toEqual(['FORBIDDEN']);
    expect(await writes()).toBe(before);
  });
});
