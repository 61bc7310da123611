import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontRoutes } from '../../gateway/front/front-routes';

/**
 * The gateway URL in a browser when the IDE is off (GRAPHIQL=off, the production default; issue 25 item 2): a short
 * page saying so, not Apollo's CSRF refusal in JSON. The gateway's front routes on a real HTTP server; what they do
 * not answer falls through, as GraphQL would.
 */
let server: Server;
let url = '';
beforeAll(async () => {
  const front = frontRoutes({ corsOrigins: [], graphiql: false, demoLoginUrl: undefined, trustedDocuments: {}, unnamedClients: 'allow' });
  server = createServer((req, res) => { if (!front(req, res)) res.writeHead(418).end('graphql'); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the gateway URL with the IDE off', () => {
  it('tells a browser that this is a GraphQL endpoint and that the IDE is off here', async () => {
    for (const path of ['/', '/graphql']) {
      const res = await fetch(`${url}${path}`, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('The IDE is off in this deployment');
      expect(html).not.toContain('ide-config');
    }
  });

  it('leaves API clients and other paths to GraphQL and their routes', async () => {
    expect((await fetch(`${url}/graphql`, { headers: { accept: 'application/json' } })).status).toBe(418);
    expect((await fetch(`${url}/downloads/x`, { headers: { accept: 'text/html' } })).status).toBe(418);
    expect((await fetch(`${url}/ide/ide.js`)).status).toBe(418);
  });
});
