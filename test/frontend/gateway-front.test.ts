import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenFor } from '../support/stack';
import { useStack } from '../support/use-stack';

/**
 * What browsers and partner portals meet at the gateway (issue 14 items 1, 2 and 4): CORS for the allowed origins
 * only, with CSRF prevention still on; the offline IDE at the gateway URL; the CM8 portal's trusted documents
 * enforced. The dashboard's real-browser test is dashboard-browser.test.ts.
 */
const ALLOWED = 'http://127.0.0.1:5173';

const stack = useStack({ componentEnv: { gateway: { CORS_ORIGINS: `${ALLOWED},https://portal.example.it` } } });
const preflight = (origin: string) => fetch(stack.gatewayUrl, {
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, apollographql-client-name' },
});

describe('CORS', () => {
  it('answers the preflight of an allowed origin with what a GraphQL client sends', async () => {
    const res = await preflight(ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    for (const header of ['authorization', 'content-type', 'apollographql-client-name', 'apollo-require-preflight']) {
      expect(res.headers.get('access-control-allow-headers')).toContain(header);
    }
    // Bearer tokens only: a page never needs to send cookies, so credentials are never allowed.
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses the preflight of any other origin and gives its requests no CORS header', async () => {
    const res = await preflight('https://evil.example');
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(stack.gatewayUrl, {
      method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}',
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets an allowed page read the answer and its correlation id', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { origin: ALLOWED, 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { displayName } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-expose-headers')).toContain('x-correlation-id');
    expect(((await res.json()) as { data: { viewer: { displayName: string } } }).data.viewer.displayName).toBeTruthy();
  });

  it('keeps CSRF prevention: a simple GET without a preflight header is refused', async () => {
    const res = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: ALLOWED } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });
});

describe('the offline IDE', () => {
  it('is GraphiQL at the gateway URL for a browser, with assets served by the gateway and the README operations as tabs', async () => {
    const res = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<script src="/ide/ide.js">');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[^"'\s]*\.(js|css)/); // nothing from a CDN
    const config = JSON.parse(/<script type="application\/json" id="ide-config">([\s\S]*?)<\/script>/.exec(html)![1]) as {
      loginUrl: string; tabs: { query: string }[];
    };
    expect(config.loginUrl).toBe(`${stack.idpUrl}/oauth/token`);
    expect(config.tabs.map((t) => /^(query|mutation) (\w+)/.exec(t.query)![2])).toContain('Dashboard');
    const js = await fetch(new URL('/ide/ide.js', stack.gatewayUrl));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await js.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect((await fetch(new URL('/ide/ide.css', stack.gatewayUrl))).status).toBe(200);
  }, 120_000);

  it('leaves a download link a browser opens to the download route', async () => {
    const res = await fetch(new URL('/downloads/not-a-token', stack.gatewayUrl), { headers: { accept: 'text/html,*/*' } });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('ide-config');
  });

  it('leaves API clients alone: a JSON POST to the same URL is GraphQL', async () => {
    const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(401);
  });
});

describe('the CM8 portal\'s trusted documents (mode enforce by default), bound to its users\' tokens', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../trusted-documents/cm8-portal/gql/persisted-documents.json', import.meta.url), 'utf8')) as Record<string, string>;
  const [linesHash, linesText] = Object.entries(manifest).find(([, doc]) => doc.startsWith('query Cm8Lines'))!;
  /** A CM8 user signed in through the portal (its registered client at the IdP), sending whatever client headers. */
  const asCm8 = async (body: unknown, clientHeaders: Record<string, string> = { 'apollographql-client-name': 'cm8-portal', 'apollographql-client-version': '1.0.0' }) => {
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(stack, 'vincenzo.roa', 'demo', 'cm8-portal')}`, ...clientHeaders },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] } };
  };

  it('runs its manifest\'s operations, sent by hash as codegen\'s client does, or as their exact text', async () => {
    const byHash = await asCm8({ documentId: linesHash, variables: { first: 5 } });
    expect(byHash.status).toBe(200);
    expect(byHash.body.data.mobileLines.totalCount).toBeGreaterThan(0);
    const byText = await asCm8({ query: linesText, variables: { first: 5 } });
    expect(byText.body.data.mobileLines.nodes.length).toBeGreaterThan(0);
  });

  it('refuses an arbitrary operation before planning, with a clear error', async () => {
    const res = await asCm8({ query: '{ viewer { displayName } }' });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors![0].extensions.code).toBe('QUERY_NOT_IN_SAFELIST');
    expect(res.body.errors![0].message).toMatch(/cm8-portal.*manifest/);
    const unknownHash = await asCm8({ documentId: `sha256:${'0'.repeat(64)}` });
    expect(unknownHash.body.errors![0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });

  // Issue 19 item 7: the audit ran any document as a CM8 user by not naming the client, or naming it otherwise.
  const BYPASSES: Record<string, Record<string, string>> = {
    'no client name': {},
    'an empty client name': { 'apollographql-client-name': '' },
    'another client\'s name': { 'apollographql-client-name': 'some-script' },
    'the portal\'s name in upper case': { 'apollographql-client-name': 'CM8-PORTAL' },
  };
  for (const [bypass, headers] of Object.entries(BYPASSES)) {
    it(`holds a CM8 user to the portal's documents whatever the headers say: ${bypass} is refused, the manifest still runs`, async () => {
      const arbitrary = await asCm8({ query: '{ viewer { displayName grants { profile scopeId } } }' }, headers);
      expect(arbitrary.status).toBe(400);
      expect(arbitrary.body.data).toBeUndefined();
      expect(arbitrary.body.errors![0].extensions.code).toBe('QUERY_NOT_IN_SAFELIST');
      const reviewed = await asCm8({ documentId: linesHash, variables: { first: 5 } }, headers);
      expect(reviewed.body.data.mobileLines.totalCount).toBeGreaterThan(0);
    });
  }

  it('leaves a token that names no client free outside production (TRUSTED_DOCUMENTS_UNNAMED_CLIENTS allow)', async () => {
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(stack, 'vincenzo.roa')}`, 'apollographql-client-name': 'cm8-portal' },
      body: JSON.stringify({ query: '{ viewer { displayName } }' }),
    });
    expect(res.status).toBe(200);
  });
});
