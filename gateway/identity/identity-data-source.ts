import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { currentRequestScope } from '../../observability/request-scope';
import { addLegacyCalls } from '../legacy-calls/tally';
import { IDENTITY_HEADER } from '../../subgraphs/runtime/identity';
import { OPERATION_LABEL_HEADER } from '../../observability/operation-label';
import type { GatewayContext } from '../server/context';
import { signedIdentity } from './signed-identity';

/**
 * Sends every subgraph fetch with the caller's identity, signed by the gateway (the subgraphs refuse a request
 * without it), with the request's correlation id, so that logs of all processes can be joined, and with the client
 * operation's metric label (observability/operation-label.ts), which the subgraph's metrics build on. Each answer's
 * `extensions.legacyCalls` is added to the client request's tally (gateway/legacy-calls/).
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly secret: Uint8Array;
  private readonly operationLabel: (operationName: string | null | undefined) => string;

  constructor(config: {
    url: string; fetcher: RemoteGraphQLDataSource['fetcher']; secret: Uint8Array; operationLabel: (operationName: string | null | undefined) => string;
  }) {
    super({ url: config.url, fetcher: config.fetcher });
    this.secret = config.secret;
    this.operationLabel = config.operationLabel;
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // Only client operations carry an identity; the gateway's own calls (health checks) go without.
    if (!('incomingRequestContext' in options)) return;
    const { request, context } = options;
    const headers = request.http?.headers;
    if (!headers) return;
    // Signed once per request and reused by its fetches while fresh (signed-identity.ts).
    headers.set(IDENTITY_HEADER, await signedIdentity(context.identity, this.secret));
    headers.set('x-correlation-id', context.correlationId);
    headers.set(OPERATION_LABEL_HEADER, this.operationLabel(options.incomingRequestContext.operationName));
  }

  override didReceiveResponse: RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse'] = ({ response }) => {
    const scope = currentRequestScope();
    if (scope) addLegacyCalls(scope.legacyCalls, response.extensions?.legacyCalls);
    return response;
  };
}
