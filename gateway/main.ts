// First: the tracing SDK must be in place before http, undici and graphql are loaded (observability/tracing.ts).
import { flushTraces } from '../observability/tracing';
import { nameProcessLogs } from '../observability/logger';
import { applyVendorTelemetry } from '../observability/vendor-telemetry';
import { runClustered } from '../stack/cluster';
import { readGatewaySettings } from './config/settings';

/**
 * The gateway process. Settings: gateway/config/settings.ts (README "Settings of the gateway"); contract:
 * ARCHITECTURE.md "Process protocol". `GATEWAY_WORKERS` runs that many workers on one port (stack/cluster.ts).
 */
nameProcessLogs('gateway');
const settings = readGatewaySettings();
// Before @apollo/gateway loads: it reports to Apollo and probes cloud metadata unless APOLLO_TELEMETRY_DISABLED is set,
// which this sets unless VENDOR_TELEMETRY=on (test/security/egress.test.ts proves no other destination is reached).
applyVendorTelemetry(settings.process.vendorTelemetry);
await runClustered('gateway', { workers: settings.workers, opsPort: settings.process.opsPort, host: settings.host }, async () => {
  // Loaded here, not at the top: a cluster's primary only forks and forwards signals, and stays small.
  const [{ createCrmClient }, { startGateway }] = await Promise.all([import('../adapters/crm'), import('./server/start-gateway')]);
  const crm = createCrmClient(settings.crm);
  const gateway = await startGateway(settings, { profiles: crm });
  return {
    url: gateway.url,
    opsUrl: gateway.opsUrl,
    async stop() {
      await gateway.stop();
      await crm.close();
      await flushTraces();
    },
  };
});
