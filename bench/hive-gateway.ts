import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { readGatewaySettings } from '../gateway/config/settings';
import type { GatewayContext as OurContext } from '../gateway/server/context';
import { runClustered, workerCount } from '../stack/cluster';
import { signedIdentity } from '../gateway/identity/signed-identity';
import { IDENTITY_HEADER } from '../subgraphs/runtime/identity';

/**
 * Hive Gateway over the same supergraph and the same subgraphs, for the benchmark's side by side only: not a
 * second production gateway. It is configured to do the work ours does per request, with our own code:
 * - the bearer token is verified and the user's grants loaded (cached) by gateway/auth, exactly as in ours;
 * - every subgraph fetch carries `x-gateway-identity` (signed by `signIdentity` once per request, through the same
 *   gateway/identity/signed-identity.ts as ours) and the correlation id, like gateway/identity/identity-data-source.ts
 *   (the subgraphs refuse requests without it).
 * Same settings (env) as gateway/main.ts, same READY protocol, same cluster mode (HIVE_WORKERS).
 * HIVE_ROUTER_RUNTIME=1 plans and executes with Hive Router's Rust query planner (`@graphql-hive/router-runtime`)
 * instead of the default JavaScript stitching runtime: the same gateway otherwise.
 */
const settings = readGatewaySettings();
const CORRELATION_ID = /^[\w.:-]{8,64}$/;

/** The committed supergraph with the routing URLs of the subgraphs this run started (SUBGRAPH_URLS). */
function supergraphWithUrls(): string {
  return readFileSync(settings.supergraphPath, 'utf8').replace(
    /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
    (whole, name: string) => (settings.subgraphUrls[name] ? `@join__graph(name: "${name}", url: "${settings.subgraphUrls[name]}")` : whole),
  );
}

await runClustered('hive-gateway', { workers: workerCount(process.env.HIVE_WORKERS, 'HIVE_WORKERS') }, async () => {
  // Loaded in the workers only, like gateway/main.ts: a cluster's primary stays small.
  const [{ createGatewayRuntime }, routerRuntime, { createCrmClient }, { createAuthenticator }, { createTokenVerifier }, { cacheProfiles }] = await Promise.all([
    import('@graphql-hive/gateway'),
    process.env.HIVE_ROUTER_RUNTIME === '1' ? import('@graphql-hive/router-runtime') : undefined,
    import('../adapters/crm'),
    import('../gateway/auth/authenticate'),
    import('../gateway/auth/bearer-token'),
    import('../gateway/auth/profile-cache'),
  ]);
  const crm = createCrmClient(settings.crm);
  const authenticate = createAuthenticator(
    createTokenVerifier(settings.auth),
    cacheProfiles(crm, settings.auth.grantsCacheSeconds),
  );

  // Authentication happens while the context is built, before parsing and planning, as in our gateway.
  const authentication: GatewayPlugin<Partial<OurContext>> = {
    async onContextBuilding({ context, extendContext }) {
      const sent = context.request.headers.get('x-correlation-id');
      const correlationId = sent && CORRELATION_ID.test(sent) ? sent : randomUUID();
      const identity = await authenticate(context.request.headers.get('authorization') ?? undefined, correlationId);
      extendContext({ identity, correlationId });
    },
  };

  const runtime = createGatewayRuntime<Partial<OurContext>>({
    supergraph: supergraphWithUrls(),
    ...(routerRuntime && { unifiedGraphHandler: routerRuntime.unifiedGraphHandler }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: 'error',
    plugins: () => [authentication],
    propagateHeaders: {
      async fromClientToSubgraphs({ context }) {
        if (!context.identity || !context.correlationId) return {};
        return { [IDENTITY_HEADER]: await signedIdentity(context.identity, settings.identitySecret), 'x-correlation-id': context.correlationId };
      },
    },
  });

  const server = createServer(runtime);
  server.listen(settings.port, settings.host);
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('hive-gateway: no TCP address');
  return {
    url: `http://${settings.host}:${address.port}/graphql`,
    async stop() {
      server.close();
      await runtime.dispose();
      await crm.close();
    },
  };
});
