/**
 * Faults on demand, per system and per operation, settable at start (env FAULTS) and at run time (admin API).
 * The key "*" applies to every operation; an operation's own entry overrides it field by field.
 */
export interface Fault {
  latencyMs?: number;
  jitterMs?: number;
  /** 0..1: share of calls answered with the system's own error format. */
  errorRate?: number;
  /** Accept the request and never answer. */
  timeout?: boolean;
  /** On "*": refuse connections. On an operation: reset the socket. */
  down?: boolean;
  /** Answer with a body the adapter cannot read (truncated XML, broken rows). */
  malformed?: boolean;
}

export type FaultTable = Record<string, Fault>;

export class Faults {
  private table: FaultTable;

  constructor(defaults: Fault, initial: FaultTable = {}) {
    this.table = { '*': { ...defaults } };
    this.set(initial);
  }

  /** Merges `update` into the table; `null` for an operation removes its entry. */
  set(update: Record<string, Fault | null>): void {
    for (const [op, fault] of Object.entries(update)) {
      if (fault === null) delete this.table[op];
      else this.table[op] = { ...this.table[op], ...fault };
    }
  }

  all(): FaultTable {
    return structuredClone(this.table);
  }

  for(operation: string): Fault {
    return { ...this.table['*'], ...this.table[operation] };
  }

  /** Latency with uniform jitter, never negative. */
  delayFor(operation: string): number {
    const f = this.for(operation);
    const jitter = f.jitterMs ? (Math.random() * 2 - 1) * f.jitterMs : 0;
    return Math.max(0, (f.latencyMs ?? 0) + jitter);
  }
}

export function parseFaultsEnv(text: string | undefined): FaultTable {
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('FAULTS must be a JSON object');
  return parsed as FaultTable;
}
