import type { LegacyLoad } from '../../observability/metrics';
import type { LegacySystem } from '../errors';

/**
 * What `/health?details` shows of each legacy system this process calls: its breaker, its calls in flight and
 * queued, and when an attempt last failed. Nothing here decides readiness (probes.ts says why).
 */
export interface LegacySystemHealth extends LegacyLoad {
  /** ISO time of the last attempt that counted as a failure (no answer, timed out, 5xx, unreadable), or null. */
  lastFailureAt: string | null;
}

/**
 * Every policy registers itself here when it is built: a process builds one per system (the gateway: CRM; a
 * subgraph: all three), so the system names the entry; a second policy of the same system (tests) replaces it.
 */
const reporters = new Map<LegacySystem, () => LegacySystemHealth>();

export function reportLegacyHealth(system: LegacySystem, report: () => LegacySystemHealth): void {
  reporters.set(system, report);
}

export function legacySystemsHealth(): Partial<Record<LegacySystem, LegacySystemHealth>> {
  return Object.fromEntries([...reporters].map(([system, report]) => [system, report()]));
}
