import type { JWTPayload } from 'jose';

/**
 * Whether a verified token's lifetime stays within `maxSeconds`, both as declared (`exp - iat`) and as left from now
 * (`exp - now`): a token signed with a valid key but meant to live for years is as good as one that never expires,
 * and a missing or future `iat` must not hide that. `skewSeconds` allows for clocks that differ between the issuer
 * and this process. The caller has already required `exp` (jose's `requiredClaims`).
 */
export function lifetimeWithin(payload: JWTPayload, maxSeconds: number, skewSeconds = 0, now = Date.now()): boolean {
  if (typeof payload.exp !== 'number') return false;
  const nowSeconds = Math.floor(now / 1000);
  const declared = typeof payload.iat === 'number' ? payload.exp - payload.iat : 0;
  return declared <= maxSeconds && payload.exp - nowSeconds <= maxSeconds + skewSeconds;
}
