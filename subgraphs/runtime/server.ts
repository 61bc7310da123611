import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { unauthenticated } from '../../adapters/errors';
import { serveGraphQL } from '../../gateway/http/serve-graphql';
import { graphqlMetrics } from '../../observability/graphql-metrics';
import { serveMetrics } from '../../observability/metrics';
import { currentRequestScope, runInRequestScope } from '../../observability/request-scope';
import { flushTraces } from '../../observability/tracing';
import { announceReady, intSetting, onShutdown } from '../../stack/process';
import { IDENTITY_HEADER, identitySecret, verifyIdentity, type Identity } from './identity';
import { closeLegacyClients, createLoaders, legacyClientsFromEnv, type LegacyClients, type Loaders } from './legacy';
import { formatSubgraphError } from './errors';
import { loadTypeDefs, type SubgraphName } from './sdl';
import { readPolicy, type PolicyTable } from './policy/directives';
import { DEFAULT_RECORD_TYPES, type RecordTypes } from './policy/record-types';
import { protectSchema } from './policy/shield';


/** What a resolver receives: who is asking (verified) and this request's loaders. */
export interface SubgraphContext {
  identity: Identity;
  loaders: Loaders;
  legacy: LegacyClients;
  /** This subgraph's @allow table, for resolvers that decide on a record they receive rather than return. */
  policy: PolicyTable;
}

export type Resolvers = GraphQLResolverMap<SubgraphContext>;
export { loadTypeDefs, type SubgraphName };


/**
 * Whether graphql-shield enforces the @allow policy: `shield` (always, in production) or `off`, which exists only so
 * that the benchmark can measure what the policy layer costs. Record scoping in the resolvers stays on either way.
 */
export type PolicyLayer = 'shield' | 'off';

export function policyLayerSetting(env = process.env): PolicyLayer {
  const layer = env.POLICY_LAYER || 'shield';
  if (layer !== 'shield' && layer !== 'off') throw new Error(`POLICY_LAYER must be "shield" or "off", got "${layer}"`);
  if (layer === 'off' && env.NODE_ENV === 'production') throw new Error('POLICY_LAYER=off is for benchmarks, never for production');
  return layer;
}

/** The subgraph's executable schema with its policy: what the server runs, and what in-process tests execute. */
export function buildProtectedSchema(name: SubgraphName, resolvers: Resolvers, recordTypes: RecordTypes = {}, layer: PolicyLayer = 'shield') {
  const typeDefs = loadTypeDefs(name);
  const policy = readPolicy(typeDefs);
  const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
  return { policy, schema: layer === 'off' ? schema : protectSchema(schema, policy, { ...DEFAULT_RECORD_TYPES, ...recordTypes }) };
}

/**
 * Every GraphQL request of a subgraph runs in a request scope: the gateway's correlation id, and the tally of the
 * legacy calls this request makes here, which `legacyCallsToGateway` returns to the gateway.
 */
function inRequestScope(req: IncomingMessage, serve: () => Promise<void>): Promise<void> {
  const sent = req.headers['x-correlation-id'];
  const correlationId = typeof sent === 'string' && sent ? sent : randomUUID();
  return runInRequestScope({ correlationId, operationName: 'anonymous', legacyCalls: {} }, serve);
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

/** Largest body a subgraph reads: the gateway's entity fetches for a 10,000-line page are far below it. */
const SUBGRAPH_MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Starts one subgraph: its schema guarded by its policy, a context that refuses any request without a valid gateway
 * identity, and the READY line the launcher waits for. `recordTypes` overrides how the policy finds the viewer's
 * profiles on a record of this subgraph (see policy/record-types.ts).
 */
export async function runSubgraph(name: SubgraphName, resolvers: Resolvers, recordTypes: RecordTypes = {}): Promise<void> {
  const secret = identitySecret();
  const legacy = legacyClientsFromEnv();
  const { schema, policy } = buildProtectedSchema(name, resolvers, recordTypes, policyLayerSetting());
  const server = new ApolloServer<SubgraphContext>({
    schema,
    // No landing page (it loads from a CDN) and no inline traces (nothing here reads them; they cost every request).
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), graphqlMetrics(), legacyCallsToGateway()],
    formatError: formatSubgraphError,
    introspection: process.env.NODE_ENV !== 'production',
  });
  await server.start();
  const http = await serveGraphQL(server, {
    port: intSetting('PORT', 0),
    host: process.env.HOST ?? '127.0.0.1',
    maxBodyBytes: SUBGRAPH_MAX_BODY_BYTES,
    otherRoutes: serveMetrics,
    around: inRequestScope,
    context: async (req) => {
      const header = req.headers[IDENTITY_HEADER];
      const identity = await verifyIdentity(Array.isArray(header) ? header[0] : header, secret);
      if (!identity) {
        const error = unauthenticated('This service only answers the gateway.');
        Object.assign(error.extensions, { http: { status: 401 } });
        throw error;
      }
      return { identity, loaders: createLoaders(legacy), legacy, policy };
    },
  });
  onShutdown(async () => {
    await http.close();
    await server.stop();
    await closeLegacyClients(legacy);
    await flushTraces();
  });
  announceReady({ name, url: http.url });
}
