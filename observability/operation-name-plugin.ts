import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { currentRequestScope } from './request-scope';

/**
 * Puts the operation's name, once Apollo has resolved it, into the request scope (it was `anonymous` until then),
 * where the access line, the request lines and the metrics read it. Gateway and subgraphs alike.
 */
export function operationNameInScope(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName }) {
          const scope = currentRequestScope();
          if (scope && operationName) scope.operationName = operationName;
        },
      };
    },
  };
}
