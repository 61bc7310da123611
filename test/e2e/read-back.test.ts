import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../adapters/domain';
import { DEMO_USERS, type DemoUser } from '../../legacy/data/users';
import { profilesAllowed, readPolicy } from '../../subgraphs/runtime/policy/directives';
import { loadTypeDefs, type SubgraphName } from '../../subgraphs/runtime/sdl';
import { confirmed } from '../support/change-summary';
import { graphql, startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * Issue 19, item 1: what a user does, he reads back; what he reads, his profile's pages hold. Four defects an audit
 * found and no test caught, each walked as every demo user it concerns: a change as every profile its @allow names
 * (read from the SDL, so a profile added there is walked here), the pratica read back from the outcome and from the
 * history that shows it; the CM8 histories as every demo user holding a CM8 grant; the contracts list as UT and UTD.
 */
let stack: TestStack;
const tokens = new Map<string, string>();
const token = async (username: string) => {
  if (!tokens.has(username)) tokens.set(username, await tokenFor(stack, username));
  return tokens.get(username)!;
};
beforeAll(async () => {
  // The machine's cores are shared: a slow start is not what this file tests. Every profile sends its changes in the
  // same minute.
  stack = await startTestStack({ readyTimeoutMs: 180_000, env: { MUTATIONS_PER_MINUTE: '1000' } });
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

const allowed = (subgraph: SubgraphName, type: string, field: string) => [...profilesAllowed(readPolicy(loadTypeDefs(subgraph)), type, field)];
const ACTIVE_USERS = DEMO_USERS.filter((u) => u.status === 'ATTIVA');
/** The first active demo user holding the profile, and the scope he holds it on. */
function demoUserWith(profile: Profile): { user: DemoUser; scope: string } {
  const user = ACTIVE_USERS.find((u) => u.grants.some((g) => g.profile === profile));
  if (!user) throw new Error(`no active demo user holds ${profile}`);
  return { user, scope: user.grants.find((g) => g.profile === profile)!.scope };
}
/** The CM8 pages of a contract's pratiche are its ROA's (seed 002 §7.3.1): who monitors what a referent or an EU asked. */
const roaOf = (contract: string) => ACTIVE_USERS.find((u) => u.grants.some((g) => g.profile === 'ROA' && g.scope === contract))!.username;
const roaContracts = (user: DemoUser) => user.grants.filter((g) => g.profile === 'ROA').map((g) => g.scope);

interface Pratica { id: string; description: string; contract: { number: string } | null }
const PRATICA = 'id description contract { number }';

async function requestsHistoryOf(username: string): Promise<Pratica[]> {
  const { body } = await graphql(stack, `{ requestsHistory { ${PRATICA} } }`, {}, await token(username));
  expect(body.errors).toBeUndefined();
  return body.data.requestsHistory;
}

/** Query.requests' @allow: the profiles whose own tracking page (TRK-03) lists what they asked. */
const REQUESTS_PAGE = new Set(allowed('tracking', 'Query', 'requests'));

/**
 * Where the author of a change finds its pratica (and ordine) again: his own tracking pages (TRK-01, TRK-03) and the
 * request by id; a CM8 referent without those pages, or an employee, in the histories of the contract's ROA, who
 * monitors them (seed 002 §7.3.1-§7.3.2).
 */
async function expectReadBack(profile: Profile, author: string, request: Pratica, orderId: string | null) {
  if (REQUESTS_PAGE.has(profile)) {
    const read = await graphql(stack, `query($id: ID!) { requests { id } orders { id request { id } } request(id: $id) { ${PRATICA} } }`,
      { id: request.id }, await token(author));
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.requests).toContainEqual({ id: request.id });
    expect(read.body.data.request).toEqual(request);
    if (orderId) expect(read.body.data.orders).toContainEqual({ id: orderId, request: { id: request.id } });
    return;
  }
  const roa = roaOf(request.contract!.number);
  expect(await requestsHistoryOf(roa)).toContainEqual(request);
  if (orderId) {
    const orders = await graphql(stack, '{ ordersHistory { id request { id } } }', {}, await token(roa));
    expect(orders.body.data.ordersHistory).toContainEqual({ id: orderId, request: { id: request.id } });
  }
}

describe('Appendix rows 22-26 (CON-05, seed 002 §7.5): a threshold change as every profile allowed to make it', () => {
  /** The postpaid line without a spending threshold each profile activates one on, within his grants. */
  const LINES: Partial<Record<Profile, string>> = { RL: '3343860505', AF: '3343860902', AL: '3343860405', ROA: '3312547883', TRAFFIC_MANAGER: '3312545395' };
  const PROFILES = allowed('consumption', 'Mutation', 'activateSpendingThresholds');
  const TERMS = { nature: 'DISPOSITIVE', period: 'DAILY', amount: '0' };

  it('names a line for every profile the mutation allows', () => {
    expect([...PROFILES].sort()).toEqual(Object.keys(LINES).sort());
  });

  it.each(PROFILES)('row 22 as %s: the outcome answers its pratica and ordine, and the history shows them', async (profile) => {
    const { user } = demoUserWith(profile);
    const number = LINES[profile]!;
    // The summary downloaded first, as §7.5's page asks (changeSummary), then the change quoting it.
    const input = await confirmed(stack, await token(user.username), 'activateSpendingThresholds', { lines: [{ number }], ...TERMS });
    const { body } = await graphql(stack, `mutation($input: ActivateSpendingThresholdsInput!) { activateSpendingThresholds(input: $input) {
      number outcome { request { ${PRATICA} } order { id request { id } } line { number } } refusal { code message } } }`,
    { input: { ...input, idempotencyKey: `read-back-22-${profile}` } }, await token(user.username));
    // Today's defect answered request: null, with the reason only in extensions.valueCompletion.
    expect(body.errors).toBeUndefined();
    const [{ outcome, refusal }] = body.data.activateSpendingThresholds;
    expect(refusal).toBeNull();
    expect(outcome.request).toMatchObject({ id: expect.stringMatching(/^7-\d+$/), description: 'Attivazione soglie di spesa' });
    expect(outcome.order.request).toEqual({ id: outcome.request.id });
    await expectReadBack(profile, user.username, outcome.request, outcome.order.id);
  });
});

describe('Appendix row 29 and §7.7.3 (TRK-07): a contact request as every profile, read back by its author', () => {
  const WRITE_TO_US = { mutation: 'writeToUs', inputType: 'WriteToUsInput', input: { subject: 'Informazioni', phone: '3331234567', notes: 'Richiamatemi.' } };
  const CALL_BACK = { mutation: 'bookCallBack', inputType: 'BookCallBackInput', input: { topic: 'ORDERS', phone: '3331234567', window: 'WEEKDAY_09_12' } };
  const cases = allowed('tracking', 'Mutation', 'writeToUs').flatMap((profile) => [WRITE_TO_US, CALL_BACK].map((form) => ({ profile, ...form })));

  it.each(cases)('$mutation as $profile: its pratica in the outcome, then in the author\'s requests and request(id), or the ROA\'s history', async ({ profile, mutation, inputType, input }) => {
    const { user, scope } = demoUserWith(profile);
    const { body } = await graphql(stack, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { request { ${PRATICA} } scope { id } } }`,
      { input: { ...input, scopeId: scope, idempotencyKey: `read-back-${mutation}-${profile}` } }, await token(user.username));
    expect(body.errors).toBeUndefined();
    const { request } = body.data[mutation];
    expect(request).toMatchObject({ id: expect.stringMatching(/^7-\d+$/), description: 'Richiesta contatto' });
    // An UT's own request was filed without her line: neither her requests nor request(id) showed it.
    await expectReadBack(profile, user.username, request, null);
  });
});

describe('TRK-03, TRK-04, TRK-05 (seed 002 §7.3.1-§7.3.2): the histories walked as every demo user holding a CM8 grant', () => {
  const CM8: ReadonlySet<Profile> = new Set(['ROA', 'REF_EBILL', 'TRAFFIC_MANAGER', 'REF_MESSAGING', 'EU']);
  const users = ACTIVE_USERS.filter((u) => u.grants.some((g) => CM8.has(g.profile)));
  const PAGES = ['requests', 'orders', 'requestsHistory', 'ordersHistory'] as const;
  let ownChange: string;
  beforeAll(async () => {
    // pasquale.eu changes his own line as an EU (Appendix row 37): a pratica of his employer's contract 888010088938,
    // which his ROA grant on 888012234558 must not list.
    const { body } = await graphql(stack, 'mutation($input: ChangeTimTuoBillingDataInput!) { changeTimTuoBillingData(input: $input) { request { id } } }',
      { input: { number: '3312548681', holder: { firstName: 'PASQUALE', lastName: 'ESPOSITO', taxCode: 'SPSPQL80A01F839J' },
        invoiceAddress: { street: 'VIA TOLEDO', houseNumber: '15', postalCode: '80134', city: 'NAPOLI', province: 'NA' }, idempotencyKey: 'read-back-row-37' } },
      await token('pasquale.eu'));
    expect(body.errors).toBeUndefined();
    ownChange = body.data.changeTimTuoBillingData.request.id;
  });

  it.each(users.map((u) => ({ username: u.username, user: u })))('$username reads only the pratiche and orders of the contracts he is ROA of', async ({ user }) => {
    const { body } = await graphql(stack, `{ ${PAGES.map((page) => `${page} { id contract { number } }`).join(' ')} }`, {}, await token(user.username));
    const mine = roaContracts(user);
    for (const page of PAGES) {
      if (mine.length === 0) {
        // Pages of the ROA only (a CM8 user holds no Area Clienti profile): refused, not an empty list.
        expect(body.data?.[page] ?? null, page).toBeNull();
        expect(body.errors.filter((e: { path: string[] }) => e.path[0] === page).map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN']);
        continue;
      }
      const contracts = new Set((body.data[page] as { contract: { number: string } | null }[]).map((r) => r.contract?.number));
      expect([...contracts].filter((c) => !mine.includes(c!)), `${page} of ${user.username}`).toEqual([]);
    }
  });

  it('pasquale.eu, EU on a line of 888010088938 and ROA of 888012234558, reads 888012234558\'s histories whole', async () => {
    const { body } = await graphql(stack, '{ requestsHistory { id contract { number } } ordersHistory { id contract { number } } }', {}, await token('pasquale.eu'));
    expect(body.errors).toBeUndefined();
    expect(body.data.requestsHistory.map((r: { id: string }) => r.id)).toEqual(['7-64520000001', '7-64436898334', '7-64381940224', '7-64381938074', '7-64381931654']);
    expect(body.data.ordersHistory.map((o: { id: string }) => o.id)).toEqual(['74458098909', '74461200001', '74443784358', '74440467686']);
    // His own change is his employer's: its ROA monitors it.
    expect((await requestsHistoryOf('vincenzo.roa')).map((r) => r.id)).toContain(ownChange);
  });
});

describe('ACC-04 (spec/profiles.md §2, "Company profile … contracts list": r for UT and UTD): the contracts list', () => {
  const CONTRACTS = '{ viewer { company { id contracts { number type status linesCount } } } }';
  const listOf = async (username: string) => {
    const { body } = await graphql(stack, CONTRACTS, {}, await token(username));
    expect(body.errors).toBeUndefined();
    return body.data.viewer.company;
  };

  it.each(['giada.mantesi', 'paolo.verdi'])('%s (UT/UTD) lists every contract of her company, as the legal representative does', async (username) => {
    const rl = await listOf('ginevra.vallisneri');
    expect(rl.contracts.length).toBeGreaterThan(1);
    const own = await listOf(username);
    expect(own.id).toBe(rl.id);
    const byNumber = (a: { number: string }, b: { number: string }) => a.number.localeCompare(b.number);
    expect([...own.contracts].sort(byNumber)).toEqual([...rl.contracts].sort(byNumber));
  });

  it('the UT still reads only her own line among the lines', async () => {
    const { body } = await graphql(stack, '{ mobileLines(first: 100) { nodes { number } } }', {}, await token('giada.mantesi'));
    expect(body.errors).toBeUndefined();
    expect(body.data.mobileLines.nodes).toEqual([{ number: '3343860902' }]);
  });
});
