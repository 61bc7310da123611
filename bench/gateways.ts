import { stopChild } from '../stack/stop-child';
import { ENTRY_POINTS, spawnEntryPoint, type Stack } from '../stack/launch';
import { SUBGRAPH_NAMES } from '../subgraphs/runtime/sdl';

/**
 * The two gateways under test, started the same way over the same running subgraphs: same supergraph file, same
 * environment (CRM for grants, the IdP's JWKS, the identity secret the subgraphs verify), same number of workers.
 * The launcher's own gateway is left idle: measuring two processes started identically keeps the comparison fair.
 */
export type GatewayKind = 'apollo' | 'hive' | 'hive-rust';

export const GATEWAY_ENTRY: Record<GatewayKind, { entryPoint: string; workersVar: string; label: string; env?: Record<string, string> }> = {
  apollo: { entryPoint: ENTRY_POINTS.gateway, workersVar: 'GATEWAY_WORKERS', label: 'Apollo (ours)' },
  hive: { entryPoint: 'bench/hive-gateway.ts', workersVar: 'HIVE_WORKERS', label: 'Hive Gateway' },
  // The same Hive Gateway with Hive Router's Rust query planner (bench/gateway-only/).
  'hive-rust': { entryPoint: 'bench/hive-gateway.ts', workersVar: 'HIVE_WORKERS', label: 'Hive Gateway + Rust planner', env: { HIVE_ROUTER_RUNTIME: '1' } },
};

export interface RunningGateway { kind: GatewayKind; url: string; pid: number; stop(): Promise<void> }

export async function startGateway(kind: GatewayKind, stack: Stack, identitySecret: string, workers: number,
  extraEnv: Record<string, string | undefined> = {}): Promise<RunningGateway> {
  const url = (name: string) => stack.components.get(name as never)!.url;
  const { entryPoint, workersVar, env: kindEnv } = GATEWAY_ENTRY[kind];
  const { child, ready } = await spawnEntryPoint({
    name: `${kind}-gw`,
    entryPoint,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      CRM_URL: url('crm'),
      GATEWAY_IDENTITY_SECRET: identitySecret,
      SUBGRAPH_URLS: JSON.stringify(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, url(name)]))),
      AUTH_JWKS_URL: `${stack.idpUrl}/.well-known/jwks.json`,
      // The mutation scenario sends ~40 changes a second as one user: the per-user limit (30 a minute) would measure
      // the limiter, not the gateway. Hive Gateway has no such limit, so neither gateway applies one here.
      MUTATIONS_PER_MINUTE: '1000000',
      // The policy-cost response (1,000 lines) costs more than the 8,000 a client may ask by default; the bench
      // raises the limit to measure the policy layer on it, not the limit that would refuse it.
      MAX_COST: '1000000',
      [workersVar]: String(workers),
      ...kindEnv,
      // A switch a comparison sets on the whole stack (bench/observability.ts).
      ...extraEnv,
    },
    readyTimeoutMs: 60_000,
    forwardLogs: Boolean(process.env.BENCH_LOGS),
  });
  // A crash of this process must not leave the gateway running.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  return {
    kind,
    url: ready.url,
    pid: child.pid!,
    async stop() {
      process.off('exit', killOnExit);
      await stopChild(child);
    },
  };
}

