import type { ApolloServerPlugin } from '@apollo/server';
import { metricsEnabled, operationLegacyCalls } from '../../observability/metrics';
import { currentRequestScope } from '../../observability/request-scope';

/** The request header by which a client asks for `extensions.legacyCalls` (README "Legacy calls per operation"). */
export const LEGACY_CALLS_HEADER = 'x-legacy-calls';

/**
 * When a client request is answered, the legacy calls made for it (by the gateway itself, e.g. the user's grants,
 * and by every subgraph it reached, summed from their responses) are counted per operation name in the metrics,
 * and returned in `extensions.legacyCalls` when the client sent `x-legacy-calls: true`. `operationLabel` is the
 * gateway's bounded label of the operation (observability/operation-label.ts).
 */
export function legacyCallsPerOperation(operationLabel: (operationName: string | undefined) => string): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const asked = request.http?.headers.get(LEGACY_CALLS_HEADER)?.trim().toLowerCase() === 'true';
      return {
        async willSendResponse({ response, operationName }) {
          const scope = currentRequestScope();
          if (!scope) return;
          if (metricsEnabled) {
            const operation = operationLabel(operationName ?? request.operationName);
            for (const [system, calls] of Object.entries(scope.legacyCalls)) {
              for (const [legacyOperation, count] of Object.entries(calls)) {
                operationLegacyCalls.inc({ operation, system, legacy_operation: legacyOperation }, count);
              }
            }
          }
          if (asked && response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, legacyCalls: scope.legacyCalls };
          }
        },
      };
    },
  };
}
