import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createAuthenticator } from '../auth/authenticate';
import { createTokenVerifier } from '../auth/bearer-token';
import { cacheProfiles, type ProfileSource } from '../auth/profile-cache';
import type { GatewaySettings } from '../config/settings';
import { createAttachmentUploader } from '../../adapters/crm';
import { downloadRoute } from '../downloads/serve-download';
import { correlationIdOnErrors } from '../errors/correlation-plugin';
import { formatGatewayError } from '../errors/format-error';
import { createSubgraphFetcher, type SubgraphFetcher } from '../fetcher/subgraph-fetcher';
import { correlationIdOf } from '../http/correlation-id';
import { serveGraphQL } from '../http/serve-graphql';
import { IdentityForwardingDataSource } from '../identity/identity-data-source';
import { mutationRateLimit } from '../limits/mutation-rate-limit';
import { operationLimits } from '../limits/operation-limits';
import { uploadRoute } from '../uploads/serve-upload';
import type { GatewayContext } from './context';
import { stderrLogger } from './logger';

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  stop(): Promise<void>;
}

/** Uploads in flight to CRM per gateway process; more wait their turn (adapters/crm/attachments.ts). */
const UPLOAD_CONNECTIONS = 8;

/**
 * The gateway: the supergraph from file, one data source per subgraph (identity forwarding over a keep-alive
 * pool), and a context that refuses every operation without a valid bearer token of an enabled user.
 */
export async function startGateway(settings: GatewaySettings, deps: { profiles: ProfileSource }): Promise<RunningGateway> {
  const fetchers: SubgraphFetcher[] = [];
  const routed = new Set<string>();
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(settings.supergraphPath, 'utf8'),
    logger: stderrLogger,
    buildService: ({ name, url: composedUrl }) => {
      const url = settings.subgraphUrls[name] ?? composedUrl;
      if (!url) throw new Error(`subgraph ${name} has no routing URL in the supergraph nor in SUBGRAPH_URLS`);
      routed.add(name);
      const fetcher = createSubgraphFetcher(url, settings.subgraphTimeoutMs);
      fetchers.push(fetcher);
      return new IdentityForwardingDataSource({ url, fetcher: fetcher.fetcher, secret: settings.identitySecret });
    },
  });

  // Refused at parse or validation, before the query planner sends anything to a subgraph.
  const limits = operationLimits(settings.operationLimits);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    logger: stderrLogger,
    // The default landing page loads Apollo Sandbox from a CDN; the graph's users are API clients.
    plugins: [ApolloServerPluginLandingPageDisabled(), ...limits.plugins, mutationRateLimit(settings.mutationsPerMinute), correlationIdOnErrors()],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    // Apollo Server's defaults, stated because the graph relies on them: one operation per request (a batch would
    // multiply every limit above), introspection only outside production, CSRF prevention on.
    allowBatchedHttpRequests: false,
    introspection: settings.introspection,
    csrfPrevention: true,
  });

  const authenticate = createAuthenticator(
    createTokenVerifier(settings.auth),
    cacheProfiles(deps.profiles, settings.auth.grantsCacheSeconds, settings.auth.grantsStaleSeconds),
  );
  const uploader = createAttachmentUploader({ ...settings.crm, timeoutMs: settings.uploads.timeoutMs, connections: UPLOAD_CONNECTIONS });
  let http: Awaited<ReturnType<typeof serveGraphQL>> | undefined;
  const stopAll = async () => {
    await http?.close();
    await server.stop();
    await Promise.all([...fetchers.map((f) => f.close()), uploader.close()]);
  };

  let url: string;
  try {
    await server.start();
    http = await serveGraphQL(server, {
      host: settings.host,
      port: settings.port,
      maxBodyBytes: settings.maxBodyBytes,
      context: async (req) => {
        const correlationId = correlationIdOf(req);
        return { identity: await authenticate(req.headers.authorization, correlationId), correlationId };
      },
      routes: {
        '/uploads': uploadRoute({ authenticate, uploader, maxBytes: settings.uploads.maxBytes }),
        '/downloads': downloadRoute({ secret: settings.identitySecret, ...settings.downloads }),
      },
    });
    ({ url } = http);
    // A misspelt name in SUBGRAPH_URLS would silently route to the composed URL: refuse it at start.
    const unknown = Object.keys(settings.subgraphUrls).filter((name) => !routed.has(name));
    if (unknown.length) throw new Error(`SUBGRAPH_URLS names unknown subgraph(s) ${unknown.join(', ')}; the supergraph has ${[...routed].join(', ')}`);
  } catch (err) {
    await stopAll();
    throw err;
  }
  return { url: new URL('/graphql', url).href, stop: stopAll };
}
