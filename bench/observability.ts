import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchStack, type Stack } from '../stack/launch';
import { SUBGRAPH_NAMES } from '../subgraphs/runtime/sdl';
import { LEGACY_TODAY, tokenFor } from '../test/support/stack';
import { measure, type GatewayRun, type RunSettings } from './measure';
import { startOtlpSink, type OtlpSink } from './otlp-sink';
import { LARGE_CUSTOMERS, SCENARIOS } from './scenarios';

/**
 * Issues 8 and 24: the cost of observability, the dashboard on three stacks that differ only in this switch, every
 * process of each (subgraphs and the measured gateway) started with the same environment.
 * - `off`: `OTEL_SDK_DISABLED=true` and `METRICS=off`: no SDK loaded, nothing recorded, no `/metrics`.
 * - `default`: what production runs: traces at the graph's default sampling (parentbased_traceidratio 0.1, failed
 *   and slow requests' server spans kept), exported over OTLP/HTTP protobuf to a collector in the bench process
 *   (otlp-sink.ts), batched every second; Prometheus metrics recorded.
 * - `full`: the same with every request traced (`OTEL_TRACES_SAMPLER=parentbased_always_on`).
 * The request-scope tally of legacy calls stays on every side: it is a feature (`x-legacy-calls`), not telemetry.
 *
 * On a machine shared with other work, runs minutes apart are not comparable (the load average moves by tens). So
 * the three stacks run at once, idle but for the one being measured, and are loaded in short turns, ROUNDS times,
 * the order rotating each round; each side is compared with the `off` turn of the same round, and the ratios are
 * averaged. CONNECTIONS is below the scenario's 20: at 20 a loaded shared machine times requests out, and a run
 * with failures measures the failures.
 *
 * `tsx bench/observability.ts` runs this comparison alone (BENCH_DURATION_S per turn, default 5;
 * BENCH_SERIAL_REQUESTS, default 25; BENCH_ROUNDS, default 3) and writes bench/.tmp/observability.{json,md};
 * `npm run bench` runs it among the rest and puts it in RESULTS.md.
 */
export type ObservabilitySide = 'off' | 'default' | 'full';
export const SIDES: readonly ObservabilitySide[] = ['off', 'default', 'full'];
const CONNECTIONS = 8;

export interface ObservabilitySwitch { env: Record<string, string | undefined>; spansReceived(): number; close(): Promise<void> }

export async function observabilitySwitch(side: ObservabilitySide): Promise<ObservabilitySwitch> {
  if (side === 'off') {
    return { env: { OTEL_SDK_DISABLED: 'true', METRICS: 'off' }, spansReceived: () => 0, close: async () => {} };
  }
  const collector: OtlpSink = await startOtlpSink();
  return {
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf', OTEL_BSP_SCHEDULE_DELAY: '1000',
      OTEL_TRACES_SAMPLER: side === 'full' ? 'parentbased_always_on' : undefined, OTEL_TRACES_SAMPLER_ARG: undefined,
      OTEL_SDK_DISABLED: undefined, METRICS: undefined,
    },
    spansReceived: () => collector.received,
    close: () => collector.close(),
  };
}

export interface ObservabilityRun { side: ObservabilitySide; round: number; run: GatewayRun; spansReceived: number }
export interface ObservabilityResults { scenario: string; connections: number; runs: ObservabilityRun[] }

/** CPU of the graph's own processes (gateway and subgraphs, not the stand-ins) per request of a run. */
export const graphCpuMsPerRequest = (run: GatewayRun): number =>
  run.cpuMsPerRequest + SUBGRAPH_NAMES.reduce((sum, name) => sum + (run.stackCpuMsPerRequest[name] ?? 0), 0);

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Each side against the `off` turn of the same round: mean ratios and differences, and their spread over rounds. */
function versusOff(o: ObservabilityResults, side: ObservabilitySide) {
  const pairs = o.runs.filter((r) => r.side === side).flatMap((r) => {
    const off = o.runs.find((x) => x.side === 'off' && x.round === r.round);
    return off ? [{ x: r.run, off: off.run }] : [];
  });
  if (pairs.length === 0) return undefined;
  const throughputs = pairs.map(({ x, off }) => x.load.rps / off.load.rps);
  const cpuRatios = pairs.map(({ x, off }) => graphCpuMsPerRequest(off) / graphCpuMsPerRequest(x));
  return {
    rounds: pairs.length,
    throughput: mean(throughputs), throughputRange: [Math.min(...throughputs), Math.max(...throughputs)],
    /** Throughput a CPU-bound stack would keep: off's graph CPU per request ÷ this side's. */
    cpuBound: mean(cpuRatios),
    serialAdded: mean(pairs.map(({ x, off }) => x.serial.p50Ms - off.serial.p50Ms)),
    graphCpu: mean(pairs.map(({ x }) => graphCpuMsPerRequest(x))), offGraphCpu: mean(pairs.map(({ off }) => graphCpuMsPerRequest(off))),
  };
}

/** RESULTS.md's section: every turn in the order run, then each side against `off`. */
export function observabilitySection(o: ObservabilityResults): string[] {
  const f = (n: number, digits = 1) => n.toFixed(digits);
  return [`## Observability cost (issues 8 and 24): ${o.scenario}, tracing and metrics off, at the production default, and full`, '',
    `Three stacks running at once that differ only in one switch, every process with the same environment, each one's own gateway measured, loaded in turns (${o.connections} connections), the order rotating each round. \`off\`: \`OTEL_SDK_DISABLED=true\` and \`METRICS=off\`. \`default\`: the production default, traces sampled one request in ten (\`parentbased_traceidratio\` 0.1) with every failed or slow request's server span kept, exported over OTLP/HTTP protobuf (batched each second) to a collector in the bench process, and the Prometheus metrics recorded. \`full\`: the same with every request traced. Each side is compared with the \`off\` turn of its round; "graph CPU" is the gateway's and the six subgraphs' CPU per request, the stand-ins left out.`, '',
    '| round | side | req/s | p50 ms | p99 ms | serial p50 ms | ok/answered | gateway CPU ms/req | graph CPU ms/req | spans received | load avg (1 min) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...o.runs.map(({ side, round, run, spansReceived }) => `| ${round} | ${side} | ${f(run.load.rps)} | ${f(run.load.p50Ms, 0)} | ${f(run.load.p99Ms, 0)} | ${f(run.serial.p50Ms)} | ${run.load.ok}/${run.load.requests} | ${f(run.cpuMsPerRequest)} | ${f(graphCpuMsPerRequest(run))} | ${side === 'off' ? '–' : spansReceived} | ${f(run.loadAvg1)} |`),
    '',
    ...(['default', 'full'] as const).flatMap((side) => {
      const v = versusOff(o, side);
      return v ? [`- ${side} ÷ off over ${v.rounds} rounds: throughput ${f(v.throughput, 3)}× (rounds from ${f(v.throughputRange[0]!, 2)}× to ${f(v.throughputRange[1]!, 2)}×: the noise), graph CPU per request ${f(v.graphCpu)} vs ${f(v.offGraphCpu)} ms (a CPU-bound stack keeps ${f(v.cpuBound, 3)}× its throughput), serial p50 ${v.serialAdded >= 0 ? '+' : ''}${f(v.serialAdded)} ms.`] : [];
    }),
    ''];
}

/** The goals this comparison decides, for RESULTS.md's list. */
export function observabilityGoals(o: ObservabilityResults, goal: (met: boolean) => string): string[] {
  const [sampled, full] = [versusOff(o, 'default'), versusOff(o, 'full')];
  return [
    ...(sampled ? [`- Tracing and metrics at the production default cost ≤ 5 % throughput and ≤ 1 ms p50 one request at a time (issues 8, 24): ${goal(sampled.throughput >= 0.95 && sampled.serialAdded <= 1)} (throughput default ÷ off ${sampled.throughput.toFixed(3)}× measured, ${sampled.cpuBound.toFixed(3)}× from the graph's CPU per request; serial p50 ${sampled.serialAdded >= 0 ? '+' : ''}${sampled.serialAdded.toFixed(1)} ms; mean of ${sampled.rounds} paired rounds).`] : []),
    ...(full ? [`- Tracing every request and metrics cost ≤ 15 % throughput (issue 24): ${goal(full.throughput >= 0.85)} (full ÷ off ${full.throughput.toFixed(3)}× measured, ${full.cpuBound.toFixed(3)}× from the graph's CPU per request).`] : []),
  ];
}

/**
 * The comparison: one stack per side started by `startStack` with that side's environment (the caller stops them),
 * then ROUNDS turns of `measure` on each stack's own gateway.
 */
export async function compareObservability(startStack: (env: Record<string, string | undefined>) => Promise<Stack>,
  settings: RunSettings, rounds: number, log: (message: string) => void): Promise<ObservabilityResults> {
  const scenario = { ...SCENARIOS[0]!, connections: CONNECTIONS };
  const running = [];
  try {
    for (const side of SIDES) {
      const observability = await observabilitySwitch(side);
      running.push({ side, observability });
      const stack = await startStack(observability.env);
      const token = await tokenFor(stack, scenario.user);
      Object.assign(running.at(-1)!, { stack, token });
    }
    const results: ObservabilityResults = { scenario: scenario.title, connections: CONNECTIONS, runs: [] };
    for (let round = 1; round <= rounds; round++) {
      for (let k = 0; k < SIDES.length; k++) {
        const { side, observability, stack, token } = running[(k + round - 1) % SIDES.length]! as typeof running[number] & { stack: Stack; token: string };
        log(`observability round ${round}: ${side} (load avg ${loadavg()[0]!.toFixed(1)})`);
        const gateway = { kind: 'apollo' as const, url: stack.gatewayUrl, pid: stack.components.get('gateway')!.pid, stop: async () => {} };
        const before = observability.spansReceived();
        const run = await measure(stack, gateway, scenario, token, settings);
        results.runs.push({ side, round, run, spansReceived: observability.spansReceived() - before });
      }
    }
    return results;
  } finally {
    for (const { observability } of running) await observability.close();
  }
}

/** `tsx bench/observability.ts`: the comparison alone. */
async function main(): Promise<void> {
  const tmp = join(fileURLToPath(new URL('..', import.meta.url)), 'bench/.tmp');
  mkdirSync(tmp, { recursive: true });
  const settings: RunSettings = {
    durationS: Number(process.env.BENCH_DURATION_S ?? 5), serialRequests: Number(process.env.BENCH_SERIAL_REQUESTS ?? 25),
    runId: Date.now().toString(36), lines: { take: () => { throw new Error('no lines'); }, give: () => undefined },
  };
  const stacks: { stack: Stack; dataDir: string }[] = [];
  try {
    const results = await compareObservability(async (env) => {
      const dataDir = mkdtempSync(join(tmp, 'data-'));
      const stack = await launchStack({
        dataDir, forwardLogs: Boolean(process.env.BENCH_LOGS), readyTimeoutMs: 180_000,
        env: { LATENCY_MS: undefined, JITTER_MS: undefined, LEGACY_TODAY, LARGE_CUSTOMERS, ...env },
      });
      stacks.push({ stack, dataDir });
      return stack;
    }, settings, Number(process.env.BENCH_ROUNDS ?? 3), (message) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} │ ${message}\n`));
    const text = [...observabilitySection(results), ...observabilityGoals(results, (met) => (met ? '**met**' : '**not met**'))].join('\n');
    writeFileSync(join(tmp, 'observability.json'), JSON.stringify(results, null, 2));
    writeFileSync(join(tmp, 'observability.md'), `${text}\n`);
    process.stdout.write(`${text}\n`);
  } finally {
    for (const { stack, dataDir } of stacks) {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await main();
  } catch (err) {
    console.error('observability bench failed:', err);
    process.exitCode = 1;
  }
}
