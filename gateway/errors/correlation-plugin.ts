import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../server/context';

/**
 * Stamps the request's correlation id on every error that has none, so that an error the client reports (masked
 * INTERNAL errors above all) leads to the gateway's and the subgraphs' log lines of that request.
 */
export function correlationIdOnErrors(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const correlationId = (contextValue as Partial<GatewayContext>).correlationId;
          if (!correlationId) return;
          for (const error of errors) {
            // Not every error here is a GraphQLError: a subgraph fetch that timed out arrives as the abort's DOMException.
            if (error.extensions && error.extensions.correlationId === undefined) Object.assign(error.extensions, { correlationId });
          }
        },
      };
    },
  };
}
