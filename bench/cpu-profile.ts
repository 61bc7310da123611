import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchStack, type ComponentName } from '../stack/launch';
import { SUBGRAPH_NAMES } from '../subgraphs/runtime/sdl';
import { LEGACY_TODAY, tokenFor } from '../test/support/stack';
import { runLoad } from './load';
import { startOtlpSink } from './otlp-sink';
import { cpuSecondsOf } from './proc';
import { LARGE_CUSTOMERS, SCENARIOS } from './scenarios';

/**
 * `tsx bench/cpu-profile.ts [label]`: where the graph's CPU goes on the dashboard. One stack whose gateway and six
 * subgraphs run under `node --cpu-prof`, the dashboard (company A) under load for BENCH_DURATION_S (default 10),
 * then every process's profile read back over the loaded window only (start-up and shutdown left out): CPU ms per
 * request of each process, split by where the time was spent (our folders, each library, V8's GC and the runtime).
 *
 * BENCH_TRACING=on|sampled|off (default off) runs the stack with tracing and metrics on at 100 %, at the production
 * default sampling, or off, so that the "on" cost can be located. Writes bench/.tmp/cpu-<label>.json and
 * bench/.tmp/cpu-<label>.md; `BENCH_CPU_BEFORE=<label>` puts that earlier run's table beside this one and writes
 * bench/CPU-PROFILE.md (RESULTS.md includes it); `--page before:after …` writes it from earlier runs, a table a pair.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TMP = join(ROOT, 'bench/.tmp');
const label = process.argv[2] && process.argv[2] !== '--page' ? process.argv[2] : 'now';
const durationS = Number(process.env.BENCH_DURATION_S ?? 10);
const tracing = (process.env.BENCH_TRACING ?? 'off') as 'on' | 'sampled' | 'off';
const PROFILED: readonly ComponentName[] = ['gateway', ...SUBGRAPH_NAMES];
const TOP = 12;

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }
/** CPU ms per request by where it was spent, for one process. */
export type Breakdown = Record<string, number>;
export interface CpuRun {
  label: string; commit: string; at: string; loadAvg: [number, number]; tracing: string;
  requests: number; rps: number; p50Ms: number; spans: number; processes: Record<string, Breakdown>;
}

/** Where a frame's time is counted: a library by its package name, our code by its top folder, V8's own by its name. */
function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, url.startsWith('node:internal/') ? 2 : 1).join('/')}`;
  const ours = url.replace(/^file:\/\//, '').replace(ROOT, '');
  const parts = ours.split('/');
  return parts[0] === 'subgraphs' || parts[0] === 'adapters' || parts[0] === 'gateway' ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * Shares of the self time per place over the samples taken between `fromUs` and `toUs` after the profile's start.
 * Shares, not times: a sampling profiler counts wall time while the thread runs, and on shared cores a thread that
 * is runnable but waits for a core still counts; the process's own CPU time (/proc) is what the shares divide.
 * A built-in without a script (JSON.parse, a RegExp) is counted where it was called from.
 */
function shares(profile: CpuProfile, fromUs: number, toUs: number): Breakdown {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const placeOfNode = (id: number): string => {
    const { url, functionName } = byId.get(id)!.callFrame;
    const up = parent.get(id);
    return !url && !functionName.startsWith('(') && up !== undefined ? placeOfNode(up) : placeOf(url, functionName);
  };
  const place = new Map<number, string>(profile.nodes.map((n) => [n.id, placeOfNode(n.id)]));
  const totals: Breakdown = {};
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t < fromUs || t > toUs) continue;
    const where = place.get(profile.samples[i]!)!;
    if (where === '(idle)') continue;
    totals[where] = (totals[where] ?? 0) + delta;
  }
  const sum = Object.values(totals).reduce((a, b) => a + b, 0) || 1;
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / sum]));
}

/** The stack's environment for each setting; `on` and `sampled` export to the bench's collector (otlp-sink.ts). */
const tracingEnv = (collectorUrl: string): Record<typeof tracing, Record<string, string | undefined>> => ({
  off: { OTEL_SDK_DISABLED: 'true', METRICS: 'off' },
  on: { OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl, OTEL_TRACES_SAMPLER: 'parentbased_always_on', METRICS: 'on' },
  sampled: { OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl, METRICS: 'on' },
});

async function main(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  const dataDir = mkdtempSync(join(TMP, 'data-'));
  const profileDir = mkdtempSync(join(TMP, 'cpuprof-'));
  const scenario = SCENARIOS[0]!;
  const loadAtStart = loadavg()[0]!;
  const collector = await startOtlpSink();
  const stack = await launchStack({
    dataDir, forwardLogs: Boolean(process.env.BENCH_LOGS), readyTimeoutMs: 180_000,
    env: { LATENCY_MS: undefined, JITTER_MS: undefined, LEGACY_TODAY, LARGE_CUSTOMERS, ...tracingEnv(collector.url)[tracing] },
    componentEnv: Object.fromEntries(PROFILED.map((name) => [name, {
      NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${join(profileDir, name)} --cpu-prof-interval=500`,
    }])),
  });
  let result;
  let windowUs: [number, number];
  let cpuMs: number[] = [];
  try {
    const token = await tokenFor(stack, scenario.user);
    const common = { url: stack.gatewayUrl, token, nextBody: () => scenario.nextBody({}, undefined!, label) };
    await runLoad({ ...common, connections: 1, amount: 10 });
    const pids = PROFILED.map((name) => stack.components.get(name)!.pid);
    const cpuBefore = pids.map(cpuSecondsOf);
    const loadStart = monotonicUs();
    result = await runLoad({ ...common, connections: scenario.connections, durationS });
    const loadEnd = monotonicUs();
    cpuMs = pids.map((pid, i) => (cpuSecondsOf(pid) - cpuBefore[i]!) * 1000);
    await stack.stop();
    windowUs = [loadStart, loadEnd];
  } finally {
    await stack.stop().catch(() => undefined);
    await collector.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const processes: Record<string, Breakdown> = {};
  for (const [i, name] of PROFILED.entries()) {
    const dir = join(profileDir, name);
    // Named CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: the process's main thread (0); a worker thread writes
    // its own, whose CPU the process's total from /proc includes.
    const pid = stack.components.get(name)!.pid;
    const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile') && f.split('.').slice(3, 5).join('.') === `${pid}.0`);
    if (files.length !== 1) throw new Error(`${name}: ${files.length} profiles of pid ${pid}, expected one (its process must exit by itself)`);
    const profile = JSON.parse(readFileSync(join(dir, files[0]!), 'utf8')) as CpuProfile;
    const perRequest = cpuMs[i]! / result.requests;
    processes[name] = Object.fromEntries(Object.entries(shares(profile, windowUs[0] - profile.startTime, windowUs[1] - profile.startTime))
      .map(([k, share]) => [k, share * perRequest]));
  }
  const run: CpuRun = {
    label, commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(), at: new Date().toISOString().slice(0, 16),
    loadAvg: [loadAtStart, loadavg()[0]!], tracing, requests: result.requests, rps: result.rps, p50Ms: result.p50Ms, spans: collector.received, processes,
  };
  writeFileSync(join(TMP, `cpu-${label}.json`), JSON.stringify(run, null, 2));
  const before = process.env.BENCH_CPU_BEFORE ? JSON.parse(readFileSync(join(TMP, `cpu-${process.env.BENCH_CPU_BEFORE}.json`), 'utf8')) as CpuRun : undefined;
  const table = cpuTable(run, before);
  writeFileSync(join(TMP, `cpu-${label}.md`), table);
  // With a "before", the comparison is what RESULTS.md shows (report.ts includes this file).
  if (before) writeFileSync(join(ROOT, 'bench/CPU-PROFILE.md'), cpuProfilePage([table]));
  process.stdout.write(table);
  if (!process.env.BENCH_KEEP_PROFILES) rmSync(profileDir, { recursive: true, force: true });
  else process.stderr.write(`profiles kept in ${profileDir}\n`);
}

/** V8's profiles are timed by the monotonic clock in µs, the one process.hrtime reads (Linux: CLOCK_MONOTONIC). */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

const total = (b: Breakdown | undefined) => Object.values(b ?? {}).reduce((a, v) => a + v, 0);
const ms = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(2));

/** bench/CPU-PROFILE.md: what the table is, then the table. */
function cpuProfilePage(tables: string[]): string {
  return `<!-- Written by \`BENCH_CPU_BEFORE=<label> tsx bench/cpu-profile.ts <label>\` (bench/cpu-profile.ts); bench/report.ts puts it in RESULTS.md. -->
Each process of the graph (the gateway, the six subgraphs; the stand-ins left out) under the dashboard's load, run
under \`node --cpu-prof\`: its CPU time per request from /proc over the loaded window, divided among the places its
profile's samples fell in over that window (a library by its package, our code by its folder, \`node:*\` Node's own
modules, \`(garbage collector)\`; a built-in such as JSON.parse counted where it was called from). Two runs of
the same bench minutes or days apart on a shared machine: read each run's load average beside its figures. CPU time
per request grows with the machine's load (shared cores and caches, and the processes' own timers spread over fewer
requests): compare runs of similar load, and read where the time goes (the places' shares) rather than the totals.

${tables.join('\n')}`;
}

/** `tsx bench/cpu-profile.ts --page before:after …`: CPU-PROFILE.md from earlier runs' JSON, one table per pair. */
function writePage(pairs: string[]): void {
  const read = (name: string) => JSON.parse(readFileSync(join(TMP, `cpu-${name}.json`), 'utf8')) as CpuRun;
  const tables = pairs.map((pair) => {
    const [before, after] = pair.split(':');
    return cpuTable(read(after!), read(before!));
  });
  writeFileSync(join(ROOT, 'bench/CPU-PROFILE.md'), cpuProfilePage(tables));
}

/** Per process: its CPU ms per request, then the places that took most of it, beside an earlier run's if given. */
export function cpuTable(run: CpuRun, before?: CpuRun): string {
  const describe = (r: CpuRun) => `"${r.label}" (commit ${r.commit}, ${r.at} UTC, load average ${r.loadAvg.map((n) => n.toFixed(1)).join(' → ')}): ${r.requests} requests under load, ${r.rps.toFixed(1)} req/s, p50 ${Math.round(r.p50Ms)} ms, tracing ${r.tracing}${r.tracing === 'off' ? '' : ` (${r.spans} spans exported)`}`;
  const lines = [
    `Dashboard, company A. ${before ? `Before: ${describe(before)}. Now: ` : ''}${describe(run)}.`,
    '',
    `| process | CPU ms/request${before ? ' before → now' : ''} | where it goes (ms/request${before ? ', now' : ''}) |`,
    '|---|---:|---|',
  ];
  let sumNow = 0;
  let sumBefore = 0;
  for (const name of Object.keys(run.processes)) {
    const now = run.processes[name]!;
    sumNow += total(now);
    sumBefore += total(before?.processes[name]);
    const top = Object.entries(now).sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([k, v]) => `${k} ${ms(v)}`).join(', ');
    lines.push(`| ${name} | ${before ? `${ms(total(before.processes[name]))} → ` : ''}${ms(total(now))} | ${top} |`);
  }
  lines.push(`| **all** | ${before ? `${ms(sumBefore)} → ` : ''}${ms(sumNow)} | |`, '');
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    if (process.argv[2] === '--page') writePage(process.argv.slice(3));
    else await main();
  } catch (err) {
    console.error('cpu-profile failed:', err);
    process.exitCode = 1;
  }
}
