import type { ApolloServerPlugin } from '@apollo/server';
import { GraphError } from '../../adapters/errors';
import { metricsEnabled, rateLimitRefusals } from '../../observability/metrics';
import type { GatewayContext } from '../server/context';

/**
 * At most `perMinute` mutations per user over a sliding minute, counted when the operation is known to be a
 * mutation and before anything is planned or sent. In memory, per gateway process: with several gateway replicas
 * each allows its own quota (README "Limits"); a shared store would be the next step.
 */
export function mutationRateLimit(perMinute: number, now: () => number = Date.now): ApolloServerPlugin<GatewayContext> {
  const WINDOW_MS = 60_000;
  const recent = new Map<string, number[]>();

  function admit(userId: string): number | null {
    const at = now();
    const times = (recent.get(userId) ?? []).filter((t) => at - t < WINDOW_MS);
    if (times.length >= perMinute) {
      recent.set(userId, times);
      return Math.ceil((times[0] + WINDOW_MS - at) / 1000);
    }
    times.push(at);
    recent.set(userId, times);
    return null;
  }

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const retryAfterSeconds = admit(contextValue.identity.userId);
          if (retryAfterSeconds === null) return;
          if (metricsEnabled) rateLimitRefusals.inc({ limit: 'mutations_per_user' });
          throw new GraphError('RATE_LIMITED', `Too many changes in a minute: at most ${perMinute}. Try again in ${retryAfterSeconds} s.`, {
            retryAfterSeconds, http: { status: 429 },
          });
        },
      };
    },
  };
}
