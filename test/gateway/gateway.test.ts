import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserProfile } from '../../adapters/domain';
import { legacyUnavailable, notFound, unauthenticated } from '../../adapters/errors';
import { readGatewaySettings } from '../../gateway/config/settings';
import type { ProfileSource } from '../../gateway/auth/profile-cache';
import { startGateway, type RunningGateway } from '../../gateway/server/start-gateway';
import { createCredentialStore } from '../../legacy/idp/credentials';
import { startIdp, type RunningIdp } from '../../legacy/idp/server';
import { loadOrCreateSigningKey } from '../../legacy/idp/signing-key';
import { SignJWT } from 'jose';
import { IDENTITY_HEADER, signIdentity, verifyIdentity, type Identity } from '../../subgraphs/runtime/identity';
import { signTestToken } from '../support/idp-tokens';
import { graphql, tokenFor } from '../support/stack';

/**
 * The gateway in the test process against a throwaway subgraph and the demo IdP, all on real sockets: what it
 * lets through, what it forwards, what it hides. The full-stack counterpart is stack-auth.test.ts.
 */
const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
/** What a production deployment sets from its secret store: the demo defaults of keys are refused in production. */
const PRODUCTION_KEYS = { CRM_PASSWORD: 'p', EBILL_API_KEY: 'k1', EBPFA_API_KEY: 'k2' };
const SDL = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  scalar Date
  type Query {
    whoami: Whoami!
    fails(kind: String!): String
    "Echoes a date; the probe itself checks nothing, so what it refuses the gateway refused."
    day(on: Date!): String
  }
  type Whoami { userId: String! username: String! name: String! grants: [String!]! correlationId: String }
`);

interface ProbeContext { identity: Identity; correlationId: string | undefined }

const probeResolvers: GraphQLResolverMap<ProbeContext> = {
  Query: {
    whoami: (_, __, { identity, correlationId }) => ({
      ...identity,
      grants: identity.grants.map((g) => `${g.profile}@${g.scope.kind}:${g.scope.id}`),
      correlationId,
    }),
    fails: async (_, { kind }) => {
      if (kind === 'not-found') throw notFound('Line 3999999999');
      if (kind === 'slow') await sleep(3_000);
      throw new Error('connection string postgres://admin:hunter2@db failed');
    },
    day: (_, { on }) => String(on),
  },
};

/** Answers only with a valid gateway identity, like every real subgraph, and echoes what it received. */
async function startProbeSubgraph(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new ApolloServer<ProbeContext>({
    // buildSubgraphSchema types the context as unknown; ours is what the context function below returns.
    schema: buildSubgraphSchema({ typeDefs: SDL, resolvers: probeResolvers as GraphQLResolverMap<unknown> }),
  });
  const secret = new TextEncoder().encode(SECRET);
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      const identity = await verifyIdentity(req.headers[IDENTITY_HEADER] as string | undefined, secret);
      if (!identity) throw unauthenticated('This service only answers the gateway.');
      return { identity, correlationId: req.headers['x-correlation-id'] as string | undefined };
    },
  });
  return { url, stop: () => server.stop() };
}

const profile = (id: string, username: string, enabled: boolean): UserProfile => ({
  id, username, firstName: username.split('.')[0].toUpperCase(), lastName: 'TEST', taxCode: 'VLLGVR74E42D548G',
  mobile: null, email: null, enabled, grants: [{ profile: 'RL', scope: { kind: 'COMPANY', id: '1-VALL01' } }],
});

/** CRM as the gateway sees it, by user id (the IdP's `sub`), counting calls. */
const CRM_USERS: Record<string, UserProfile> = {
  '1-U0001': profile('1-U0001', 'ginevra.vallisneri', true),
  '1-U0010': profile('1-U0010', 'mario.rossi', true),
  '1-U0002': profile('1-U0002', 'luca.ferri', true),
  '1-U0006': profile('1-U0006', 'abbonamento.mobile', false),
  // A CRM answering another user than the one asked for: the gateway must not take it.
  '1-U0099': profile('1-U0001', 'ginevra.vallisneri', true),
};
const crmCalls: string[] = [];
const profiles: ProfileSource = {
  async getUserProfile(userId) {
    crmCalls.push(userId);
    if (userId === 'crm.down') throw legacyUnavailable('CRM', 'test-correlation');
    return CRM_USERS[userId] ?? null;
  },
};

let dir: string;
let idp: RunningIdp;
let probe: { url: string; stop(): Promise<void> };
let gateway: RunningGateway;
const started: { stop(): Promise<void> }[] = [];

function gatewayEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    AUTH_JWKS_URL: `${idp.url}/.well-known/jwks.json`,
    CRM_URL: 'http://127.0.0.1:9',
    GATEWAY_IDENTITY_SECRET: SECRET,
    SUPERGRAPH_PATH: join(dir, 'supergraph.graphql'),
    SUBGRAPH_URLS: JSON.stringify({ probe: probe.url }),
    SUBGRAPH_TIMEOUT_MS: '500',
    ...overrides,
  };
}

async function startTestGateway(overrides: Record<string, string> = {}): Promise<RunningGateway> {
  const running = await startGateway(readGatewaySettings(gatewayEnv(overrides)), { profiles });
  started.push(running);
  return running;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'onegraph-gateway-'));
  idp = await startIdp({
    host: '127.0.0.1', port: 0, issuer: 'onegraph-demo-idp', audience: 'onegraph',
    key: await loadOrCreateSigningKey(dir), credentials: createCredentialStore([]),
  });
  probe = await startProbeSubgraph();
  // Composed with a routing URL nobody listens on: the gateway must route by SUBGRAPH_URLS.
  const composition = composeServices([{ name: 'probe', url: 'http://127.0.0.1:9/graphql', typeDefs: SDL }]);
  if (composition.errors) throw new Error(composition.errors.map((e) => e.message).join('\n'));
  writeFileSync(join(dir, 'supergraph.graphql'), composition.supergraphSdl);
  gateway = await startTestGateway();
});

afterAll(async () => {
  for (const s of started) await s.stop();
  await probe?.stop();
  await idp?.close();
  rmSync(dir, { recursive: true, force: true });
});

const WHOAMI = '{ whoami { userId username name grants correlationId } }';
const at = () => ({ gatewayUrl: gateway.url });

async function expectUnauthenticated(token: string | undefined) {
  const { status, body } = await graphql(at(), WHOAMI, {}, token);
  expect(status).toBe(401);
  expect(body.data ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', correlationId: expect.any(String) });
  return body.errors[0].message as string;
}

describe('gateway authentication', () => {
  it('forwards the signed identity with the CRM grants and a correlation id to the subgraph', async () => {
    const token = await tokenFor({ idpUrl: idp.url }, 'ginevra.vallisneri');
    const { status, body } = await graphql(at(), WHOAMI, {}, token);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.whoami).toMatchObject({
      userId: '1-U0001', username: 'ginevra.vallisneri', name: 'GINEVRA TEST', grants: ['RL@COMPANY:1-VALL01'],
    });
    expect(body.data.whoami.correlationId).toMatch(/^[\w.:-]{8,64}$/);
  });

  it('refuses a request without a token, or with another scheme, with 401 UNAUTHENTICATED', async () => {
    await expectUnauthenticated(undefined);
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic Z2luZXZyYTpkZW1v' },
      body: JSON.stringify({ query: WHOAMI }),
    });
    expect(res.status).toBe(401);
  });

  it('refuses introspection without a token too', async () => {
    const { status } = await graphql(at(), '{ __schema { queryType { name } } }');
    expect(status).toBe(401);
  });

  it('refuses expired, wrong-issuer, wrong-audience, forged and unsigned tokens', async () => {
    expect(await expectUnauthenticated(await signTestToken(dir, { expiresIn: -60 }))).toMatch(/expired/);
    await expectUnauthenticated(await signTestToken(dir, { issuer: 'someone-else' }));
    await expectUnauthenticated(await signTestToken(dir, { audience: 'another-api' }));
    await expectUnauthenticated(await signTestToken(dir, { forgeSignature: true }));
    await expectUnauthenticated('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    await expectUnauthenticated('not-a-jwt');
  });

  it('refuses a user disabled in CRM or unknown to CRM, even with a valid token', async () => {
    await expectUnauthenticated(await signTestToken(dir, { sub: '1-U0006', username: 'abbonamento.mobile' }));
    await expectUnauthenticated(await signTestToken(dir, { sub: '1-U9999', username: 'ghost.user' }));
    await expectUnauthenticated(await signTestToken(dir, { sub: '1-U0099' }));
  });

  it('serves the user the token\'s subject names, whatever its preferred_username says', async () => {
    const asMario = await signTestToken(dir, { sub: '1-U0010', username: 'ginevra.vallisneri' });
    const { status, body } = await graphql(at(), WHOAMI, {}, asMario);
    expect(status).toBe(200);
    expect(body.data.whoami).toMatchObject({ userId: '1-U0010', username: 'mario.rossi' });
    // A disabled user does not get in by naming an enabled one as his username.
    await expectUnauthenticated(await signTestToken(dir, { sub: '1-U0006', username: 'ginevra.vallisneri' }));
  });

  it('refuses a token without exp, and one meant to live longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS', async () => {
    expect(await expectUnauthenticated(await signTestToken(dir, { expiresIn: null }))).toMatch(/no "exp" claim/);
    await expectUnauthenticated(await signTestToken(dir, { expiresIn: null, issuedAt: null }));
    // Ten years ahead, with or without iat; and an hour left of a token issued a year ago.
    expect(await expectUnauthenticated(await signTestToken(dir, { expiresIn: 10 * 365 * 86_400 }))).toMatch(/longer/);
    await expectUnauthenticated(await signTestToken(dir, { expiresIn: 10 * 365 * 86_400, issuedAt: null }));
    await expectUnauthenticated(await signTestToken(dir, { expiresIn: 600, issuedAt: -365 * 86_400 }));
    // The IdP's own tokens (one hour) pass the default, and a tighter setting refuses them.
    const hour = await tokenFor({ idpUrl: idp.url }, 'ginevra.vallisneri');
    expect((await graphql(at(), WHOAMI, {}, hour)).status).toBe(200);
    const strict = await startTestGateway({ AUTH_MAX_TOKEN_LIFETIME_SECONDS: '600' });
    expect((await graphql({ gatewayUrl: strict.url }, WHOAMI, {}, hour)).status).toBe(401);
    expect((await graphql({ gatewayUrl: strict.url }, WHOAMI, {}, await signTestToken(dir, { expiresIn: 300 }))).status).toBe(200);
  });

  it('loads the grants from CRM once per user within the cache time', async () => {
    const token = await tokenFor({ idpUrl: idp.url }, 'luca.ferri');
    crmCalls.length = 0;
    await Promise.all([graphql(at(), WHOAMI, {}, token), graphql(at(), WHOAMI, {}, token)]);
    await graphql(at(), WHOAMI, {}, token);
    expect(crmCalls).toEqual(['1-U0002']);
  });

  it('answers LEGACY_UNAVAILABLE (HTTP 200, never 5xx) when CRM cannot give the grants, and does not cache the failure', async () => {
    const token = await signTestToken(dir, { sub: 'crm.down' });
    crmCalls.length = 0;
    for (let i = 0; i < 2; i++) {
      const { status, body } = await graphql(at(), WHOAMI, {}, token);
      expect(status).toBe(200);
      expect(body.errors[0].extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system: 'CRM' });
    }
    expect(crmCalls).toEqual(['crm.down', 'crm.down']);
  });

  it('answers LEGACY_UNAVAILABLE (system IdP, HTTP 200) when the JWKS cannot be fetched', async () => {
    const blind = await startTestGateway({ AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json' });
    const { status, body } = await graphql({ gatewayUrl: blind.url }, WHOAMI, {}, await signTestToken(dir));
    expect(status).toBe(200);
    expect(body.errors[0].extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system: 'IdP' });
  });
});

describe('gateway identity at the subgraphs', () => {
  const secret = new TextEncoder().encode(SECRET);
  const identity: Identity = { userId: '1-U0001', username: 'ginevra.vallisneri', name: 'GINEVRA', grants: [] };
  /** What someone holding the secret could sign, outside the gateway's code. */
  const handMade = (lifetime: { exp?: string | number; iat?: boolean }) => {
    const jwt = new SignJWT({ username: identity.username, name: identity.name, grants: [] })
      .setProtectedHeader({ alg: 'HS256' }).setSubject(identity.userId).setIssuer('onegraph-gateway').setAudience('onegraph-subgraphs');
    if (lifetime.iat !== false) jwt.setIssuedAt();
    if (lifetime.exp !== undefined) jwt.setExpirationTime(lifetime.exp);
    return jwt.sign(secret);
  };

  it('accepts the identity the gateway signs', async () => {
    await expect(verifyIdentity(await signIdentity(identity, secret), secret)).resolves.toEqual(identity);
    await expect(verifyIdentity(await handMade({ exp: '60s' }), secret)).resolves.toEqual(identity);
  });

  it('refuses an identity without exp or iat, or meant to live longer than the gateway signs for', async () => {
    await expect(verifyIdentity(await handMade({}), secret)).resolves.toBeNull();
    await expect(verifyIdentity(await handMade({ exp: '60s', iat: false }), secret)).resolves.toBeNull();
    await expect(verifyIdentity(await handMade({ exp: '1d' }), secret)).resolves.toBeNull();
    await expect(verifyIdentity(await handMade({ exp: '61min' }), secret)).resolves.toBeNull();
  });

  it('the probe subgraph refuses a request carrying an identity without exp (a real one: e2e/tenancy.test.ts)', async () => {
    const res = await fetch(probe.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: await handMade({}) },
      body: JSON.stringify({ query: '{ whoami { userId } }' }),
    });
    expect(res.status).not.toBe(200);
    expect(JSON.stringify(await res.json())).toContain('UNAUTHENTICATED');
  });
});

describe('gateway error masking and subgraph calls', () => {
  let token: string;
  beforeAll(async () => {
    token = await tokenFor({ idpUrl: idp.url }, 'ginevra.vallisneri');
  });

  it('passes errors of the graph vocabulary on with their code, without internal extensions', async () => {
    const { body } = await graphql(at(), '{ fails(kind: "not-found") }', {}, token);
    expect(body.errors[0].message).toBe('Line 3999999999 does not exist.');
    expect(body.errors[0].extensions).toEqual({ code: 'NOT_FOUND', correlationId: expect.any(String) });
  });

  it('turns any other error into INTERNAL without message details or stack', async () => {
    const { body } = await graphql(at(), '{ fails(kind: "bug") }', {}, token);
    expect(body.errors[0]).toMatchObject({ message: 'Internal error.', extensions: { code: 'INTERNAL', correlationId: expect.any(String) } });
    expect(JSON.stringify(body)).not.toMatch(/hunter2|stacktrace|serviceName/);
  });

  it('keeps Apollo request errors readable (validation) for the client to fix its query', async () => {
    const { status, body } = await graphql(at(), '{ nope }', {}, token);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('gives up on a subgraph that does not answer within SUBGRAPH_TIMEOUT_MS', async () => {
    const startedAt = Date.now();
    const { body } = await graphql(at(), '{ fails(kind: "slow") }', {}, token);
    expect(Date.now() - startedAt).toBeLessThan(2_500);
    expect(body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', correlationId: expect.any(String) });
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|probe|fetch failed/);
  });

  it('answers introspection outside production only', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect((await graphql(at(), query, {}, token)).body.data.__schema.queryType.name).toBe('Query');
    // In production a client must be named (below): one under no manifest, so that only introspection is refused.
    const production = await startTestGateway({ ...PRODUCTION_KEYS, NODE_ENV: 'production', TRUSTED_DOCUMENTS: JSON.stringify({ 'cm8-portal': { mode: 'off' } }) });
    const portalToken = await tokenFor({ idpUrl: idp.url }, 'ginevra.vallisneri', 'demo', 'cm8-portal');
    const { body } = await graphql({ gatewayUrl: production.url }, query, {}, portalToken);
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('runs nothing in production for a token that names no client of TRUSTED_DOCUMENTS (issue 19 item 7, "safelist for everyone")', async () => {
    const production = await startTestGateway({ ...PRODUCTION_KEYS, NODE_ENV: 'production', TRUSTED_DOCUMENTS: JSON.stringify({ 'cm8-portal': { mode: 'off' } }) });
    const unnamed = await graphql({ gatewayUrl: production.url }, '{ whoami { userId } }', {}, token);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors[0]).toMatchObject({ extensions: { code: 'QUERY_NOT_IN_SAFELIST' }, message: expect.stringMatching(/registered client/) });
    const named = await graphql({ gatewayUrl: production.url }, '{ whoami { userId } }', {}, await tokenFor({ idpUrl: idp.url }, 'ginevra.vallisneri', 'demo', 'cm8-portal'));
    expect(named.body.errors).toBeUndefined();
  });

  it('refuses at start a SUBGRAPH_URLS entry naming no subgraph of the supergraph', async () => {
    await expect(startTestGateway({ SUBGRAPH_URLS: JSON.stringify({ probe: probe.url, mobil: probe.url }) })).rejects.toThrow(/mobil/);
  });
});

describe('client mistakes are client errors (4xx, a code that says which, a message that says what to fix)', () => {
  let token: string;
  beforeAll(async () => {
    token = await tokenFor({ idpUrl: idp.url }, 'ginevra.vallisneri');
  });

  async function send(body: Record<string, unknown>) {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] } };
  }

  function expectRefused(result: Awaited<ReturnType<typeof send>>, code: string, message: RegExp) {
    expect(result.status, JSON.stringify(result.body)).toBe(400);
    expect(result.body.data ?? null).toBeNull();
    expect(result.body.errors).toHaveLength(1);
    const [error] = result.body.errors;
    expect(error.extensions.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(Object.keys(error.extensions).sort()).toEqual(['code', 'correlationId']);
  }

  it('a subscription: BAD_REQUEST, use a query', async () => {
    expectRefused(await send({ query: 'subscription { whoami { userId } }' }), 'BAD_REQUEST', /not subscriptions/);
  });

  it('two operations and no operationName, or an operationName the document lacks: OPERATION_RESOLUTION_FAILURE', async () => {
    const query = 'query A { whoami { userId } } query B { whoami { username } }';
    expectRefused(await send({ query }), 'OPERATION_RESOLUTION_FAILURE', /set "operationName" to the one to run \(A, B\)/);
    expectRefused(await send({ query, operationName: 'C' }), 'OPERATION_RESOLUTION_FAILURE', /no operation named "C".*one of A, B/);
    expectRefused(await send({ query: '{ whoami { userId } }', operationName: 'A' }), 'OPERATION_RESOLUTION_FAILURE', /no operation named "A"/);
    const chosen = await send({ query, operationName: 'B' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.data).toEqual({ whoami: { username: 'ginevra.vallisneri' } });
  });

  it('an automatic persisted query whose hash does not match, or of another version: PERSISTED_QUERY_HASH_MISMATCH, BAD_REQUEST', async () => {
    const query = '{ whoami { userId } }';
    const persisted = (sha256Hash: string, version = 1) => ({ query, extensions: { persistedQuery: { version, sha256Hash } } });
    expectRefused(await send(persisted('0'.repeat(64))), 'PERSISTED_QUERY_HASH_MISMATCH', /SHA-256 of the query/);
    expectRefused(await send(persisted('not-a-hash')), 'PERSISTED_QUERY_HASH_MISMATCH', /SHA-256 of the query/);
    expectRefused(await send(persisted(createHash('sha256').update(query).digest('hex'), 2)), 'BAD_REQUEST', /version to 1/);
    // The protocol's own answers stay as clients expect them: an unknown hash alone, then hash and query, then the hash alone.
    const hash = createHash('sha256').update(query).digest('hex');
    const unknown = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await send(persisted(hash))).body.data).toEqual({ whoami: { userId: '1-U0001' } });
    expect((await send({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })).body.data).toEqual({ whoami: { userId: '1-U0001' } });
  });

  it('a malformed custom scalar, as a literal or a variable: BAD_USER_INPUT naming it, refused by the gateway', async () => {
    const literal = await send({ query: '{ day(on: "not-a-date") }' });
    expect(literal.status).toBe(400);
    expect(literal.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
    expect(literal.body.errors[0].message).toMatch(/Date must be a string like "2026-03-31"/);
    const variable = await send({ query: 'query ($on: Date!) { day(on: $on) }', variables: { on: '2026-02-30' } });
    expect(variable.status).toBe(400);
    expect(variable.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
    expect((await send({ query: '{ day(on: "2026-02-28") }' })).body.data).toEqual({ day: '2026-02-28' });
  });
});

describe('gateway settings', () => {
  it('refuses missing or malformed settings, naming the variable', () => {
    const env = gatewayEnv();
    expect(() => readGatewaySettings({ ...env, AUTH_JWKS_URL: '' })).toThrow(/AUTH_JWKS_URL/);
    expect(() => readGatewaySettings({ ...env, SUBGRAPH_URLS: '[1]' })).toThrow(/SUBGRAPH_URLS/);
    expect(() => readGatewaySettings({ ...env, SUBGRAPH_URLS: '{"a":"ftp://x"}' })).toThrow(/SUBGRAPH_URLS\.a/);
    expect(() => readGatewaySettings({ ...env, SUBGRAPH_TIMEOUT_MS: '0' })).toThrow(/SUBGRAPH_TIMEOUT_MS/);
    expect(() => readGatewaySettings({ ...env, GATEWAY_IDENTITY_SECRET: 'short' })).toThrow(/GATEWAY_IDENTITY_SECRET/);
  });

  it('has the documented defaults', () => {
    const s = readGatewaySettings({ AUTH_JWKS_URL: 'http://idp/jwks', CRM_URL: 'http://crm', GATEWAY_IDENTITY_SECRET: SECRET });
    expect(s).toMatchObject({ host: '127.0.0.1', port: 0, subgraphUrls: {}, subgraphTimeoutMs: 10_000 });
    expect(s.auth).toMatchObject({ issuer: 'onegraph-demo-idp', audience: 'onegraph', grantsCacheSeconds: 30 });
    expect(s.supergraphPath).toMatch(/schema\/supergraph\.graphql$/);
  });
});
