import type { StandInOptions } from '../runtime/server';
import { readStandInSettings } from '../runtime/settings';
import { crmProtocol } from './protocol';
import { openCrmStore } from './store';
import { setTimeout as sleep } from 'node:timers/promises';
import { Faults } from '../runtime/faults';
import { startExportWorker } from './export-worker';
import { startAttachmentExpiry } from './attachment-expiry';

/** The CRM stand-in as `startStandIn` / `runStandIn` take it, configured from the environment. */
export function crmStandIn(env?: Record<string, string | undefined>): StandInOptions {
  const settings = readStandInSettings(env);
  const store = openCrmStore(settings.dataDir, settings.largeCustomers);
  // h-inventory: the export jobs' worker, paced by the FAULTS entry "ElaboraExport" (its latency per chunk of rows).
  const pacing = new Faults({}, settings.faults);
  const exports = startExportWorker(store.db, settings.dataDir, () => sleep(pacing.delayFor('ElaboraExport')));
  const attachmentExpiry = startAttachmentExpiry(store.db, settings.attachmentTtlSeconds);
  return {
    name: 'crm',
    protocol: crmProtocol(store, settings.crm, settings.dataDir),
    settings,
    defaultFault: { latencyMs: 60, jitterMs: 20 },
    onClose: () => {
      void exports.stop();
      attachmentExpiry.stop();
      store.close();
    },
  };
}
