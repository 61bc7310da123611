import { nameProcessLogs } from '../../observability/logger';
import { applyVendorTelemetry } from '../../observability/vendor-telemetry';
import { announceReady, onShutdown } from '../../stack/process';
import { readStandInSettings } from '../runtime/settings';
import { createCredentialStore } from './credentials';
import { startIdp } from './server';
import { loadOrCreateSigningKey } from './signing-key';

/** The demo identity provider of the embedded default. Settings: legacy/runtime/settings.ts (README "Settings"). */
nameProcessLogs('idp');
const settings = readStandInSettings();
applyVendorTelemetry(settings.process.vendorTelemetry);
const idp = await startIdp({
  host: settings.host,
  port: settings.port,
  issuer: settings.idp.issuer,
  audience: settings.idp.audience,
  key: await loadOrCreateSigningKey(settings.dataDir),
  credentials: createCredentialStore(settings.largeCustomers),
});
onShutdown(() => idp.close());
announceReady({ name: 'idp', url: idp.url });
