import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import { boundedClientText } from './client-text';
import { currentRequestScope } from './request-scope';

/**
 * Puts the operation's name into the request scope (it is `anonymous` until then): the name the client sent, so that
 * a request refused before its operation resolves is still named, then the name Apollo resolved. The access line,
 * the request lines and the legacy-call counts read it. Gateway and subgraphs alike. The client chose it: it is cut to
 * our bound (client-text.ts), whatever length it came with. The resolved name also names the request's server span
 * (`graphql.operation.name`), the span that stands for a subgraph's request in a trace (observability/tracing.ts).
 */
export function operationNameInScope(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request }) {
      const scope = currentRequestScope();
      if (scope && request.operationName) scope.operationName = boundedClientText(request.operationName);
      return {
        async didResolveOperation({ operationName }) {
          const scope = currentRequestScope();
          if (!operationName) return;
          const bounded = boundedClientText(operationName);
          if (scope) scope.operationName = bounded;
          trace.getActiveSpan()?.setAttribute('graphql.operation.name', bounded);
        },
      };
    },
  };
}
