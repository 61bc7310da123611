import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTRY_POINTS } from '../../stack/launch';
import { signTestToken } from '../support/idp-tokens';
import { graphql, tokenFor } from '../support/stack';
import { useStack } from '../support/use-stack';

/**
 * Authentication end to end: the launched stack (IdP, CRM with the users' status and grants, subgraphs, gateway).
 * Skipped while an entry point of the stack is still missing from the tree.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const missing = Object.values(ENTRY_POINTS).filter((entry) => !existsSync(`${ROOT}/${entry}`));
const VIEWER = '{ viewer { username } }';

describe.skipIf(missing.length > 0)('gateway authentication on the launched stack', () => {
  const stack = useStack();
  async function expectUnauthenticated(token: string | undefined) {
    const { status, body } = await graphql(stack, VIEWER, {}, token);
    expect(status).toBe(401);
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  }

  it('answers a logged-in user with his own viewer', async () => {
    const { status, body } = await graphql(stack, VIEWER, {}, await tokenFor(stack, 'ginevra.vallisneri'));
    expect(status).toBe(200);
    expect(body.data.viewer.username).toBe('ginevra.vallisneri');
  });

  it('refuses no token, an expired one, another issuer or audience, and a forged signature', async () => {
    await expectUnauthenticated(undefined);
    await expectUnauthenticated(await signTestToken(stack.dataDir, { expiresIn: -60 }));
    await expectUnauthenticated(await signTestToken(stack.dataDir, { issuer: 'another-idp' }));
    await expectUnauthenticated(await signTestToken(stack.dataDir, { audience: 'another-api' }));
    await expectUnauthenticated(await signTestToken(stack.dataDir, { forgeSignature: true }));
  });

  it('keys the user on the token\'s sub (the CRM user id), never on its preferred_username', async () => {
    const subMario = await signTestToken(stack.dataDir, { sub: '1-U0010', username: 'ginevra.vallisneri' });
    const { status, body } = await graphql(stack, VIEWER, {}, subMario);
    expect(status).toBe(200);
    expect(body.data.viewer.username).toBe('mario.rossi');
    await expectUnauthenticated(await signTestToken(stack.dataDir, { sub: 'ginevra.vallisneri', username: 'ginevra.vallisneri' }));
  });

  it('refuses a token without exp, and one meant to live longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS', async () => {
    await expectUnauthenticated(await signTestToken(stack.dataDir, { expiresIn: null }));
    await expectUnauthenticated(await signTestToken(stack.dataDir, { expiresIn: 30 * 86_400 }));
  });

  it('refuses the disabled abbonamento.mobile: no token from the IdP, and CRM says disabled for a token anyway', async () => {
    await expect(tokenFor(stack, 'abbonamento.mobile')).rejects.toThrow(/401/);
    await expectUnauthenticated(await signTestToken(stack.dataDir, { sub: '1-U0006', username: 'abbonamento.mobile' }));
  });

  it('keeps tokens valid across restarts of the IdP and the gateway, on the same URLs', async () => {
    const token = await tokenFor(stack, 'mario.rossi');
    const { url } = stack.components.get('gateway')!;
    await stack.restart('idp');
    await stack.restart('gateway');
    expect(stack.components.get('gateway')!.url).toBe(url);
    const { status, body } = await graphql(stack, VIEWER, {}, token);
    expect(status).toBe(200);
    expect(body.data.viewer.username).toBe('mario.rossi');
  });
});
