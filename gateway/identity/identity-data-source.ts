import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, signIdentity } from '../../subgraphs/runtime/identity';
import type { GatewayContext } from '../server/context';

/**
 * Sends every subgraph fetch with the caller's identity, signed by the gateway (the subgraphs refuse a request
 * without it), and with the request's correlation id, so that logs of all processes can be joined.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly secret: Uint8Array;

  constructor(config: { url: string; fetcher: RemoteGraphQLDataSource['fetcher']; secret: Uint8Array }) {
    super({ url: config.url, fetcher: config.fetcher });
    this.secret = config.secret;
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // Only client operations carry an identity; the gateway's own calls (health checks) go without.
    if (!('incomingRequestContext' in options)) return;
    const { request, context } = options;
    const headers = request.http?.headers;
    if (!headers) return;
    // Signed per fetch: the token lives 60 s, and one operation's fetches may span longer than its first one.
    headers.set(IDENTITY_HEADER, await signIdentity(context.identity, this.secret));
    headers.set('x-correlation-id', context.correlationId);
  }
}
