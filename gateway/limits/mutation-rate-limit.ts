import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { GraphError } from '../../adapters/errors';
import { logger } from '../../observability/logger';
import { metricsEnabled, rateLimitRefusals } from '../../observability/metrics';
import type { GatewayContext } from '../server/context';
import { changesIn } from './changes-in-operation';

/**
/**
 * At most `perMinute` changes per user a minute, counted when the operation is known to be a mutation and before
 * anything is planned or sent. Every mutation field of the request is one change, aliases included
 * (`changes-in-operation.ts`): a request is taken whole or refused whole, so ten aliased changes are ten, and a
 * request that would pass the limit writes nothing. The count lives where the gateway's shared state does
 * (gateway/replica-state/): in Redis when `REDIS_URL` is set, so that every replica and worker draws on one quota; else in
 * this process. The refusal is 429 RATE_LIMITED with `Retry-After` and `extensions.retryAfterSeconds`.
 */
export function mutationRateLimit(perMinute: number, limiter: RateLimiterAbstract): ApolloServerPlugin<GatewayContext> {
  /** Seconds to wait, or null when `changes` more are admitted. A store that fails has fallen back already (shared-state.ts). */
  async function admit(userId: string, changes: number): Promise<number | null> {
    try {
      await limiter.consume(userId, changes);
      return null;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) {
        // The store counted the refused request's changes too: give them back, so that a request refused whole
        // uses none of the minute (a refused request of 4 against 3 leaves the 3).
        await limiter.reward(userId, changes).catch(() => undefined);
        return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      }
      logger.warn({ err: refusal instanceof Error ? refusal.message : String(refusal) }, 'mutation limit not checked: its store failed');
      return null;
    }
  }

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          const changes = operation ? changesIn(operation, document) : 0;
          if (changes === 0) return;
          const retryAfterSeconds = await admit(contextValue.identity.userId, changes);
          if (retryAfterSeconds === null) return;
          if (metricsEnabled) rateLimitRefusals.inc({ limit: 'mutations_per_user' });
          const message = changes > perMinute
            ? `This request makes ${changes} changes; at most ${perMinute} are taken in a minute: send them in smaller requests.`
            : `Too many changes in a minute: at most ${perMinute}. Try again in ${retryAfterSeconds} s.`;
          throw new GraphError('RATE_LIMITED', message, {
            retryAfterSeconds, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
          });
        },
      };
    },
  };
}
