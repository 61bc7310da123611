import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { legacyUnavailable, unauthenticated } from '../../adapters/errors';
import { logLegacyFailure } from '../../adapters/http';

/** Who the identity provider says the caller is. What he may do comes from CRM (see profile-cache.ts). */
export interface TokenSubject { sub: string; username: string }

export interface TokenVerifierOptions { issuer: string; audience: string; jwksUrl: URL }

/**
 * Verifies the `Authorization: Bearer` token against the IdP's JWKS (fetched once, fetched again when a token
 * names an unknown key id). A bad token is UNAUTHENTICATED; an IdP we cannot reach is our outage, not the caller's.
 */
export function createTokenVerifier(opts: TokenVerifierOptions) {
  const keys = createRemoteJWKSet(opts.jwksUrl);

  return async function verifyBearer(authorization: string | undefined, correlationId: string): Promise<TokenSubject> {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated('A bearer token is required.');
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
    return { sub: payload.sub, username: payload.preferred_username };
  };
}
export type TokenVerifier = ReturnType<typeof createTokenVerifier>;
