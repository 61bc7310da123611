import type { IncomingMessage } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createAuthenticator } from '../auth/authenticate';
import { createTokenVerifier } from '../auth/bearer-token';
import { grantsInvalidation } from '../auth/grants-invalidation';
import { cacheProfiles, type ProfileSource } from '../auth/profile-cache';
import type { GatewaySettings } from '../config/settings';
import { createAttachmentUploader } from '../../adapters/crm';
import { downloadRoute } from '../downloads/serve-download';
import { formatGatewayError } from '../errors/format-error';
import { operationResolution } from '../errors/operation-resolution';
import { createSubgraphFetcher, type SubgraphFetcher } from '../fetcher/subgraph-fetcher';
import { IdentityForwardingDataSource } from '../identity/identity-data-source';
import { admissionControl } from '../limits/admission';
import { mutationRateLimit } from '../limits/mutation-rate-limit';
import { operationLimits } from '../limits/operation-limits';
import { accessLogPlugin } from '../logs/access-log-plugin';
import { servedInScopeWithAccessLine } from '../logs/access-line';
import { logger } from '../../observability/logger';
import { operationNameInScope } from '../../observability/operation-name-plugin';
import { currentRequestScope } from '../../observability/request-scope';
import { legacySystemsHealth } from '../../adapters/resilience/health';
import { serveGraphQL, type GraphQLHttpServer } from '../../stack/http/serve-graphql';
import { sharedState } from '../replica-state/shared-state';
import { legacyCallsPerOperation } from '../legacy-calls/legacy-calls-plugin';
import { graphqlMetrics } from '../../observability/graphql-metrics';
import { serveMetrics } from '../../observability/metrics';
import { checkScalarInputs } from '../schema/scalar-input-checks';
import { supergraphFromFile } from '../schema/supergraph-file';
import { uploadRoute } from '../uploads/serve-upload';
import { uploadingProfiles } from '../uploads/upload-holders';
import { uploadQuota } from '../uploads/upload-quota';
import type { GatewayContext } from './context';
import { frontRoutes } from '../front/front-routes';
import { admitTrustedDocuments } from '../front/trusted-documents/admit-trusted';
import { trustedDocuments } from '../front/trusted-documents/trusted-documents';
import { clientOperationLabel } from '../../observability/operation-label';

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** The operators' port (`OPS_PORT`): `/metrics`, `/health?details`; undefined when they are on the public port. */
  opsUrl?: string;
  /** Drains (readiness 503, requests in flight finish within SHUTDOWN_GRACE_MS), then closes everything. */
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
  // Every manifest read now: one that is missing or broken stops the gateway before anything starts. Its operation
  // names bound the metrics' `operation` label, here and, sent with each fetch, on the subgraphs.
  const trusted = trustedDocuments(settings.frontend.trustedDocuments, settings.frontend.unnamedClients);
  const operationLabel = (name: string | null | undefined) => clientOperationLabel(trusted.operationNames(), name);
  const apolloLogger = logger.child({ component: 'apollo' });
  const routed = new Set<string>();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(settings.supergraphPath),
    logger: apolloLogger,
    buildService: ({ name, url: composedUrl }) => {
      const url = settings.subgraphUrls[name] ?? composedUrl;
      if (!url) throw new Error(`subgraph ${name} has no routing URL in the supergraph nor in SUBGRAPH_URLS`);
      routed.add(name);
      const fetcher = createSubgraphFetcher(url, settings.subgraphTimeoutMs);
      fetchers.push(fetcher);
      return new IdentityForwardingDataSource({ url, fetcher: fetcher.fetcher, secret: settings.identitySecret, operationLabel });
    },
  });

  checkScalarInputs(gateway);

  // What replicas share: in Redis with REDIS_URL, else in this process (gateway/replica-state/shared-state.ts).
  const shared = await sharedState(settings.redisUrl);
  // Refused at parse or validation, before the query planner sends anything to a subgraph.
  const limits = operationLimits(settings.operationLimits);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    logger: apolloLogger,
    // The default landing page loads Apollo Sandbox from a CDN; the graph's users are API clients.
    plugins: [ApolloServerPluginLandingPageDisabled(), operationResolution(), ...limits.plugins, mutationRateLimit(settings.mutationsPerMinute, shared.limiter('mutations', settings.mutationsPerMinute, 60)),
      grantsInvalidation(shared.grantsChanged), operationNameInScope(), accessLogPlugin(), graphqlMetrics(operationLabel), legacyCallsPerOperation(operationLabel)],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    ...(shared.apqCache && { persistedQueries: { cache: shared.apqCache } }),
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    // Apollo Server's defaults, stated because the graph relies on them: one operation per request (a batch would
    // multiply every limit above), introspection only outside production, CSRF prevention on.
    allowBatchedHttpRequests: false,
    introspection: settings.introspection,
    csrfPrevention: true,
    // SIGTERM is the project's (stack/process.ts onShutdown): drain first, then stop Apollo.
    stopOnTerminationSignals: false,
  });

  // One verifier (and its cache of verified tokens) for trusted documents, which read the token's client, and the
  // authenticator, which reads its user. A change of grants made on any replica forgets this one's cached grants.
  const verifyBearer = createTokenVerifier(settings.auth);
  const profiles = cacheProfiles(deps.profiles, settings.auth.grantsCacheSeconds, settings.auth.grantsStaleSeconds);
  shared.grantsChanged.subscribe(profiles.forgetAll);
  const authenticate = createAuthenticator(verifyBearer, profiles);
  let http: GraphQLHttpServer | undefined;
  let started = false;
  const uploader = createAttachmentUploader({ ...settings.crm, timeoutMs: settings.uploads.timeoutMs, connections: UPLOAD_CONNECTIONS });
  const stopAll = async () => {
    await http?.drain(settings.process.shutdownGraceMs, settings.process.shutdownDelayMs);
    // Apollo refuses stop() before a successful start(), and its error would replace the one that stopped the start.
    if (started) await server.stop();
    await Promise.all([...fetchers.map((f) => f.close()), uploader.close(), shared.close()]);
  };

  let url: string;
  try {
    await server.start();
    // The supergraph is loaded once start() has returned: from then on the gateway is ready until it drains.
    started = true;
    http = await serveGraphQL(server, {
      host: settings.host,
      port: settings.port,
      maxBodyBytes: settings.maxBodyBytes,
      aroundRequest: servedInScopeWithAccessLine,
      health: { ready: () => started, details: () => ({ supergraphLoaded: started, legacySystems: legacySystemsHealth() }) },
      otherRoutes: frontRoutes(settings.frontend),
      metrics: serveMetrics,
      // A worker of a cluster leaves the operators' port to its primary, which sums every worker's metrics.
      opsPort: settings.process.opsPort !== undefined && settings.workers > 1 ? 'primary' : settings.process.opsPort,
      admit: admitTrustedDocuments(trusted, verifyBearer),
      admission: admissionControl(settings.admission),
      context: async (req) => {
        const { correlationId } = currentRequestScope()!;
        return { identity: await authenticate(req.headers.authorization, correlationId), correlationId };
      },
      routes: {
        '/uploads': uploadRoute({
          authenticate, uploader, maxBytes: settings.uploads.maxBytes, uploaders: uploadingProfiles(), quota: uploadQuota(settings.uploads.perHour),
        }),
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
  return { url: new URL('/graphql', url).href, opsUrl: http.opsUrl, stop: stopAll };
}
