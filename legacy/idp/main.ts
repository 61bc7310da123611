import { nameProcessLogs } from '../../observability/logger';
import { applyVendorTelemetry } from '../../observability/vendor-telemetry';
import { announceReady, onShutdown } from '../../stack/process';
import { readStandInSettings } from '../runtime/settings';
import { createCrmClient } from '../../adapters/crm';
import { createMailer } from '../../adapters/mail';
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
const { smsUrl, smtpUrl, mailFrom, crmUrl } = settings.idpMessaging;
const crm = crmUrl ? createCrmClient({ url: crmUrl, user: settings.crm.user, password: settings.crm.password }) : undefined;
const mailer = smtpUrl ? createMailer({ smtpUrl, from: mailFrom }) : undefined;
const idp = await startIdp({
  host: settings.host,
  port: settings.port,
  issuer: settings.idp.issuer,
  audience: settings.idp.audience,
  key: await loadOrCreateSigningKey(settings.dataDir),
  credentials,
  sms: smsUrl ? createSmsClient({ url: smsUrl, apiKey: settings.smsApiKey }) : undefined,
  crm: crm?.registration,
  crmUserEmail: crm?.userEmail,
  mailer,
  adminKey: settings.idpAdminKey,
  userProfile: crm && ((id: string) => crm.getUserProfile(id)),
});
onShutdown(async () => {
  await idp.close();
  await crm?.close();
  mailer?.close();
  credentials.close();
});
announceReady({ name: 'idp', url: idp.url });
