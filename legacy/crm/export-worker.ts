import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../runtime/db';
import { logger } from '../../observability/logger';
import { writeExportFile } from './export-files';
import { exportFile, exportsDir, type ExportRow } from './exports';

/**
 * CRM's export worker: one job at a time, oldest first. A job is taken (IN ELABORAZIONE, attempt counted) in one
 * commit; its file is written to `<file>.part` and renamed when whole; then, in one commit, it is COMPLETATO with
 * its row count and size, only if it is still IN ELABORAZIONE (a deleted job stays deleted). A job a crash left IN
 * ELABORAZIONE is taken again at the next start and its file written again from the start: the file is whole, and
 * the job completes once. `pause` paces the writing between chunks (the `FAULTS` entry `ElaboraExport`).
 */
const IDLE_POLL_MS = 100;

export interface ExportWorker { stop(): Promise<void> }

export function startExportWorker(db: Db, dataDir: string, pause: () => Promise<void>): ExportWorker {
  mkdirSync(exportsDir(dataDir), { recursive: true });
  let stopping = false;
  const next = () => db.prepare(`SELECT * FROM export_richieste WHERE stato IN ('RICHIESTO', 'IN ELABORAZIONE') AND cancellata = 0
    ORDER BY progressivo LIMIT 1`).get() as ExportRow | undefined;

  async function work(job: ExportRow): Promise<void> {
    db.prepare("UPDATE export_richieste SET stato = 'IN ELABORAZIONE', tentativi = tentativi + 1 WHERE id = ?").run(job.id);
    const file = exportFile(dataDir, job);
    const part = `${file}.part`;
    const rows = await writeExportFile(db, job.tipo, job.formato, { contract: job.numero_contratto, from: job.dal, to: job.al }, part, async () => {
      await pause();
      // Closing: the database is about to close; the job stays IN ELABORAZIONE for the next start.
      if (stopping) throw new Error('stopping');
    });
    renameSync(part, file);
    const done = db.prepare(`UPDATE export_richieste SET stato = 'COMPLETATO', completata_il = ?, righe = ?, dimensione = ?
      WHERE id = ? AND stato = 'IN ELABORAZIONE' AND cancellata = 0`).run(new Date().toISOString(), rows, statSync(file).size, job.id);
    if (done.changes === 0) rmSync(file, { force: true });
  }

  const loop = (async () => {
    while (!stopping) {
      const job = next();
      if (!job) {
        await sleep(IDLE_POLL_MS);
        continue;
      }
      try {
        await work(job);
      } catch (err) {
        if (stopping) return;
        // The job stays IN ELABORAZIONE and is taken again; a job that cannot be written is retried after a pause.
        logger.error({ err, exportId: job.id }, 'export failed; it will be taken again');
        await sleep(1_000);
      }
    }
  })();

  return {
    async stop() {
      stopping = true;
      await loop;
    },
  };
}
