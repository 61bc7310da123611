import type { StandInName } from '../stack/launch';

/**
 * The legacy floor of a request: the longest chain of dependent legacy calls. A chain is written as the calls a
 * request makes, in sequence or in parallel, e.g. the dashboard's mobile branch `seq(crm, crm, par(ebill, ebill))`
 * (ListaLineeMobili, then the consumption subgraph's GetLineeMobili, then eBill credit and traffic side by side).
 * Each stand-in delays a call by latency ± uniform jitter (legacy/runtime/faults.ts), so the floor is a
 * distribution: its p50 and p99 are what a graph adding nothing would show, and are computed here by sampling.
 */
export type Chain = StandInName | { seq: Chain[] } | { par: Chain[] };
export const seq = (...calls: Chain[]): Chain => ({ seq: calls });
export const par = (...calls: Chain[]): Chain => ({ par: calls });

export interface Delay { latencyMs: number; jitterMs: number }
export type Delays = Record<StandInName, Delay>;

export interface Floor {
  /** With every call at its mean latency (no jitter). */
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

/** Same rule as Faults.delayFor: uniform in [latency - jitter, latency + jitter], never negative. */
function sample(chain: Chain, delays: Delays, random: () => number): number {
  if (typeof chain === 'string') {
    const { latencyMs, jitterMs } = delays[chain];
    return Math.max(0, latencyMs + (random() * 2 - 1) * jitterMs);
  }
  if ('seq' in chain) return chain.seq.reduce((sum, c) => sum + sample(c, delays, random), 0);
  return Math.max(...chain.par.map((c) => sample(c, delays, random)));
}

export function floorOf(chain: Chain, delays: Delays, samples = 100_000): Floor {
  const noJitter = Object.fromEntries(Object.entries(delays).map(([s, d]) => [s, { ...d, jitterMs: 0 }])) as Delays;
  const values = Float64Array.from({ length: samples }, () => sample(chain, delays, Math.random)).sort();
  return { meanMs: sample(chain, noJitter, Math.random), p50Ms: percentile(values, 50), p99Ms: percentile(values, 99) };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function describeChain(chain: Chain): string {
  if (typeof chain === 'string') return chain.toUpperCase().replace('EBILL', 'eBill');
  if ('seq' in chain) return `[${chain.seq.map(describeChain).join(' → ')}]`;
  return `(${chain.par.map(describeChain).join(' ∥ ')})`;
}
