import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { legacyUnavailable, unauthenticated } from '../../adapters/errors';
import { logLegacyFailure } from '../../adapters/http';
import { ExpiringMap } from '../../stack/expiring-map';

/** Who the identity provider says the caller is. What he may do comes from CRM (see profile-cache.ts). */
export interface TokenSubject { sub: string; username: string }

export interface TokenVerifierOptions { issuer: string; audience: string; jwksUrl: URL }

/**
 * A token verified once is trusted again until it expires, for at most VERIFIED_TTL_MS: a client sends the same
 * token with every request, and the RS256 check through WebCrypto was a visible share of the gateway's CPU per
 * request (bench/RESULTS.md). An expired token misses the cache and is refused by the full check.
 */
const VERIFIED_TTL_MS = 60_000;

/**
 * Verifies the `Authorization: Bearer` token against the IdP's JWKS (fetched once, fetched again when a token
 * names an unknown key id). A bad token is UNAUTHENTICATED; an IdP we cannot reach is our outage, not the caller's.
 */
export function createTokenVerifier(opts: TokenVerifierOptions) {
  const keys = createRemoteJWKSet(opts.jwksUrl);
  const verified = new ExpiringMap<string, TokenSubject>(10_000);

  return async function verifyBearer(authorization: string | undefined, correlationId: string): Promise<TokenSubject> {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated('A bearer token is required.');
    const known = verified.get(token);
    if (known) return known;
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer: opts.issuer, audience: opts.audience }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw unauthenticated('The bearer token has expired.');
      const idpUnreachable = err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid || !(err instanceof joseErrors.JOSEError);
      if (!idpUnreachable) throw unauthenticated('The bearer token is not valid.');
      logLegacyFailure('IdP', 'jwks', correlationId, err);
      throw legacyUnavailable('IdP', correlationId);
    }
    if (typeof payload.sub !== 'string' || typeof payload.preferred_username !== 'string') {
      throw unauthenticated('The bearer token does not name a user.');
    }
    const subject = { sub: payload.sub, username: payload.preferred_username };
    const until = Math.min(Date.now() + VERIFIED_TTL_MS, typeof payload.exp === 'number' ? payload.exp * 1000 : 0);
    verified.set(token, subject, until);
    return subject;
  };
}
export type TokenVerifier = ReturnType<typeof createTokenVerifier>;
