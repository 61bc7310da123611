import { nameProcessLogs } from '../../observability/logger';
import { applyVendorTelemetry } from '../../observability/vendor-telemetry';
import { announceReady, onShutdown } from '../../stack/process';
import { readStandInSettings } from '../runtime/settings';
import { createSmsClient } from '../../adapters/sms';
import { createCredentialStore } from './credentials';
import { startIdp } from './server';
import { loadOrCreateSigningKey } from './signing-key';

/** The demo identity provider of the embedded default. Settings: legacy/runtime/settings.ts (README "Settings"). */
nameProcessLogs('idp');
const settings = readStandInSettings();
applyVendorTelemetry(settings.process.vendorTelemetry);
// issue 20: passwords a user set are kept beside the signing key.
const credentials = createCredentialStore(settings.largeCustomers, settings.dataDir);
const idp = await startIdp({
  host: settings.host,
  port: settings.port,
  issuer: settings.idp.issuer,
  audience: settings.idp.audience,
  key: await loadOrCreateSigningKey(settings.dataDir),
  credentials,
  sms: settings.idpMessaging.smsUrl ? createSmsClient({ url: settings.idpMessaging.smsUrl, apiKey: settings.smsApiKey }) : undefined,
});
onShutdown(async () => {
  await idp.close();
  credentials.close();
});
announceReady({ name: 'idp', url: idp.url });
