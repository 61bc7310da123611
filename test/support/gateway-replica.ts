import { gatewayWiring } from '../../stack/gateway-wiring';
import { spawnEntryPoint, ENTRY_POINTS, type Stack } from '../../stack/launch';
import { readLauncherSettings } from '../../stack/settings/launcher';
import { stopChild } from '../../stack/stop-child';

/**
 * One more gateway process over a running stack's subgraphs and systems: a second replica for the tests of what
 * replicas share. `identitySecret` must be the stack's (the test sets GATEWAY_IDENTITY_SECRET for the stack), or the
 * subgraphs refuse this replica's identities. `env` adds the replica's own settings (REDIS_URL, limits).
 */
export interface GatewayReplica { url: string; stop(): Promise<void> }

export async function startGatewayReplica(stack: Stack, identitySecret: string, env: Record<string, string>): Promise<GatewayReplica> {
  const launcher = readLauncherSettings();
  const { child, ready } = await spawnEntryPoint({
    name: 'gateway-2',
    entryPoint: ENTRY_POINTS.gateway,
    env: { ...process.env, OTEL_SERVICE_NAME: 'onegraph-gateway', LOG_LEVEL: launcher.testLogLevel, PORT: '0', ...gatewayWiring(stack, identitySecret), ...env },
    readyTimeoutMs: 120_000,
    forwardLogs: launcher.forwardLogs,
  });
  // A crash of the test process must not leave the replica running.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  return {
    url: ready.url,
    async stop() {
      process.off('exit', killOnExit);
      await stopChild(child, 15_000);
    },
  };
}
