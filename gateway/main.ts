import { createCrmClient } from '../adapters/crm';
import { announceReady, onShutdown } from '../stack/process';
import { readGatewaySettings } from './config/settings';
import { startGateway } from './server/start-gateway';

/** The gateway process. Settings: see README "Settings"; contract: ARCHITECTURE.md "Process protocol". */
const settings = readGatewaySettings();
const crm = createCrmClient(settings.crm);
const gateway = await startGateway(settings, { profiles: crm });
onShutdown(async () => {
  await gateway.stop();
  await crm.close();
});
announceReady({ name: 'gateway', url: gateway.url });
