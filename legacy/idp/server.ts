import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logger } from '../../observability/logger';
import { issueAccessToken, TOKEN_LIFETIME_SECONDS, type TokenClaimsSettings } from './access-token';
import { clientOfTokenRequest } from './clients';
import type { CredentialStore } from './credentials';
import type { SigningKey } from './signing-key';

export interface IdpOptions extends TokenClaimsSettings {
  host: string;
  port: number;
  key: SigningKey;
  credentials: CredentialStore;
}

export interface RunningIdp { url: string; close(): Promise<void> }

/** A login form posts a few hundred bytes; anything much larger is not a token request. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * The two endpoints of an OAuth 2 identity provider that the graph needs: the JWKS the gateway verifies tokens
 * with, and the resource-owner password grant the demo and the tests log in with, through a registered client
 * (`client_id`, clients.ts) or none.
 */
export async function startIdp(opts: IdpOptions): Promise<RunningIdp> {
  const jwks = JSON.stringify({ keys: [opts.key.publicJwk] });

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof BadRequest) return sendJson(res, 400, { error: 'invalid_request', error_description: err.message });
      logger.error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://idp').pathname;
    // Browsers (the IDE, examples/dashboard/) log in from other origins. Any origin: the demo IdP hands a token only
    // to who knows the password, and uses no cookie, so a page of another site gains nothing it could not by itself.
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-methods': 'POST, GET', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' });
      res.end();
      return;
    }
    if (req.method === 'GET' && path === '/.well-known/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' });
      res.end(jwks);
      return;
    }
    if (req.method === 'POST' && path === '/oauth/token') return token(req, res);
    sendJson(res, 404, { error: 'not_found' });
  }

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    if (form.grant_type !== 'password') return sendJson(res, 400, { error: 'unsupported_grant_type' });
    if (!form.username || !form.password) throw new BadRequest('username and password are required');
    // RFC 6749 §5.2: a client the IdP has not registered is `invalid_client`, before any password is looked at.
    const client = clientOfTokenRequest(form.client_id);
    if (!client.ok) return sendJson(res, 401, { error: 'invalid_client' });
    const check = opts.credentials.check(form.username, form.password);
    // One answer for a wrong password, an unknown user and a disabled one: the client learns nothing more.
    if (!check.ok) return sendJson(res, 401, { error: 'invalid_grant' });
    const accessToken = await issueAccessToken(opts.key, check.user, opts, client.client);
    sendJson(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host}:${port}`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

class BadRequest extends Error {}

async function readForm(req: IncomingMessage): Promise<Record<string, string | undefined>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new BadRequest('the body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null) throw new BadRequest('the body must be a JSON object');
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
  }
  throw new BadRequest('use application/x-www-form-urlencoded or application/json');
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  // Token answers must never be cached by an intermediary (RFC 6749 §5.1).
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}
