import { loadavg } from 'node:os';
import type { Stack } from '../stack/launch';
import type { RunningGateway } from './gateways';
import { legacyDrained, watchLegacyPressure, type LegacyPressure } from './metrics-scrape';
import { runLoad, type LoadResult } from './load';
import { sampleProcess } from './proc';
import { bodiesOf, type Scenario } from './scenarios';

/**
 * Issue 24 item 5, cost as work grows: the dashboard through the whole stack (stand-ins at their default delays)
 * at 1, 20, 100 and 400 connections. Past saturation the requests must queue, not fail: every step without an
 * error, and the throughput of the steps past the knee within LADDER_COLLAPSE_RATIO of the best step.
 * A step lasts long enough for its queue to turn over several times (a request that waits in the queue longer
 * than a step would never be counted): BENCH_LADDER_S per step, at least the bench's BENCH_DURATION_S. Each step
 * starts once the previous one's requests have left the stack.
 */
export const LADDER_CONNECTIONS = [1, 20, 100, 400] as const;
/** Throughput below this share of the best step is a collapse, not queueing. */
export const LADDER_COLLAPSE_RATIO = 0.8;

export interface LadderStep {
  connections: number;
  load: LoadResult;
  gatewayCpuMsPerRequest: number;
  gatewayRssPeakMb: number;
  loadAvg1: number;
  /** What the subgraphs said of their legacy calls meanwhile: where failures come from when there are some. */
  legacy: LegacyPressure;
}

export interface LadderResult { scenario: string; stepS: number; steps: LadderStep[] }

export async function loadLadder(stack: Stack, gateway: RunningGateway, scenario: Scenario, token: string, stepS: number,
  log: (message: string) => void): Promise<LadderResult> {
  const nextBody = bodiesOf(scenario, 'ladder');
  const steps: LadderStep[] = [];
  for (const connections of LADDER_CONNECTIONS) {
    // Each step starts from an empty stack: the previous one's requests in flight are not this one's load.
    if (!await legacyDrained(stack)) log('ladder: the subgraphs still had legacy calls in flight after 60 s');
    log(`ladder: ${scenario.id} at ${connections} connection(s), ${stepS} s`);
    const sampler = sampleProcess(gateway.pid);
    const legacy = watchLegacyPressure(stack);
    const load = await runLoad({ url: gateway.url, token, connections, durationS: stepS, nextBody });
    const proc = sampler.stop();
    steps.push({
      connections, load, loadAvg1: loadavg()[0]!, legacy: await legacy.stop(),
      gatewayCpuMsPerRequest: (proc.cpuSeconds * 1000) / Math.max(1, load.requests), gatewayRssPeakMb: proc.rssPeakMb,
    });
  }
  await legacyDrained(stack);
  return { scenario: scenario.title, stepS, steps };
}

const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** Errors anywhere, or a step past the best one that gives less than LADDER_COLLAPSE_RATIO of its throughput. */
export function ladderVerdict(r: LadderResult): { errors: number; collapsed: LadderStep[]; met: boolean } {
  const best = r.steps.reduce((a, b) => (b.load.rps > a.load.rps ? b : a));
  const collapsed = r.steps.filter((s) => s.connections > best.connections && s.load.rps < LADDER_COLLAPSE_RATIO * best.load.rps);
  const errors = r.steps.reduce((sum, s) => sum + s.load.failed, 0);
  return { errors, collapsed, met: errors === 0 && collapsed.length === 0 };
}

export function ladderSection(r: LadderResult): string[] {
  return ['## Cost as work grows: the load ladder (issue 24)', '',
    `${r.scenario} through the whole stack and our gateway (1 worker), stand-ins at their default delays, ${r.stepS} s per step, one step after the other. Past the knee the stack is saturated: more connections should only lengthen the queue (p50 grows with connections ÷ throughput), never turn into errors or less throughput. Failed = non-2xx, GraphQL errors, socket errors or autocannon timeouts (30 s). The last three columns are the subgraphs' own metrics over the step (summed over the six): the most legacy calls waiting at once for a slot (MAX_IN_FLIGHT 32 per system and process, MAX_QUEUED 256 beyond which a call fails at once), whether a breaker opened, and the legacy calls that ended unavailable (an attempt over LEGACY_ATTEMPT_TIMEOUT_MS 1.2 s, a call over LEGACY_CALL_BUDGET_MS 3 s, over capacity, or refused by an open breaker).`, '',
    '| connections | req/s | p50 ms | p95 ms | p99 ms | ok / answered | failed | gateway CPU ms/req | gateway RSS peak MB | load avg (1 min) after | legacy calls queued, peak | breaker opened | legacy calls unavailable |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
    ...r.steps.map((s) => `| ${s.connections} | ${fixed(s.load.rps, 1)} | ${fixed(s.load.p50Ms)} | ${fixed(s.load.p95Ms)} | ${fixed(s.load.p99Ms)} | ${s.load.ok}/${s.load.requests} | ${s.load.failed} | ${fixed(s.gatewayCpuMsPerRequest, 1)} | ${fixed(s.gatewayRssPeakMb)} | ${s.loadAvg1.toFixed(1)} | ${s.legacy.queuedPeak} | ${s.legacy.breakerOpened ? 'yes' : 'no'} | ${s.legacy.unavailableCalls} |`),
    '', ...r.steps.filter((s) => s.load.firstFailure).map((s) => `- ${s.connections} connections: first failure \`${s.load.firstFailure!.replace(/`/g, "'").slice(0, 200)}\``), ''];
}

export function ladderGoal(r: LadderResult): string {
  const v = ladderVerdict(r);
  const best = r.steps.reduce((a, b) => (b.load.rps > a.load.rps ? b : a));
  const last = r.steps.at(-1)!;
  return `Load ladder (1 → 400 connections): no error and no collapse past saturation: ${v.met ? '**met**' : '**not met**'} (${v.errors} failed request(s); best ${fixed(best.load.rps, 1)} req/s at ${best.connections} connections, ${fixed(last.load.rps, 1)} req/s at ${last.connections} (${fixed(last.load.rps / best.load.rps, 2)}× the best, collapse below ${LADDER_COLLAPSE_RATIO}×), p50 ${fixed(last.load.p50Ms)} ms at ${last.connections}: queueing).`;
}
