import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialStore } from '../../legacy/idp/credentials';
import { startIdp, type RunningIdp } from '../../legacy/idp/server';
import { loadOrCreateSigningKey } from '../../legacy/idp/signing-key';
import { tokenFor } from '../support/stack';

const ISSUER = 'onegraph-demo-idp';
const AUDIENCE = 'onegraph';

async function startDemoIdp(dataDir: string): Promise<RunningIdp> {
  return startIdp({
    host: '127.0.0.1',
    port: 0,
    issuer: ISSUER,
    audience: AUDIENCE,
    key: await loadOrCreateSigningKey(dataDir),
    credentials: createCredentialStore([{ id: 'BIGTEN', lines: 10 }]),
  });
}

let dataDir: string;
let idp: RunningIdp;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'onegraph-idp-'));
  idp = await startDemoIdp(dataDir);
});
afterAll(async () => {
  await idp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (body: string, contentType: string) =>
  fetch(`${idp.url}/oauth/token`, { method: 'POST', headers: { 'content-type': contentType }, body });
const form = (fields: Record<string, string>) => post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
const jwksOf = (running: RunningIdp) => createRemoteJWKSet(new URL(`${running.url}/.well-known/jwks.json`));

describe('demo IdP', () => {
  it('issues a Bearer token for a demo user that verifies against its JWKS with the right claims', async () => {
    const res = await form({ grant_type: 'password', username: 'ginevra.vallisneri', password: 'demo' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { access_token: string };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const { payload, protectedHeader } = await jwtVerify(body.access_token, jwksOf(idp), { issuer: ISSUER, audience: AUDIENCE });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload.sub).toBe('1-U0001');
    expect(payload.preferred_username).toBe('ginevra.vallisneri');
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it('names the registered client a token was asked through (client_id and azp, issue 19 item 7), none without one; an unknown client is invalid_client', async () => {
    const portal = (await (await form({ grant_type: 'password', username: 'vincenzo.roa', password: 'demo', client_id: 'cm8-portal' })).json()) as { access_token: string };
    const { payload } = await jwtVerify(portal.access_token, jwksOf(idp), { issuer: ISSUER, audience: AUDIENCE });
    expect(payload).toMatchObject({ client_id: 'cm8-portal', azp: 'cm8-portal' });
    const { payload: unnamed } = await jwtVerify(await tokenFor({ idpUrl: idp.url }, 'vincenzo.roa'), jwksOf(idp), { issuer: ISSUER, audience: AUDIENCE });
    expect(unnamed.client_id).toBeUndefined();
    expect(unnamed.azp).toBeUndefined();
    for (const clientId of ['CM8-PORTAL', 'some-script']) {
      const res = await form({ grant_type: 'password', username: 'vincenzo.roa', password: 'demo', client_id: clientId });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'invalid_client' });
    }
  });

  it('accepts a JSON body too, and the generated user of a large customer', async () => {
    const res = await post(JSON.stringify({ grant_type: 'password', username: 'bigten.rl', password: 'demo' }), 'application/json');
    expect(res.status).toBe(200);
  });

  it('answers 401 invalid_grant for a wrong password, an unknown user and the disabled abbonamento.mobile', async () => {
    for (const [username, password] of [['ginevra.vallisneri', 'wrong'], ['nobody.here', 'demo'], ['abbonamento.mobile', 'demo']]) {
      const res = await form({ grant_type: 'password', username, password });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'invalid_grant' });
    }
  });

  it('refuses other grant types and malformed requests with 400', async () => {
    expect((await form({ grant_type: 'client_credentials' })).status).toBe(400);
    expect((await form({ grant_type: 'password', username: 'ginevra.vallisneri' })).status).toBe(400);
    expect((await post('{not json', 'application/json')).status).toBe(400);
    expect((await post('username=x', 'text/plain')).status).toBe(400);
  });

  it('keeps its key across restarts: a token issued before verifies after', async () => {
    const token = await tokenFor({ idpUrl: idp.url }, 'mario.rossi');
    await idp.close();
    idp = await startDemoIdp(dataDir);
    const jwks = (await (await fetch(`${idp.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([decodeProtectedHeader(token).kid]);
    expect(jwks.keys[0].d).toBeUndefined();
    const { payload } = await jwtVerify(token, jwksOf(idp), { issuer: ISSUER, audience: AUDIENCE });
    expect(payload.preferred_username).toBe('mario.rossi');
  });
});
