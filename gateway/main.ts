// First: the tracing SDK must be in place before http, undici and graphql are loaded (observability/tracing.ts).
import { flushTraces } from '../observability/tracing';
import { runClustered, workerCount } from '../stack/cluster';
import { readGatewaySettings } from './config/settings';

/**
 * The gateway process. Settings: see README "Settings"; contract: ARCHITECTURE.md "Process protocol".
 * `GATEWAY_WORKERS` (default 1, `auto` = one per core) runs that many workers on one port (stack/cluster.ts).
 */
const settings = readGatewaySettings();
await runClustered('gateway', workerCount(process.env.GATEWAY_WORKERS, 'GATEWAY_WORKERS'), async () => {
  // Loaded here, not at the top: a cluster's primary only forks and forwards signals, and stays small.
  const [{ createCrmClient }, { startGateway }] = await Promise.all([import('../adapters/crm'), import('./server/start-gateway')]);
  const crm = createCrmClient(settings.crm);
  const gateway = await startGateway(settings, { profiles: crm });
  return {
    url: gateway.url,
    async stop() {
      await gateway.stop();
      await crm.close();
      await flushTraces();
    },
  };
});
