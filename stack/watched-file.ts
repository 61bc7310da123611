import { readFileSync, statSync } from 'node:fs';
import { logger } from '../observability/logger';
import { fileReloads, metricsEnabled } from '../observability/metrics';

/**
 * A file a running process follows: the supergraph, a client's trusted documents. Read and applied at start (a
 * missing or broken file throws: the process must not start without it), then read again when it changes (size or
 * modification time, looked at most once per CHECK_EVERY_MS, whenever `refresh` is called): a deployment replaces
 * the file, no restart. `apply` parses and validates a version (throwing refuses it): a refused version is logged
 * with its real error and counted (`onegraph_file_reloads_total{file, result="refused"}`) once, and the last good
 * one stays; an applied one is logged and counted as `applied`.
 */
export interface WatchedFile<T> {
  /** The last version applied. */
  current(): T;
  /** Reads the file again if it changed since it was last read (at most once per CHECK_EVERY_MS). */
  refresh(): void;
}

/** What the file is, as its log lines and metric label name it. */
export type WatchedFileKind = 'supergraph' | 'trusted_documents';

export const CHECK_EVERY_MS = 1000;

export function watchFile<T>(
  path: string,
  kind: WatchedFileKind,
  apply: (text: string, initial: boolean) => T,
  logFields: Record<string, unknown> = {},
  now: () => number = Date.now,
): WatchedFile<T> {
  let seen = fingerprint(path);
  let value = apply(readFileSync(path, 'utf8'), true);
  let checkedAt = now();

  return {
    current: () => value,
    refresh() {
      if (now() - checkedAt < CHECK_EVERY_MS) return;
      checkedAt = now();
      const current = fingerprint(path);
      if (current === seen) return;
      // Seen either way: a refused version is reported once, not at every check until it is replaced.
      seen = current;
      try {
        value = apply(readFileSync(path, 'utf8'), false);
        if (metricsEnabled) fileReloads.inc({ file: kind, result: 'applied' });
        logger.info({ ...logFields, file: kind }, `${kind.replace('_', ' ')} reloaded`);
      } catch (err) {
        if (metricsEnabled) fileReloads.inc({ file: kind, result: 'refused' });
        logger.error({ ...logFields, file: kind, err: err instanceof Error ? err.message : String(err) },
          `${kind.replace('_', ' ')} refused; the previous one stays`);
      }
    },
  };
}

function fingerprint(path: string): string {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}
