import { generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { loadOrCreateSigningKey } from '../../legacy/idp/signing-key';

/**
 * Tokens the demo IdP would never issue (expired, without expiry, too long-lived, another issuer or audience, another
 * key, a `preferred_username` naming another user than `sub`), signed with the key it keeps in its data directory, so
 * that tests can show the gateway refuses each of them.
 */
export interface TestTokenOptions {
  sub?: string;
  username?: string;
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for a token that has already expired; null for a token without `exp`. */
  expiresIn?: number | null;
  /** Seconds from now of `iat` (default: now, or earlier for an expired token); null for a token without `iat`. */
  issuedAt?: number | null;
  /** Sign with a fresh key under the IdP's key id: a forged signature. */
  forgeSignature?: boolean;
}

export async function signTestToken(idpDataDir: string, opts: TestTokenOptions = {}): Promise<string> {
  const key = await loadOrCreateSigningKey(idpDataDir);
  const signingKey = opts.forgeSignature ? (await generateKeyPair('ES256')).privateKey : key.privateKey;
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = opts.expiresIn === undefined ? 3600 : opts.expiresIn;
  const issuedAt = opts.issuedAt === undefined ? Math.min(0, (expiresIn ?? 0) - 60) : opts.issuedAt;
  const claims: JWTPayload = {
    preferred_username: opts.username ?? 'ginevra.vallisneri',
    ...(issuedAt !== null && { iat: now + issuedAt }),
    ...(expiresIn !== null && { exp: now + expiresIn }),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setSubject(opts.sub ?? '1-U0001')
    .setIssuer(opts.issuer ?? 'onegraph-demo-idp')
    .setAudience(opts.audience ?? 'onegraph')
    .sign(signingKey);
}
