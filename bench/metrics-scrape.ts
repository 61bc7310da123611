import type { Stack } from '../stack/launch';
import { SUBGRAPH_NAMES } from '../subgraphs/runtime/sdl';

/**
 * Reads the stack's own Prometheus metrics (GET /metrics of each process, observability/metrics.ts) for the
 * ladder and the soak: what the processes say of themselves under load, beside what the load generator sees.
 * A process without metrics (METRICS=off) reads as null.
 */
export async function scrape(url: string): Promise<string | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(4_000) });
    const text = await res.text();
    return res.ok ? text : null;
  } catch {
    return null;
  }
}

/** The samples of one metric whose labels include every label given, e.g. `{ outcome: 'unavailable' }`. */
export function samplesOf(text: string, name: string, labels: Record<string, string> = {}): number[] {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return text.split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => wanted.every((label) => line.includes(label)))
    .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
}

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Each subgraph's metrics URL (the operators' port when it has one). */
export function subgraphMetricsUrls(stack: Stack): Record<string, string> {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => {
    const info = stack.components.get(name)!;
    return [name, new URL('/metrics', info.opsUrl ?? info.url).href];
  }));
}

/**
 * The subgraphs' legacy calls under one load: the most calls waiting at once for a slot (MAX_IN_FLIGHT, summed
 * over the subgraphs), whether a breaker opened, and how many calls ended unavailable (timed out, over capacity,
 * breaker open) over the period. Sampled every `everyMs` until stopped.
 */
export interface LegacyPressure { queuedPeak: number; breakerOpened: boolean; unavailableCalls: number }

export function watchLegacyPressure(stack: Stack, everyMs = 2_000): { stop(): Promise<LegacyPressure> } {
  const urls = Object.values(subgraphMetricsUrls(stack));
  // Per subgraph, null when its scrape failed (an overloaded process may not answer in time): such a subgraph is
  // left out of the difference rather than read as zero.
  const unavailable = async () => (await Promise.all(urls.map(scrape)))
    .map((text) => (text ? sum(samplesOf(text, 'onegraph_legacy_call_duration_seconds_count', { outcome: 'unavailable' })) : null));
  const pressure: LegacyPressure = { queuedPeak: 0, breakerOpened: false, unavailableCalls: 0 };
  const before = unavailable();
  const timer = setInterval(async () => {
    const texts = (await Promise.all(urls.map(scrape))).filter((t): t is string => t !== null);
    pressure.queuedPeak = Math.max(pressure.queuedPeak, sum(texts.flatMap((t) => samplesOf(t, 'onegraph_legacy_calls_queued'))));
    pressure.breakerOpened ||= texts.some((t) => samplesOf(t, 'onegraph_legacy_breaker_state', { state: 'open' }).some((v) => v === 1));
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      const [start, end] = [await before, await unavailable()];
      pressure.unavailableCalls = sum(end.map((n, i) => (n !== null && start[i] !== null ? n - start[i]! : 0)));
      return pressure;
    },
  };
}

/**
 * Waits (at most `limitMs`) until no subgraph has a legacy call in flight or queued: a timed run stops with
 * requests still inside the stack, and the next step must not inherit their backlog.
 */
export async function legacyDrained(stack: Stack, limitMs = 60_000): Promise<boolean> {
  const urls = Object.values(subgraphMetricsUrls(stack));
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const texts = await Promise.all(urls.map(scrape));
    if (texts.every((t) => t !== null && sum([...samplesOf(t, 'onegraph_legacy_calls_in_flight'), ...samplesOf(t, 'onegraph_legacy_calls_queued')]) === 0)) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}
