import type { LegacySystem } from '../errors';

/** What a legacy policy reports of itself right now: for spans, metrics and the health details. */
export interface LegacyLoad { breaker: 'closed' | 'half_open' | 'open' | 'isolated'; inFlight: number; queued: number }

/**
 * What `/health?details` and `/metrics` show of each legacy system this process calls: its breaker, its calls in
 * flight and queued, and when an attempt last failed. Nothing here decides readiness (probes.ts says why).
 */
export interface LegacySystemHealth extends LegacyLoad {
  /** ISO time of the last attempt that counted as a failure (no answer, timed out, 5xx, unreadable), or null. */
  lastFailureAt: string | null;
}

/**
 * The one registry of the policies alive in this process, read at probe and scrape time. A process may hold several
 * policies of one system (the gateway: CRM for grants and CRM for uploads), so entries are per policy; each HTTP
 * client registers its policy when built and removes it when closed (adapters/http.ts).
 */
const watched = new Set<{ system: LegacySystem; report: () => LegacySystemHealth }>();

export function watchLegacySystem(system: LegacySystem, report: () => LegacySystemHealth): () => void {
  const entry = { system, report };
  watched.add(entry);
  return () => void watched.delete(entry);
}

/** Worst last: a system shows the least healthy breaker among its policies. */
const BREAKER_RANK: Record<LegacyLoad['breaker'], number> = { closed: 0, half_open: 1, open: 2, isolated: 3 };

/** Per system, over its policies: calls in flight and queued summed, the worst breaker, the latest failure. */
export function legacySystemsHealth(): Partial<Record<LegacySystem, LegacySystemHealth>> {
  const systems: Partial<Record<LegacySystem, LegacySystemHealth>> = {};
  for (const { system, report } of watched) {
    const now = report();
    const seen = systems[system];
    systems[system] = !seen ? now : {
      breaker: BREAKER_RANK[now.breaker] > BREAKER_RANK[seen.breaker] ? now.breaker : seen.breaker,
      inFlight: seen.inFlight + now.inFlight,
      queued: seen.queued + now.queued,
      lastFailureAt: [seen.lastFailureAt, now.lastFailureAt].filter((t) => t !== null).sort().at(-1) ?? null,
    };
  }
  return systems;
}
