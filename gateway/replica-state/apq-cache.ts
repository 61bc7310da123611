import type { Redis } from 'ioredis';

/**
 * Apollo Server's automatic persisted queries kept in Redis, so that a hash registered through one replica is
 * known to every other. The shape is Apollo's KeyValueCache (get / set with a ttl in seconds / delete).
 * Errors are misses: with Redis down a hash-only request gets PERSISTED_QUERY_NOT_FOUND, and an APQ client then
 * sends the full document (the protocol's own recovery), so the failure costs bytes, never an answer.
 */
const KEY_PREFIX = 'onegraph:apq:';
/** A registered document is kept this long after its last registration unless Apollo asks for another ttl. */
const DEFAULT_TTL_SECONDS = 24 * 3600;

export function redisApqCache(redis: Redis) {
  return {
    async get(key: string): Promise<string | undefined> {
      try {
        return (await redis.get(KEY_PREFIX + key)) ?? undefined;
      } catch {
        return undefined;
      }
    },
    async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
      try {
        await redis.set(KEY_PREFIX + key, value, 'EX', options?.ttl || DEFAULT_TTL_SECONDS);
      } catch {
        // Not registered this time: the client will send the full document again.
      }
    },
    async delete(key: string): Promise<boolean> {
      try {
        return (await redis.del(KEY_PREFIX + key)) > 0;
      } catch {
        return false;
      }
    },
  };
}
