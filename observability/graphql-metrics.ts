import type { ApolloServerPlugin } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import { graphqlErrors, graphqlRequestDuration, metricsEnabled } from './metrics';
import { OUTCOME_ATTRIBUTE } from './trace-sampling';

/** Error codes are ours or Apollo's (format-error lets no other through); anything odd is still bounded. */
const ERROR_CODE = /^[A-Z][A-Z_]{0,39}$/;

/**
 * Apollo Server plugin of the gateway and of every subgraph: each request's duration by operation and outcome, and
 * its errors by code. The errors counted are the ones the caller receives (after formatError), so the codes are the
 * vocabulary of ARCHITECTURE.md. `operationLabel` turns the operation's name into its bounded label
 * (operation-label.ts: the gateway's from the trusted manifests, a subgraph's from the gateway's).
 * vocabulary of ARCHITECTURE.md. An answer with errors also marks the request's server span (the active span here), so
 * that a failed request is traced whatever the sampling ratio (trace-sampling.ts); without traces that is a no-op.
 */
export function graphqlMetrics(operationLabel: (operationName: string | undefined) => string): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const startedAt = performance.now();
      return {
        async willSendResponse({ response, operationName }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const errors = result?.errors ?? [];
          const outcome = errors.length === 0 ? 'ok' : result?.data ? 'partial' : 'failed';
          if (outcome !== 'ok') trace.getActiveSpan()?.setAttribute(OUTCOME_ATTRIBUTE, outcome);
          if (!metricsEnabled) return;
          const operation = operationLabel(operationName ?? request.operationName);
          graphqlRequestDuration.observe({ operation, outcome }, (performance.now() - startedAt) / 1000);
          for (const error of errors) {
            const code = error.extensions?.code;
            graphqlErrors.inc({ code: typeof code === 'string' && ERROR_CODE.test(code) ? code : 'other' });
          }
        },
      };
    },
  };
}
