import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * What a browser meets at the gateway (issue 14 items 1 and 2): CORS for the allowed origins only, with CSRF
 * prevention still on, and the offline IDE at the gateway URL. The dashboard's real-browser test is
 * examples-dashboard.test.ts.
 */
const ALLOWED = 'http://127.0.0.1:5173';
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ readyTimeoutMs: 180_000, componentEnv: { gateway: { CORS_ORIGINS: `${ALLOWED},https://portal.example.it` } } });
}, 240_000);
afterAll(async () => stack?.stop());

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

  it('leaves API clients alone: a JSON POST to the same URL is GraphQL', async () => {
    const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(401);
  });
});
