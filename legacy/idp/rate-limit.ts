import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * issue 20: how often an anonymous operation may be asked, per key (a mobile number, a username, a client): `limit`
 * calls per `windowMs`, counted by rate-limiter-flexible as the gateway's limits are (gateway/replica-state/shared-state.ts).
 * In process, right for the one IdP of the embedded default; with several IdP replicas, `limiterOf` takes the
 * Redis-backed limiter `SharedState.limiter(name, points, seconds)` gives, and every replica counts the same calls.
 */
export interface RateLimiter {
  /** True when this call is within the limit (and counts it); false when the key has used its window. */
  take(key: string): Promise<boolean>;
}

export interface RateLimit { limit: number; windowMs: number }

export function limiterOf(limiter: RateLimiterAbstract): RateLimiter {
  return {
    // consume() rejects with the limiter's answer when the key is over its limit, with an Error when the store failed.
    take: (key) => limiter.consume(key).then(() => true, (refusal: unknown) => {
      if (refusal instanceof Error) throw refusal;
      return false;
    }),
  };
}

export function inProcessRateLimiter({ limit, windowMs }: RateLimit): RateLimiter {
  return limiterOf(new RateLimiterMemory({ points: limit, duration: Math.ceil(windowMs / 1000) }));
}
