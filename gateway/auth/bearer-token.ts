import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { legacyUnavailable, unauthenticated } from '../../adapters/errors';
import { logLegacyFailure } from '../../adapters/http';
import { ExpiringMap } from '../../stack/expiring-map';
import { lifetimeWithin } from '../../stack/token-lifetime';

/**
 * Who the identity provider says the caller is: its stable identifier `sub`, which is the CRM user id. Display
 * claims such as `preferred_username` are not keys: an IdP lets users change them, and a token naming one user in
 * `sub` and another in `preferred_username` must not be served as either but the first. What the user may do comes
 * from CRM (see profile-cache.ts).
 */
export interface TokenSubject {
  sub: string;
  /**
   * The registered application the user signed in through, as the IdP names it (`client_id`, RFC 9068, else `azp`,
   * OpenID Connect); undefined for a token that names none. Trusted documents are bound to it (admit-trusted.ts).
   */
  client?: string;
}

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  jwksUrl: URL;
  /** A token whose `exp` lies further than this from its `iat` or from now is refused. */
  maxTokenLifetimeSeconds: number;
}

/** Clocks of the IdP and the gateway may differ by this much before a token counts as living too long. */
const CLOCK_SKEW_SECONDS = 30;

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
      // Without `exp` a token, once leaked, is valid for ever: required, like the subject the user is keyed on.
      ({ payload } = await jwtVerify(token, keys, { issuer: opts.issuer, audience: opts.audience, requiredClaims: ['exp', 'sub'] }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw unauthenticated('The bearer token has expired.');
      if (err instanceof joseErrors.JWTClaimValidationFailed && err.reason === 'missing') {
        throw unauthenticated(`The bearer token has no "${err.claim}" claim; ask the identity provider for a token that has one.`);
      }
      const idpUnreachable = err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid || !(err instanceof joseErrors.JOSEError);
      if (!idpUnreachable) throw unauthenticated('The bearer token is not valid.');
      logLegacyFailure('IdP', 'jwks', correlationId, err);
      throw legacyUnavailable('IdP', correlationId);
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw unauthenticated('The bearer token does not name a user.');
    if (!lifetimeWithin(payload, opts.maxTokenLifetimeSeconds, CLOCK_SKEW_SECONDS)) {
      throw unauthenticated('The bearer token lives longer than this service accepts; ask the identity provider for a new one.');
    }
    const client = [payload.client_id, payload.azp].find((c): c is string => typeof c === 'string' && c !== '');
    const subject: TokenSubject = { sub: payload.sub, ...(client !== undefined && { client }) };
    const until = Math.min(Date.now() + VERIFIED_TTL_MS, (payload.exp as number) * 1000);
    verified.set(token, subject, until);
    return subject;
  };
}
export type TokenVerifier = ReturnType<typeof createTokenVerifier>;
