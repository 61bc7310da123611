import type { ComponentName } from '../../stack/launch';

/** One JSON log line of a stack process, as pino wrote it. */
export type LogLine = Record<string, unknown> & { msg?: string; level?: string; correlationId?: string; name?: string };

/**
 * Keeps every stderr line of the stack's processes (pass `onLog` to the launcher), so that a test can read what an
 * operator would find in each process's log. Lines that are not JSON are kept as `{ msg: line }`.
 */
export function logCollector() {
  const lines = new Map<ComponentName, LogLine[]>();
  return {
    onLog(name: ComponentName, line: string): void {
      let parsed: LogLine;
      try {
        parsed = JSON.parse(line) as LogLine;
      } catch {
        parsed = { msg: line };
      }
      if (!lines.has(name)) lines.set(name, []);
      lines.get(name)!.push(parsed);
    },
    /** The lines of one process, or of every process when no name is given. */
    of(name?: ComponentName): LogLine[] {
      return name ? lines.get(name) ?? [] : [...lines.values()].flat();
    },
    /** The processes with at least one line carrying this correlation id. */
    processesWith(correlationId: string): ComponentName[] {
      return [...lines].filter(([, list]) => list.some((l) => l.correlationId === correlationId)).map(([name]) => name);
    },
  };
}
