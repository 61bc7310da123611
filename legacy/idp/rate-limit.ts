import { ExpiringMap } from '../../stack/expiring-map';

/**
 * issue 20: how often an anonymous operation may be asked, per key (a mobile number, a username, a client): a fixed
 * window of `limit` calls per `windowMs`. In process, which is right for the one IdP replica of the embedded default;
 * with several replicas this interface is where a Redis-backed limiter goes (INCR + PEXPIRE on the same key), so that
 * every replica counts the same calls.
 */
export interface RateLimiter {
  /** True when this call is within the limit (and counts it); false when the key has used its window. */
  take(key: string): boolean;
}

export interface RateLimit { limit: number; windowMs: number }

const MAX_KEYS = 100_000;

export function inProcessRateLimiter({ limit, windowMs }: RateLimit): RateLimiter {
  const windows = new ExpiringMap<string, { used: number }>(MAX_KEYS);
  return {
    take(key) {
      const now = Date.now();
      const current = windows.get(key, now);
      if (!current) {
        windows.set(key, { used: 1 }, now + windowMs);
        return true;
      }
      if (current.used >= limit) return false;
      current.used += 1;
      return true;
    },
  };
}
