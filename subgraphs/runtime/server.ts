import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { unauthenticated } from '../../adapters/errors';
import { legacySystemsHealth } from '../../adapters/resilience/health';
import { sentCorrelationId } from '../../observability/correlation-id';
import { graphqlMetrics } from '../../observability/graphql-metrics';
import { logger, nameProcessLogs } from '../../observability/logger';
import { serveMetrics } from '../../observability/metrics';
import { fetchOperationLabel, OPERATION_LABEL_HEADER } from '../../observability/operation-label';
import { operationNameInScope } from '../../observability/operation-name-plugin';
import { currentRequestScope, runInRequestScope, type RequestScope } from '../../observability/request-scope';
import { flushTraces } from '../../observability/tracing';
import { applyVendorTelemetry } from '../../observability/vendor-telemetry';
import { serveGraphQL } from '../../stack/http/serve-graphql';
import { announceReady, onShutdown } from '../../stack/process';
import { IDENTITY_HEADER, verifyIdentity, type Identity } from './identity';
import { closeLegacyClients, createLegacyClients, createLoaders, type LegacyClients, type Loaders } from './legacy';
import { createDownloadSigner, type DownloadSigner } from './downloads';
import { formatSubgraphError } from './errors';
import { loadTypeDefs, type SubgraphName } from './sdl';
import { readPolicy, type PolicyTable } from './policy/directives';
import { DEFAULT_RECORD_TYPES, type RecordTypes } from './policy/record-types';
import { protectSchema } from './policy/shield';
import { readSubgraphSettings, type PolicyLayer } from './settings';


/** What a resolver receives: who is asking (verified) and this request's loaders. */
export interface SubgraphContext {
  identity: Identity;
  loaders: Loaders;
  legacy: LegacyClients;
  /** Signs the download links this subgraph hands out (runtime/downloads.ts). */
  downloads: DownloadSigner;
  /** This subgraph's @allow table, for resolvers that decide on a record they receive rather than return. */
  policy: PolicyTable;
}

export type Resolvers = GraphQLResolverMap<SubgraphContext>;
export { loadTypeDefs, type SubgraphName };


/** The subgraph's executable schema with its policy: what the server runs, and what in-process tests execute. */
export function buildProtectedSchema(name: SubgraphName, resolvers: Resolvers, recordTypes: RecordTypes = {}, layer: PolicyLayer = 'shield') {
  const typeDefs = loadTypeDefs(name);
  const policy = readPolicy(typeDefs);
  const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
  return { policy, schema: layer === 'off' ? schema : protectSchema(schema, policy, { ...DEFAULT_RECORD_TYPES, ...recordTypes }) };
}

/** The request's legacy calls in the response's `extensions.legacyCalls`; the gateway sums them per client request. */
function legacyCallsToGateway(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const legacyCalls = currentRequestScope()?.legacyCalls;
          if (response.body.kind !== 'single' || !legacyCalls || Object.keys(legacyCalls).length === 0) return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, legacyCalls };
        },
      };
    },
  };
}

/**
 * Starts one subgraph: its schema guarded by its policy, a context that refuses any request without a valid gateway
 * identity, and the READY line the launcher waits for. `recordTypes` overrides how the policy finds the viewer's
 * profiles on a record of this subgraph (see policy/record-types.ts).
 */
export async function runSubgraph(name: SubgraphName, resolvers: Resolvers, recordTypes: RecordTypes = {}): Promise<void> {
  nameProcessLogs(name);
  const settings = readSubgraphSettings();
  applyVendorTelemetry(settings.process.vendorTelemetry);
  const secret = settings.identitySecret;
  const legacy = createLegacyClients(settings);
  const downloads = createDownloadSigner({ secret: settings.identitySecret, ...settings.downloads });
  const { schema, policy } = buildProtectedSchema(name, resolvers, recordTypes, settings.policyLayer);
  const server = new ApolloServer<SubgraphContext>({
    schema,
    // No landing page (it loads from a CDN) and no inline traces (nothing here reads them; they cost every request).
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), operationNameInScope(),
      graphqlMetrics((fetchName) => fetchOperationLabel(currentRequestScope()?.gatewayOperationLabel, fetchName)), legacyCallsToGateway()],
    formatError: formatSubgraphError,
    introspection: settings.introspection,
    // SIGTERM is the project's (stack/process.ts onShutdown): drain first, then stop Apollo.
    stopOnTerminationSignals: false,
  });
  await server.start();
  const http = await serveGraphQL(server, {
    host: settings.host,
    port: settings.port,
    maxBodyBytes: MAX_BODY_BYTES,
    aroundRequest: servedInRequestScope,
    // A subgraph is ready while it is not draining: a legacy system that is down costs fields, not the subgraph.
    health: { ready: () => true, details: () => ({ legacySystems: legacySystemsHealth() }) },
    metrics: serveMetrics,
    opsPort: settings.process.opsPort,
    context: async (req) => {
      const header = req.headers[IDENTITY_HEADER];
      const identity = await verifyIdentity(Array.isArray(header) ? header[0] : header, secret);
      if (!identity) {
        const error = unauthenticated('This service only answers the gateway.');
        Object.assign(error.extensions, { http: { status: 401 } });
        throw error;
      }
      // Only now is the request the gateway's: its label of the client operation may name the metrics' series.
      const label = req.headers[OPERATION_LABEL_HEADER];
      const scope = currentRequestScope();
      if (scope && typeof label === 'string') scope.gatewayOperationLabel = label;
      return { identity, loaders: createLoaders(legacy), legacy, policy, downloads };
    },
  });
  onShutdown(async () => {
    await http.drain(settings.process.shutdownGraceMs, settings.process.shutdownDelayMs);
    await server.stop();
    await closeLegacyClients(legacy);
    await flushTraces();
  });
  announceReady({ name, url: http.url, ...(http.opsUrl && { opsUrl: http.opsUrl }) });
}

/** Only the gateway calls a subgraph; Apollo's standalone server, used before, allowed this much. */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

/**
 * Each request of a subgraph runs in its request scope, under the correlation id the gateway sent (a new one if it
 * sent none fit to reuse): the adapters forward it to the legacy systems and every log line carries it. One
 * request line at the end, with the legacy calls it made (system → operation → count).
 */
async function servedInRequestScope(req: IncomingMessage, res: ServerResponse, serve: () => Promise<void>): Promise<void> {
  const scope: RequestScope = { correlationId: sentCorrelationId(req.headers) ?? randomUUID(), operationName: 'anonymous', legacyCalls: {} };
  const started = performance.now();
  await runInRequestScope(scope, async () => {
    await serve();
    logger.info({ operationName: scope.operationName, status: res.statusCode, durationMs: Math.round(performance.now() - started), legacyCalls: scope.legacyCalls }, 'subgraph request');
  });
}
