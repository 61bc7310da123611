import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtraInstance } from '../../stack/launch';
import { eventually } from '../support/eventually';
import { smsTo } from '../support/messages';
import { startTestStack, tokenFor, type TestStack } from '../support/stack';
import { startHaproxy, startRedis, type LoadBalancer, type SystemServer } from '../support/system-servers';

/**
 * Issue 23 item 5: two gateway replicas behind a real HAProxy (round robin), over one set of subgraphs, sharing a
 * real redis-server. What one replica learns, the other knows: the mutation limit, APQ hashes, a change of grants;
 * what was already shared through the systems of record stays so (idempotency keys in CRM, signed links). Redis
 * stopped last: every piece degrades as README "Replicas and Redis" says, and nothing answers 500.
 */
const LIMIT = 3;
const KRISHNA_POSTPAID = '888010088938';
const CONTACTS = `mutation ($input: ChangeReferentContactsInput!) { changeReferentContacts(input: $input) {
  request { id description status } referent { id type mobile } } }`;
const BLOCK = 'mutation ($input: BlockSimInput!) { blockSim(input: $input) { request { id } } }';
/** A line of another company: NOT_FOUND after one lookup, nothing written; the attempt still counts. */
const blockInput = (key: string) => ({ input: { number: '3471000001', reason: 'LOSS', idempotencyKey: `replicas-${key}-abcdef` } });

let redis: SystemServer;
let stack: TestStack;
let replica2: ExtraInstance;
let haproxy: LoadBalancer;
/** The GraphQL endpoints: each replica directly, and the load balancer in front of both. */
let replicaA: string;
let replicaB: string;
let balanced: string;

beforeAll(async () => {
  redis = await startRedis();
  const shared = { REDIS_URL: redis.url, MUTATIONS_PER_MINUTE: String(LIMIT), GRANTS_CACHE_SECONDS: '300' };
  stack = await startTestStack({ readyTimeoutMs: 180_000, componentEnv: { gateway: shared } });
  replica2 = await stack.another('gateway');
  replicaA = stack.gatewayUrl;
  replicaB = replica2.url;
  haproxy = await startHaproxy({ gateway: [new URL(replicaA).origin, new URL(replicaB).origin] });
  balanced = new URL('/graphql', haproxy.urls.gateway).href;
}, 300_000);

afterAll(async () => {
  await haproxy?.stop();
  await replica2?.stop();
  await stack?.stop();
  await redis?.stop();
});

interface Answer { status: number; headers: Headers; body: { data?: any; errors?: any[] } }

async function post(url: string, body: unknown, token?: string): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

/** The CM8 contracts a user may choose, or the code he is refused with once he holds no grant. */
async function profilesOf(url: string, token: string) {
  const { body } = await post(url, { query: '{ viewer { cm8Contracts { number profiles } } }' }, token);
  return body.data?.viewer?.cm8Contracts ?? body.errors?.[0].extensions.code;
}

describe('two gateway replicas behind HAProxy, sharing Redis (issue 23 item 5)', () => {
  it(`holds the mutation limit (${LIMIT} a minute) across both replicas: the next one is 429 RATE_LIMITED with Retry-After on either`, async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    // Round robin: the first LIMIT mutations are spread over both replicas.
    for (let i = 0; i < LIMIT; i++) expect(codeOf(await post(balanced, { query: BLOCK, variables: blockInput(`lb-${i}`) }, token))).toBe('NOT_FOUND');
    for (const url of [replicaA, replicaB, balanced]) {
      const limited = await post(url, { query: BLOCK, variables: blockInput('over') }, token);
      expect(limited.status).toBe(429);
      expect(codeOf(limited)).toBe('RATE_LIMITED');
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.body.errors![0].extensions.retryAfterSeconds).toBe(retryAfter);
    }
  });

  it('knows on one replica an APQ hash registered through the other', async () => {
    const token = await tokenFor(stack, 'mario.rossi');
    const query = '{ viewer { username } }';
    const hash = createHash('sha256').update(query).digest('hex');
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
    expect(codeOf(await post(replicaB, byHash, token))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(replicaA, { query, ...byHash }, token)).body.data).toEqual({ viewer: { username: 'mario.rossi' } });
    expect((await post(replicaB, byHash, token)).body.data).toEqual({ viewer: { username: 'mario.rossi' } });
  });

  it('ACC-09: a referent change made through one replica moves the profile on both at once, though grants are cached 300 s', async () => {
    const lucia = await tokenFor(stack, 'lucia.messaging');
    const before = [{ number: KRISHNA_POSTPAID, profiles: ['REF_MESSAGING'] }];
    // Both replicas now hold lucia's grants in their cache.
    expect(await profilesOf(replicaA, lucia)).toEqual(before);
    expect(await profilesOf(replicaB, lucia)).toEqual(before);
    const changed = await post(replicaA, {
      query: CONTACTS,
      variables: { input: { referentId: `${KRISHNA_POSTPAID}-MESSAGING`, mobile: '3357410021', idempotencyKey: 'replicas-messaging-to-lavo' } },
    }, await tokenFor(stack, 'vincenzo.roa'));
    expect(changed.body.errors).toBeUndefined();
    // The documented bound for a change made through the graph: the time Redis takes to deliver a message.
    expect(await eventually(1_000, () => profilesOf(replicaB, lucia), (p) => p === 'FORBIDDEN')).toBe('FORBIDDEN');
    expect(await profilesOf(replicaA, lucia)).toBe('FORBIDDEN');
  });

  it('ACC-08: a profile changed from the user console through one replica is the user\'s next answer on both, though grants are cached 300 s', async () => {
    // Company B's RL (company A's spent its mutations above) has his employee's credentials sent, and she signs in.
    const mario = await tokenFor(stack, 'mario.rossi');
    const CONSOLE = (field: string, type: string) => `mutation($input: ${type}!) { ${field}(input: $input) { refusal { code } outcome { user { profile } } } }`;
    const sent = await post(replicaA, { query: CONSOLE('sendCompanyUserCredentials', 'CompanyUsersInput'),
      variables: { input: { users: [{ userId: '1-U0011' }], idempotencyKey: 'replicas-console-giulia-1' } } }, mario);
    expect(sent.body.data.sendCompanyUserCredentials[0].refusal).toBeNull();
    const password = await eventually(5_000, async () => /password provvisoria è (\S+)\./.exec((await smsTo(stack, '3471000002'))[0]?.text ?? '')?.[1], Boolean);
    const giulia = await tokenFor(stack, 'giulia.bianchi', password!);
    const profiles = async (url: string) => (await post(url, { query: '{ viewer { profiles } }' }, giulia)).body.data?.viewer?.profiles;
    expect(await profiles(replicaA)).toEqual(['UT']);
    expect(await profiles(replicaB)).toEqual(['UT']);
    const changed = await post(replicaA, { query: CONSOLE('changeCompanyUserProfiles', 'ChangeCompanyUserProfilesInput'),
      variables: { input: { users: [{ userId: '1-U0011' }], profile: 'UTD', idempotencyKey: 'replicas-console-giulia-2' } } }, mario);
    expect(changed.body.data.changeCompanyUserProfiles).toEqual([{ refusal: null, outcome: { user: { profile: 'UTD' } } }]);
    // The documented bound for a change made through the graph: the time Redis takes to deliver a message.
    expect(await eventually(1_000, () => profiles(replicaB), (p) => p?.[0] === 'UTD')).toEqual(['UTD']);
    expect(await profiles(replicaA)).toEqual(['UTD']);
  });

  it('ACC-09: replays an idempotency key on the other replica with the first answer, nothing written twice', async () => {
    const roa = await tokenFor(stack, 'vincenzo.roa');
    const input = { referentId: `${KRISHNA_POSTPAID}-MESSAGING`, email: 'messaging@example.it', idempotencyKey: 'replicas-messaging-email' };
    const first = await post(replicaA, { query: CONTACTS, variables: { input } }, roa);
    expect(first.body.errors).toBeUndefined();
    const replayed = await post(replicaB, { query: CONTACTS, variables: { input } }, roa);
    expect(replayed.body).toEqual(first.body);
  });

  it('BIL-03: serves on one replica a download link signed for the other', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const { body } = await post(replicaA, { query: '{ invoice(number: "7X00412066") { documentUrl } }' }, token);
    const link = new URL(body.data.invoice.documentUrl, replicaA);
    const res = await fetch(new URL(link.pathname, replicaB));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="7X00412066.pdf"');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('with Redis stopped: reads answer, the limit falls back to each replica\'s own count, APQ asks for the document again; never a 500', async () => {
    await redis.stop();
    const token = await tokenFor(stack, 'luca.ferri');
    const read = await post(balanced, { query: '{ viewer { username } }' }, token);
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual({ viewer: { username: 'luca.ferri' } });
    // Fail open to a per-replica limit: replica A counts alone, and B, which has not seen these, still admits.
    for (let i = 0; i < LIMIT; i++) expect(codeOf(await post(replicaA, { query: BLOCK, variables: blockInput(`down-${i}`) }, token))).toBe('NOT_FOUND');
    const limited = await post(replicaA, { query: BLOCK, variables: blockInput('down-over') }, token);
    expect([limited.status, codeOf(limited)]).toEqual([429, 'RATE_LIMITED']);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(codeOf(await post(replicaB, { query: BLOCK, variables: blockInput('down-b') }, token))).toBe('NOT_FOUND');
    // APQ: a miss, and the protocol's recovery (hash and document) answers.
    const query = '{ viewer { displayName } }';
    const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } } };
    const miss = await post(balanced, byHash, token);
    expect([miss.status, codeOf(miss)]).toEqual([200, 'PERSISTED_QUERY_NOT_FOUND']);
    const recovered = await post(balanced, { query, ...byHash }, token);
    expect(recovered.body.data).toEqual({ viewer: { displayName: 'LUCA FERRI' } });
  });
});
