import { nameProcessLogs } from '../../observability/logger';
import { announceReady, intSetting, onShutdown } from '../../stack/process';
import { createCredentialStore } from './credentials';
import { startIdp } from './server';
import { loadOrCreateSigningKey } from './signing-key';

/** The demo identity provider of the embedded default. Settings: see README "Settings". */
nameProcessLogs('idp');
const idp = await startIdp({
  host: process.env.HOST ?? '127.0.0.1',
  port: intSetting('PORT', 0),
  issuer: process.env.IDP_ISSUER || 'onegraph-demo-idp',
  audience: process.env.IDP_AUDIENCE || 'onegraph',
  key: await loadOrCreateSigningKey(process.env.DATA_DIR || '.data'),
  credentials: createCredentialStore(process.env.LARGE_CUSTOMERS),
});
onShutdown(() => idp.close());
announceReady({ name: 'idp', url: idp.url });
