import { logger, nameProcessLogs } from '../../observability/logger';
import { applyVendorTelemetry } from '../../observability/vendor-telemetry';
import { announceReady, onShutdown } from '../../stack/process';
import { readStandInSettings } from '../runtime/settings';
import { startMailRelay } from './relay';
import { openMailStore } from './store';

/** issue 20: the e-mail relay of the embedded default (settings: legacy/runtime/settings.ts). */
nameProcessLogs('mail');
const settings = readStandInSettings();
applyVendorTelemetry(settings.process.vendorTelemetry);
if (settings.process.production) logger.warn('the mail relay stand-in runs with NODE_ENV=production: it delivers nothing; set SMTP_URL to the real relay instead');
const relay = await startMailRelay({ host: settings.host, port: settings.port, adminPort: settings.adminPort, store: openMailStore(settings.dataDir) });
onShutdown(() => relay.close());
announceReady({ name: 'mail', url: relay.url, adminUrl: relay.adminUrl });
