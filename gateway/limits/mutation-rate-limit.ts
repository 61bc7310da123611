import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { GraphError } from '../../adapters/errors';
import { logger } from '../../observability/logger';
import { metricsEnabled, rateLimitRefusals } from '../../observability/metrics';
import type { GatewayContext } from '../server/context';

/**
 * At most `perMinute` mutations per user a minute, counted when the operation is known to be a mutation and before
 * anything is planned or sent. The count lives where the gateway's shared state does (gateway/shared/): in Redis
 * when `REDIS_URL` is set, so that every replica and worker draws on one quota; else in this process.
 * The refusal is 429 RATE_LIMITED with `Retry-After` and `extensions.retryAfterSeconds`.
 */
export function mutationRateLimit(perMinute: number, limiter: RateLimiterAbstract): ApolloServerPlugin<GatewayContext> {
  /** Seconds to wait, or null when admitted. A store that fails has fallen back already (shared-state.ts). */
  async function admit(userId: string): Promise<number | null> {
    try {
      await limiter.consume(userId, 1);
      return null;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      logger.warn({ err: refusal instanceof Error ? refusal.message : String(refusal) }, 'mutation limit not checked: its store failed');
      return null;
    }
  }

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const retryAfterSeconds = await admit(contextValue.identity.userId);
          if (retryAfterSeconds === null) return;
          if (metricsEnabled) rateLimitRefusals.inc({ limit: 'mutations_per_user' });
          throw new GraphError('RATE_LIMITED', `Too many changes in a minute: at most ${perMinute}. Try again in ${retryAfterSeconds} s.`, {
            retryAfterSeconds, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
          });
        },
      };
    },
  };
}
