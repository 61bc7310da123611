import type { ApolloServerPlugin } from '@apollo/server';
import { GraphError } from '../../adapters/errors';
import { metricsEnabled, rateLimitRefusals } from '../../observability/metrics';
import type { GatewayContext } from '../server/context';
import { changesIn } from './changes-in-operation';

/**
 * At most `perMinute` changes per user over a sliding minute, counted when the operation is known to be a
 * mutation and before anything is planned or sent. Every mutation field of the request is one change, aliases
 * included (`changes-in-operation.ts`): a request is taken whole or refused whole, so ten aliased changes are ten,
 * and a request that would pass the limit writes nothing. In memory, per gateway process: with several gateway
 * replicas each allows its own quota (README "Limits"); a shared store would be the next step.
 */
export function mutationRateLimit(perMinute: number, now: () => number = Date.now): ApolloServerPlugin<GatewayContext> {
  const WINDOW_MS = 60_000;
  const recent = new Map<string, number[]>();

  /** Null when the user may make `changes` more changes now (they are counted), else the seconds until he may. */
  function admit(userId: string, changes: number): number | null {
    const at = now();
    const times = (recent.get(userId) ?? []).filter((t) => at - t < WINDOW_MS);
    const over = times.length + changes - perMinute;
    if (over > 0) {
      recent.set(userId, times);
      // The change that must leave the window first; a request larger than the whole quota waits a full minute.
      return Math.ceil(((times[over - 1] ?? at) + WINDOW_MS - at) / 1000);
    }
    for (let i = 0; i < changes; i++) times.push(at);
    recent.set(userId, times);
    return null;
  }

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          const changes = operation ? changesIn(operation, document) : 0;
          if (changes === 0) return;
          const retryAfterSeconds = admit(contextValue.identity.userId, changes);
          if (retryAfterSeconds === null) return;
          if (metricsEnabled) rateLimitRefusals.inc({ limit: 'mutations_per_user' });
          const message = changes > perMinute
            ? `This request makes ${changes} changes; at most ${perMinute} are taken in a minute: send them in smaller requests.`
            : `Too many changes in a minute: at most ${perMinute}. Try again in ${retryAfterSeconds} s.`;
          throw new GraphError('RATE_LIMITED', message, {
            retryAfterSeconds, http: { status: 429 },
          });
        },
      };
    },
  };
}
