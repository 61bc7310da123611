import type { Stack } from '../stack/launch';
import type { RunningGateway } from './gateways';
import { runLoad, type LoadResult } from './load';
import { rssMb, treeOf } from './proc';
import { bodiesOf, type Scenario } from './scenarios';
import { samplesOf, scrape, subgraphMetricsUrls } from './metrics-scrape';

/**
 * Issue 24 item 5: a soak at moderate load (BENCH_SOAK_S, default 600 s; 0 leaves it out) on the dashboard through
 * the whole stack. Every SOAK_SAMPLE_S the RSS of our gateway (its whole process tree) and of each subgraph, and
 * their event-loop lag (p99 over the interval: prom-client's nodejs_eventloop_lag_p99_seconds, reset at each
 * scrape of /metrics) are sampled. A leak fails it: the RSS slope over the soak's last two thirds (the first
 * third is the heap's warm-up) above SOAK_RSS_SLOPE_MB_PER_MIN, or the lag of the last quarter above twice
 * the first quarter's plus SOAK_LAG_ALLOWANCE_MS.
 */
export const SOAK_SAMPLE_S = 5;
export const SOAK_CONNECTIONS = 5;
export const SOAK_RSS_SLOPE_MB_PER_MIN = 1;
export const SOAK_LAG_ALLOWANCE_MS = 10;

export interface SoakSample { atS: number; rssMb: Record<string, number>; lagP99Ms: Record<string, number | null> }
export interface SoakResult { scenario: string; seconds: number; connections: number; load: LoadResult; samples: SoakSample[] }

export async function soak(stack: Stack, gateway: RunningGateway, scenario: Scenario, token: string, seconds: number,
  log: (message: string) => void): Promise<SoakResult> {
  const processes: Record<string, { pid: number; metricsUrl: string }> = {
    gateway: { pid: gateway.pid, metricsUrl: new URL('/metrics', gateway.url).href },
    ...Object.fromEntries(Object.entries(subgraphMetricsUrls(stack))
      .map(([name, metricsUrl]) => [name, { pid: stack.components.get(name as never)!.pid, metricsUrl }])),
  };
  const started = performance.now();
  const samples: SoakSample[] = [];
  const sample = async () => {
    const lag = await Promise.all(Object.values(processes).map((p) => lagP99Ms(p.metricsUrl)));
    samples.push({
      atS: (performance.now() - started) / 1000,
      rssMb: Object.fromEntries(Object.entries(processes).map(([name, p]) => [name, rssMb(treeOf(p.pid))])),
      lagP99Ms: Object.fromEntries(Object.keys(processes).map((name, i) => [name, lag[i]!])),
    });
  };
  log(`soak: ${scenario.id} at ${SOAK_CONNECTIONS} connections for ${seconds} s, sampling every ${SOAK_SAMPLE_S} s`);
  await sample(); // resets the lag histograms: the first interval starts with the load
  const timer = setInterval(() => void sample(), SOAK_SAMPLE_S * 1000);
  const nextBody = bodiesOf(scenario, 'soak');
  try {
    const load = await runLoad({ url: gateway.url, token, connections: SOAK_CONNECTIONS, durationS: seconds, nextBody });
    return { scenario: scenario.title, seconds, connections: SOAK_CONNECTIONS, load, samples: samples.slice(1) };
  } finally {
    clearInterval(timer);
  }
}

/** p99 event-loop lag in ms since the previous scrape; null when the process has no metrics (METRICS=off). */
async function lagP99Ms(url: string): Promise<number | null> {
  const text = await scrape(url);
  const [value] = text ? samplesOf(text, 'nodejs_eventloop_lag_p99_seconds') : [];
  return value === undefined ? null : value * 1000;
}

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den ? num / den : NaN;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export interface SoakTrend { name: string; rssStartMb: number; rssEndMb: number; rssSlopeMbPerMin: number; lagFirstMs: number; lagLastMs: number; leak: boolean }

export function soakTrends(r: SoakResult): SoakTrend[] {
  const names = Object.keys(r.samples[0]?.rssMb ?? {});
  const third = r.seconds / 3;
  const quarter = Math.max(1, Math.floor(r.samples.length / 4));
  return names.map((name) => {
    const settled = r.samples.filter((s) => s.atS >= third).map((s): [number, number] => [s.atS / 60, s.rssMb[name]!]);
    const lags = r.samples.map((s) => s.lagP99Ms[name]).filter((x): x is number => x !== null && x !== undefined);
    const lagFirstMs = mean(lags.slice(0, quarter));
    const lagLastMs = mean(lags.slice(-quarter));
    const rssSlopeMbPerMin = slope(settled);
    const leak = rssSlopeMbPerMin > SOAK_RSS_SLOPE_MB_PER_MIN || lagLastMs > 2 * lagFirstMs + SOAK_LAG_ALLOWANCE_MS;
    return { name, rssStartMb: r.samples[0]!.rssMb[name]!, rssEndMb: r.samples.at(-1)!.rssMb[name]!, rssSlopeMbPerMin, lagFirstMs, lagLastMs, leak };
  });
}

const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

export function soakSection(r: SoakResult): string[] {
  return ['## Soak (issue 24)', '',
    `${r.scenario} through the whole stack and our gateway at ${r.connections} connections for ${r.seconds} s (${fixed(r.load.rps, 1)} req/s, p50 ${fixed(r.load.p50Ms)} ms, p99 ${fixed(r.load.p99Ms)} ms, ${r.load.ok}/${r.load.requests} ok), sampled every ${SOAK_SAMPLE_S} s (${r.samples.length} samples). RSS slope: least squares over the last two thirds (the first third is the heap's warm-up); a leak is a slope above ${SOAK_RSS_SLOPE_MB_PER_MIN} MB/min, or an event-loop lag p99 in the last quarter above twice the first quarter's + ${SOAK_LAG_ALLOWANCE_MS} ms.`, '',
    '| process | RSS first → last MB | RSS slope MB/min | event-loop lag p99 first → last quarter ms | leak |',
    '|---|---:|---:|---:|---|',
    ...soakTrends(r).map((t) => `| ${t.name} | ${fixed(t.rssStartMb)} → ${fixed(t.rssEndMb)} | ${fixed(t.rssSlopeMbPerMin, 2)} | ${fixed(t.lagFirstMs, 1)} → ${fixed(t.lagLastMs, 1)} | ${t.leak ? '**yes**' : 'no'} |`),
    ''];
}

export function soakGoal(r: SoakResult): string {
  const trends = soakTrends(r);
  const leaking = trends.filter((t) => t.leak);
  const gateway = trends.find((t) => t.name === 'gateway');
  const flat = leaking.length === 0 && r.load.failed === 0;
  return `Soak ${r.seconds} s at ${r.connections} connections, RSS and event-loop lag flat: ${flat ? '**met**' : '**not met**'} (gateway RSS slope ${fixed(gateway?.rssSlopeMbPerMin ?? NaN, 2)} MB/min, lag p99 ${fixed(gateway?.lagFirstMs ?? NaN, 1)} → ${fixed(gateway?.lagLastMs ?? NaN, 1)} ms; ${leaking.length ? `growing: ${leaking.map((t) => t.name).join(', ')}` : 'no process growing'}; ${r.load.failed} failed request(s)).`;
}
