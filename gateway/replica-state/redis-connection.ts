import { Redis } from 'ioredis';
import { logger } from '../../observability/logger';

/**
 * The gateway's connection to the Redis its replicas share (`REDIS_URL`). Commands fail at once while Redis is
 * unreachable (no offline queue, one attempt, a short timeout) instead of queueing behind a dead socket: each user
 * of the connection has its own documented fallback (README "Replicas and Redis"), and a request must never wait
 * on Redis longer than COMMAND_TIMEOUT_MS. The client reconnects on its own; the log says when Redis goes and comes
 * back, never its URL (it may carry a password).
 */
const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 2_000;
const MAX_RECONNECT_DELAY_MS = 2_000;

export function connectRedis(url: string, role: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
  });
  let up = false;
  redis.on('ready', () => {
    up = true;
    logger.info({ role }, 'redis connected');
  });
  redis.on('error', (err: Error) => {
    if (!up) return;
    up = false;
    logger.warn({ role, err: err.message }, 'redis unavailable: shared state falls back as documented (README "Replicas and Redis")');
  });
  redis.on('close', () => {
    if (!up) return;
    up = false;
    logger.warn({ role }, 'redis connection closed: shared state falls back as documented (README "Replicas and Redis")');
  });
  return redis;
}

/** Connects, or logs and goes on without: a gateway starts and serves while Redis is down (degraded, not refused). */
export async function connectOrDegrade(redis: Redis, role: string): Promise<void> {
  try {
    await redis.connect();
  } catch (err) {
    logger.warn({ role, err: err instanceof Error ? err.message : String(err) }, 'redis not reachable at start: shared state falls back until it is');
  }
}
