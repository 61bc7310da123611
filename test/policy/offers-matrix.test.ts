import { describe, expect, it } from 'vitest';
import { changeWalk, type Change } from '../support/change-walk';
import { conformanceMatrix, D, F, type Capability, type Outcome } from '../support/conformance';
import { demoMatrix, type DemoUsername } from '../support/demo-profiles';
import { counters, graphql, LEGACY_TODAY } from '../support/stack';

/**
 * Issue 21 (MOB-20): seed 000 "Offerte per te", the campaigns a company is in and the activation of their offers, and
 * the rows "Offers: see" and "Offers: activate" of schema/profiles.yaml walked both ways for every demo user. Seed 000:
 * "I profili abilitati all'acquisto di un'offerta dalla sezione Offerte sono il Rappresentante Legale, Amm. Full e EU
 * Dispositivo" (HOLDING AF-like); every Area Clienti profile sees the page, the ceased customer and CM8 do not.
 * Reference campaigns (legacy/data/crm-campaigns.ts): company A (1-VALL01) in CMP-0001..3 running and CMP-0005 ended,
 * company B (1-NOME01) in CMP-0001, CMP-0002 and CMP-0004 not started, Ente KRISHNA (1-KRSH01) in CMP-0006 alone.
 */
const COMPANY_A = '1-VALL01';
const COMPANY_B = '1-NOME01';
const KRISHNA = '1-KRSH01';
const SORTING_PAGE = 'https://www.timbusiness.it/area-clienti/offerte';

const OFFERS = '{ viewer { company { id offers { landingUrl campaigns { id title description offer landingUrl startsOn endsOn activatedOn } } } } }';
const READS: Capability[] = [
  { id: 'MOB-20', what: 'the offers of his company\'s campaigns', query: OFFERS, path: ['viewer', 'company', 'offers', 'campaigns'] },
];

/**
 * Per demo user: whether he sees the offers, and whether he may activate one (schema/profiles.yaml "Offers: see",
 * "Offers: activate"). A profile the activation does not admit is refused by the gateway's policy before any record is
 * read (FORBIDDEN).
 */
const OFFER_CELLS = {
  // see, activate
  'ginevra.vallisneri': [D, D],
  'luca.ferri': [D, D],
  'sara.neri': [D, F],
  'giada.mantesi': [D, F],
  'paolo.verdi': [D, D],
  'marta.holding': [D, D],
  'cessato.fisso': [F, F],
  'mario.rossi': [D, D],
  'vincenzo.rl': [D, D],
  'vincenzo.roa': [F, F],
  'lavo.ebill': [F, F],
  'umberto.traffic': [F, F],
  'pasquale.eu': [F, F],
  'gina.eu': [F, F],
  'massimiliano.roa': [F, F],
} satisfies Record<DemoUsername, [Outcome, Outcome]>;
const column = (i: 0 | 1) => demoMatrix(Object.fromEntries(Object.entries(OFFER_CELLS).map(([user, cells]) => [user, [cells[i]]])) as Record<DemoUsername, Outcome[]>);
const READ_MATRIX = column(0);
const CHANGE_MATRIX = column(1);

const matrix = conformanceMatrix(READS, READ_MATRIX, { env: { MUTATIONS_PER_MINUTE: '10000' } });
const ask = (user: string, query: string, variables: Record<string, unknown> = {}) => graphql(matrix.stack(), query, variables, matrix.token(user));
const writes = async () => (await counters(matrix.stack(), 'crm')).CreaPratica ?? 0;

const ACTIVATE = `mutation($input: ActivateOfferInput!) { activateOffer(input: $input) {
  request { id description status } order { id status } campaign { id activatedOn } } }`;
const activate = (user: string, companyId: string, campaignId: string, key: string) =>
  ask(user, ACTIVATE, { input: { companyId, campaignId, idempotencyKey: key } });
const errorOf = (body: { errors?: { extensions: Record<string, unknown> }[] }) => body.errors?.map((e) => ({ code: e.extensions.code, field: e.extensions.field }));

describe('MOB-20 "Offerte per te" as each company\'s users see it', () => {
  it('MOB-20 lists company A\'s running campaigns with their pages, newest first, and lands on the sorting page; an ended campaign is gone', async () => {
    const { body } = await ask('giada.mantesi', OFFERS);
    expect(body.errors).toBeUndefined();
    const { offers } = body.data.viewer.company;
    expect(offers.landingUrl).toBe(SORTING_PAGE);
    expect(offers.campaigns.map((c: { id: string }) => c.id)).toEqual(['CMP-0003', 'CMP-0002', 'CMP-0001']);
    expect(offers.campaigns[2]).toMatchObject({ title: 'Kit Ufficio Mobile', description: 'La soluzione smart per navigare ovunque.',
      landingUrl: 'https://www.timbusiness.it/offerte/kit-ufficio-mobile', activatedOn: null });
    for (const c of offers.campaigns) expect(c.startsOn <= LEGACY_TODAY && LEGACY_TODAY <= c.endsOn).toBe(true);
  });

  it('MOB-20 lands a company in one campaign on that campaign\'s page, and shows company B neither A\'s campaign nor one not started yet', async () => {
    const krishna = await ask('vincenzo.rl', OFFERS);
    expect(krishna.body.data.viewer.company.offers).toMatchObject({ landingUrl: 'https://www.timbusiness.it/offerte/smartphone-pa', campaigns: [{ id: 'CMP-0006' }] });
    const b = await ask('mario.rossi', OFFERS);
    expect(b.body.data.viewer.company.offers.campaigns.map((c: { id: string }) => c.id)).toEqual(['CMP-0002', 'CMP-0001']);
  });
});

/** The campaign each demo user would activate, of his company (a CM8 user: his Ente's). */
const CAMPAIGN_OF: Record<string, [company: string, campaign: string]> = {
  'ginevra.vallisneri': [COMPANY_A, 'CMP-0001'], 'luca.ferri': [COMPANY_A, 'CMP-0003'], 'sara.neri': [COMPANY_A, 'CMP-0001'],
  'giada.mantesi': [COMPANY_A, 'CMP-0001'], 'paolo.verdi': [COMPANY_A, 'CMP-0002'], 'marta.holding': [COMPANY_B, 'CMP-0001'],
  'cessato.fisso': ['1-CESS01', 'CMP-0001'], 'mario.rossi': [COMPANY_B, 'CMP-0002'], 'vincenzo.rl': [KRISHNA, 'CMP-0006'],
  'vincenzo.roa': [KRISHNA, 'CMP-0006'], 'lavo.ebill': [KRISHNA, 'CMP-0006'], 'umberto.traffic': [KRISHNA, 'CMP-0006'],
  'pasquale.eu': [KRISHNA, 'CMP-0006'], 'gina.eu': [KRISHNA, 'CMP-0006'], 'massimiliano.roa': ['1-ENTE02', 'CMP-0006'],
};

const CHANGES: Change[] = [
  { id: 'MOB-20', what: 'activate an offer of his company', mutation: 'activateOffer', inputType: 'ActivateOfferInput', selection: 'campaign { id activatedOn }',
    input: (user) => ({ companyId: CAMPAIGN_OF[user][0], campaignId: CAMPAIGN_OF[user][1] }) },
];

// The activations' cells at the top level, as the reads': the coverage reads a cell's title from its user on.
changeWalk(CHANGES, CHANGE_MATRIX, matrix.stack, matrix.token);

describe('MOB-20 the activations, after the walk above made them', () => {
  it('MOB-20 shows each activated campaign with today\'s date, and the UTD his pratica "Attivazione offerta" and its order, filed on his line', async () => {
    const { body } = await ask('paolo.verdi', OFFERS);
    const activated = Object.fromEntries(body.data.viewer.company.offers.campaigns.map((c: { id: string; activatedOn: string | null }) => [c.id, c.activatedOn]));
    expect(activated).toEqual({ 'CMP-0001': LEGACY_TODAY, 'CMP-0002': LEGACY_TODAY, 'CMP-0003': LEGACY_TODAY });
    const seen = await ask('paolo.verdi', '{ requests { id description line { number } order { id } } orders { id description } }');
    expect(seen.body.errors).toBeUndefined();
    const requests = seen.body.data.requests.filter((r: { description: string }) => r.description === 'Attivazione offerta');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ line: { number: '3343860505' }, order: { id: expect.any(String) } });
  });

  it('MOB-20 refuses a second activation of the same offer, whoever asks, with nothing written', async () => {
    const before = await writes();
    const again = await activate('luca.ferri', COMPANY_A, 'CMP-0001', 'mob20-again');
    expect(errorOf(again.body)).toEqual([{ code: 'LEGACY_REJECTED', field: undefined }]);
    expect(await writes()).toBe(before);
  });

  it('MOB-20 answers a campaign the company is not in (another company\'s, ended, not started) like an unknown one: NOT_FOUND, nothing written', async () => {
    const before = await writes();
    const answers = await Promise.all([
      activate('ginevra.vallisneri', COMPANY_A, 'CMP-0006', 'mob20-foreign-campaign'),
      activate('ginevra.vallisneri', COMPANY_A, 'CMP-0005', 'mob20-ended'),
      activate('mario.rossi', COMPANY_B, 'CMP-0004', 'mob20-not-started'),
      activate('mario.rossi', COMPANY_A, 'CMP-0003', 'mob20-foreign-company'),
      activate('ginevra.vallisneri', COMPANY_A, 'CMP-9999', 'mob20-unknown'),
    ]);
    for (const { body } of answers) expect(errorOf(body)).toEqual([{ code: 'NOT_FOUND', field: undefined }]);
    expect(new Set(answers.map(({ body }) => body.errors[0].message)).size).toBe(1);
    expect(await writes()).toBe(before);
  });

  it('MOB-20 refuses a malformed campaign id or a missing company naming the field, nothing written', async () => {
    const before = await writes();
    const bad = await activate('ginevra.vallisneri', COMPANY_A, 'kit ufficio', 'mob20-bad-campaign');
    expect(errorOf(bad.body)).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.campaignId' }]);
    const noCompany = await activate('ginevra.vallisneri', ' ', 'CMP-0001', 'mob20-bad-company');
    expect(errorOf(noCompany.body)).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.companyId' }]);
    expect(await writes()).toBe(before);
  });
});
