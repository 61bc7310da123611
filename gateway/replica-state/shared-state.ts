import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { logger } from '../../observability/logger';
import { redisApqCache } from './apq-cache';
import { connectOrDegrade, connectRedis } from './redis-connection';

/**
 * What the gateway's replicas (and a replica's cluster workers) must agree on, in one place (ARCHITECTURE.md
 * "What replicas share"). With `REDIS_URL` it lives in Redis; without it, in this process, as the embedded default
 * always did. What each piece does when Redis is unreachable is chosen piece by piece (README "Replicas and Redis"):
 * - rate limits fall back to this process's own count (each replica enforces the limit alone until Redis returns):
 *   fail open to a per-replica limit, because refusing every change of every customer while a cache is down is worse
 *   than letting a user make N changes per replica for that time, and the limit still bounds him;
 * - APQ: errors are misses (the client resends the document);
 * - grants changes: published and applied locally at once; other replicas fall back to GRANTS_CACHE_SECONDS.
 */
export interface SharedState {
  /**
   * A counter of `points` per key over `durationSeconds`, shared by every replica: the mutation limit
   * (`mutations`): one limiter per name, created once. The customer area's sign-in and registration limits are the
   * IdP's (legacy/idp/rate-limit.ts), which takes a limiter of the same library, Redis-backed once it has replicas.
   */
  limiter(name: string, points: number, durationSeconds: number): RateLimiterAbstract;
  /** Apollo Server's APQ cache; undefined: Apollo's own, in this process. */
  apqCache: ReturnType<typeof redisApqCache> | undefined;
  /** Someone's grants changed (a referent moved): every replica forgets the grants it holds. */
  grantsChanged: { publish(): Promise<void>; subscribe(listener: () => void): void };
  close(): Promise<void>;
}

const KEY_PREFIX = 'onegraph:limit:';
const GRANTS_CHANNEL = 'onegraph:grants-changed';

export async function sharedState(redisUrl: string | undefined): Promise<SharedState> {
  return redisUrl ? redisState(redisUrl) : inProcessState();
}

function localListeners() {
  const listeners: (() => void)[] = [];
  return {
    add: (listener: () => void) => void listeners.push(listener),
    notify: () => listeners.forEach((listener) => listener()),
  };
}

function inProcessState(): SharedState {
  const grants = localListeners();
  return {
    limiter: (name, points, duration) => new RateLimiterMemory({ keyPrefix: name, points, duration }),
    apqCache: undefined,
    grantsChanged: { publish: async () => grants.notify(), subscribe: grants.add },
    close: async () => {},
  };
}

async function redisState(url: string): Promise<SharedState> {
  const redis = connectRedis(url, 'shared state');
  // A connection in subscriber mode takes no other command: the grants channel has its own.
  const subscriber = connectRedis(url, 'grants changes');
  const grants = localListeners();
  subscriber.on('message', (channel: string) => {
    if (channel === GRANTS_CHANNEL) grants.notify();
  });
  // While the subscriber was away it may have missed a change: forgetting everything on its return is the bound.
  subscriber.on('ready', () => {
    grants.notify();
    void subscriber.subscribe(GRANTS_CHANNEL).catch((err: Error) => logger.warn({ err: err.message }, 'redis: grants channel not subscribed'));
  });
  await Promise.all([connectOrDegrade(redis, 'shared state'), connectOrDegrade(subscriber, 'grants changes')]);
  return {
    limiter: (name, points, duration) => new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: KEY_PREFIX + name,
      points,
      duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
    }),
    apqCache: redisApqCache(redis),
    grantsChanged: {
      async publish() {
        grants.notify();
        await redis.publish(GRANTS_CHANNEL, '1').catch((err: Error) => logger.warn({ err: err.message }, 'redis: grants change not published; other replicas see it within GRANTS_CACHE_SECONDS'));
      },
      subscribe: grants.add,
    },
    async close() {
      redis.disconnect();
      subscriber.disconnect();
    },
  };
}
