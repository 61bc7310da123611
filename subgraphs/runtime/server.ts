import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { unauthenticated } from '../../adapters/errors';
import { announceReady, intSetting, onShutdown } from '../../stack/process';
import { IDENTITY_HEADER, identitySecret, verifyIdentity, type Identity } from './identity';
import { closeLegacyClients, createLoaders, legacyClientsFromEnv, type LegacyClients, type Loaders } from './legacy';
import { formatSubgraphError } from './errors';

export type SubgraphName = 'account' | 'fixed' | 'mobile' | 'billing' | 'consumption' | 'tracking';

/** What a resolver receives: who is asking (verified) and this request's loaders. */
export interface SubgraphContext {
  identity: Identity;
  loaders: Loaders;
  legacy: LegacyClients;
}

export type Resolvers = GraphQLResolverMap<SubgraphContext>;

/** The SDL of a subgraph lives in schema/<name>.graphql, the file rover.yaml composes. */
export function loadTypeDefs(name: SubgraphName) {
  return parse(readFileSync(new URL(`../../schema/${name}.graphql`, import.meta.url), 'utf8'));
}

/**
 * Starts one subgraph: its schema, a context that refuses any request without a valid gateway identity, and the
 * READY line the launcher waits for.
 */
export async function runSubgraph(name: SubgraphName, resolvers: Resolvers): Promise<void> {
  const secret = identitySecret();
  const legacy = legacyClientsFromEnv();
  const server = new ApolloServer<SubgraphContext>({
    schema: buildSubgraphSchema([{ typeDefs: loadTypeDefs(name), resolvers }]),
    // Inline tracing (on by default in a federated subgraph) builds a trace per request for Apollo Studio, which
    // this graph does not use. Disabled: no per-field instrumentation, no trace encoding.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
    formatError: formatSubgraphError,
    introspection: process.env.NODE_ENV !== 'production',
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: intSetting('PORT', 0), host: process.env.HOST ?? '127.0.0.1' },
    context: async ({ req }) => {
      const header = req.headers[IDENTITY_HEADER];
      const identity = await verifyIdentity(Array.isArray(header) ? header[0] : header, secret);
      if (!identity) {
        const error = unauthenticated('This service only answers the gateway.');
        Object.assign(error.extensions, { http: { status: 401 } });
        throw error;
      }
      return { identity, loaders: createLoaders(legacy), legacy };
    },
  });
  onShutdown(async () => {
    await server.stop();
    await closeLegacyClients(legacy);
  });
  announceReady({ name, url });
}
