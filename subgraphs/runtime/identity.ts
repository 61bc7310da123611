import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Grant } from '../../adapters/domain';
import { PROFILES } from '../../adapters/domain';
import { ExpiringMap } from '../../stack/expiring-map';
import { variable } from '../../stack/settings/define';
import { z } from 'zod';
import { lifetimeWithin } from '../../stack/token-lifetime';

/**
 * The identity the gateway forwards to the subgraphs: a short-lived HS256 JWT of the gateway's own, so that a
 * subgraph can tell a request that went through the gateway (which verified the user and loaded his grants from
 * CRM) from one that did not. A bare header anyone could set would not do.
 */
export const IDENTITY_HEADER = 'x-gateway-identity';
const AUDIENCE = 'onegraph-subgraphs';
const ISSUER = 'onegraph-gateway';
const LIFETIME_SECONDS = 60;
/** The gateway and the subgraphs may run on hosts whose clocks differ by this much. */
const CLOCK_SKEW_SECONDS = 5;

export interface Identity {
  userId: string;
  username: string;
  name: string;
  grants: Grant[];
}

/** The HS256 key gateway and subgraphs share, as both settings modules declare it. */
export const IDENTITY_SECRET_VARIABLE = variable(
  z.string({ error: 'at least 32 characters' }).min(32, { error: 'at least 32 characters' }).transform((raw) => new TextEncoder().encode(raw)),
  { meaning: 'the HS256 key the gateway signs the identity it forwards with, and the subgraphs verify it with: the same value everywhere', shownDefault: '(required, ≥ 32 chars)', secret: true },
);

export async function signIdentity(identity: Identity, secret: Uint8Array): Promise<string> {
  return new SignJWT({ username: identity.username, name: identity.name, grants: identity.grants })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(secret);
}

/**
 * Tokens this process has verified, trusted again until they expire: the gateway reuses a user's token for 20 s
 * (gateway/identity/signed-identity.ts), and HMAC through jose's WebCrypto path was the largest CPU cost of a
 * subgraph request (bench/RESULTS.md). Only valid tokens are kept.
 */
const verified = new ExpiringMap<string, { secret: Uint8Array; identity: Identity }>(10_000);

/**
 * Returns the identity, or null when the token is missing, forged, expired, malformed, or not short-lived: the
 * gateway signs every identity for LIFETIME_SECONDS, so one without `exp`, or meant to live longer, was not made by
 * the gateway's code, whoever holds the secret.
 */
export async function verifyIdentity(token: string | undefined, secret: Uint8Array): Promise<Identity | null> {
  if (!token) return null;
  const known = verified.get(token);
  if (known?.secret === secret) return known.identity;
  try {
    const { payload } = await jwtVerify(token, secret, {
      issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp', 'iat', 'sub'],
    });
    if (!lifetimeWithin(payload, LIFETIME_SECONDS, CLOCK_SKEW_SECONDS)) return null;
    if (typeof payload.sub !== 'string' || typeof payload.username !== 'string' || !Array.isArray(payload.grants)) return null;
    const grants = (payload.grants as unknown[]).filter(isGrant);
    const identity = { userId: payload.sub, username: payload.username, name: String(payload.name ?? ''), grants };
    verified.set(token, { secret, identity }, (payload.exp as number) * 1000);
    return identity;
  } catch (err) {
    if (err instanceof joseErrors.JOSEError) return null;
    throw err;
  }
}

function isGrant(value: unknown): value is Grant {
  const g = value as Grant;
  return typeof g === 'object' && g !== null && (PROFILES as readonly string[]).includes(g.profile)
    && typeof g.scope === 'object' && ['COMPANY', 'CONTRACT', 'LINE'].includes(g.scope?.kind) && typeof g.scope.id === 'string';
}
