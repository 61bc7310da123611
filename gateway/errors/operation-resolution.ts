import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode } from 'graphql';
import { boundedClientText } from '../../observability/client-text';
import type { GatewayContext } from '../server/context';

/**
 * Refuses, with a 400 the client can act on, the operations Apollo Server resolves but the gateway cannot run:
 * none to run (several in the document and no `operationName`, or an `operationName` the document does not have),
 * and subscriptions (the graph has no Subscription type and no transport for one). Left to the gateway's executor,
 * each of these was an HTTP 500 INTERNAL.
 */
export function operationResolution(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) throw unresolved(document, request.operationName);
          if (operation.operation === 'subscription') {
            throw clientError('BAD_REQUEST', 'This graph serves queries and mutations only, not subscriptions: poll with a query instead.');
          }
        },
      };
    },
  };
}

function unresolved(document: DocumentNode, operationName: string | undefined): GraphQLError {
  // The client chose these names: each cut to our bound (the quoted one below is cut by format-error.ts).
  const names = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [boundedClientText(d.name?.value ?? '(anonymous)')] : []));
  if (!operationName) {
    return clientError('OPERATION_RESOLUTION_FAILURE',
      `The document holds ${names.length} operations: set "operationName" to the one to run (${names.join(', ')}).`);
  }
  return clientError('OPERATION_RESOLUTION_FAILURE',
    `The document has no operation named "${operationName}": set "operationName" to one of ${names.join(', ')}.`);
}

const clientError = (code: string, message: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
