import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { projectFile } from '../stack/artefact';
import { launchStack, type ComponentName } from '../stack/launch';
import { LEGACY_TODAY } from '../test/support/stack';
import { cpuSecondsOf, rssMb } from './proc';

/**
 * Issue 23: how long the whole embedded stack takes from launch to the gateway's READY, from the sources under tsx
 * (what `npm start` and the tests run) and from the build (`node dist/…`, what production runs), and each process's
 * RSS once ready. Part of `npm run bench` (BENCH_SKIP_STARTUP=1 leaves it out); `npm run bench:startup` runs only
 * this and rewrites only its section of bench/RESULTS.md.
 */
export interface StartupRun {
  side: 'sources (tsx)' | 'build (dist/)';
  readyMs: number;
  /** RSS in MB of each process right after the stack is ready. */
  rssMb: Partial<Record<ComponentName, number>>;
  /**
   * CPU seconds every process spent until the stack was ready, summed: what the start costs whatever else runs
   * (the machine is shared, so the wall time above also measures the neighbours).
   */
  cpuSeconds: number;
  loadAvg1: number;
}

const SIDES: { side: StartupRun['side']; built: boolean }[] = [{ side: 'sources (tsx)', built: false }, { side: 'build (dist/)', built: true }];
/** The issue's goal for the built stack on this machine. */
export const STARTUP_GOAL_MS = 10_000;

export async function measureStartup(): Promise<StartupRun[]> {
  execFileSync(process.execPath, ['--import', 'tsx', 'stack/build.ts'], { stdio: 'inherit' });
  const tmp = projectFile('bench/.tmp');
  mkdirSync(tmp, { recursive: true });
  const runs: StartupRun[] = [];
  for (const { side, built } of SIDES) {
    const dataDir = mkdtempSync(join(tmp, 'startup-'));
    const loadAvg1 = loadavg()[0];
    const started = performance.now();
    const stack = await launchStack({ dataDir, built, forwardLogs: false, env: { LEGACY_TODAY, LATENCY_MS: '0', JITTER_MS: '0' } });
    const readyMs = performance.now() - started;
    const rss = Object.fromEntries([...stack.components].map(([name, info]) => [name, Math.round(rssMb([info.pid]))]));
    const cpuSeconds = [...stack.components.values()].reduce((sum, info) => sum + cpuSecondsOf(info.pid), 0);
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
    runs.push({ side, readyMs: Math.round(readyMs), rssMb: rss, cpuSeconds, loadAvg1 });
  }
  return runs;
}

export const STARTUP_HEADING = '## Start-up: sources and build';

export function startupSection(runs: StartupRun[]): string[] {
  const names = Object.keys(runs[0]?.rssMb ?? {}) as ComponentName[];
  const built = runs.find((r) => r.side === 'build (dist/)');
  return [STARTUP_HEADING, '',
    'From launch to the gateway\'s READY for the whole embedded stack (five stand-ins, six subgraphs, the gateway; stack/launch.ts), then each process\'s RSS right after: the same launcher, from the sources under tsx and from `npm run build`\'s dist/.', '',
    `| side | ready in ms | CPU s of all processes | load avg (1 min) before | ${names.join(' | ')} |`,
    `| --- | --- | --- | --- | ${names.map(() => '---').join(' | ')} |`,
    ...runs.map((r) => `| ${r.side} | ${r.readyMs} | ${r.cpuSeconds.toFixed(1)} | ${r.loadAvg1.toFixed(2)} | ${names.map((n) => `${r.rssMb[n]} MB`).join(' | ')} |`), '',
    ...(built ? [`- Built stack ready in ≤ ${STARTUP_GOAL_MS / 1000} s: ${built.readyMs <= STARTUP_GOAL_MS ? '**met**' : '**not met**'} (${built.readyMs} ms with a load average of ${built.loadAvg1.toFixed(1)} on ${availableParallelism()} cores; its processes needed ${built.cpuSeconds.toFixed(1)} CPU s in all, ${(built.cpuSeconds / availableParallelism()).toFixed(1)} s of wall time on ${availableParallelism()} idle cores).`, ''] : []),
  ];
}

/** The goals the start-up decides, for RESULTS.md's Goals: the built stack's start, and the gateway's RSS once started. */
export function startupGoal(runs: StartupRun[]): string | null {
  const built = runs.find((r) => r.side === 'build (dist/)');
  const sources = runs.find((r) => r.side === 'sources (tsx)');
  if (!built) return null;
  const gatewayRss = built.rssMb.gateway ?? NaN;
  return `Built stack ready in ≤ ${STARTUP_GOAL_MS / 1000} s: ${built.readyMs <= STARTUP_GOAL_MS ? '**met**' : '**not met**'} (${built.readyMs} ms from dist/ with a load average of ${built.loadAvg1.toFixed(1)}${sources ? `; from the sources under tsx ${sources.readyMs} ms` : ''}); the built gateway's RSS once ready ≤ 250 MB: ${gatewayRss <= 250 ? '**met**' : '**not met**'} (${gatewayRss} MB; each subgraph's in the start-up table).`;
}

/** Puts the section in place of its previous version in RESULTS.md (or at the end). */
function rewriteSection(runs: StartupRun[]): void {
  const file = projectFile('bench/RESULTS.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(STARTUP_HEADING);
  const end = start < 0 ? -1 : text.indexOf('\n## ', start + STARTUP_HEADING.length);
  const section = startupSection(runs).join('\n');
  const updated = start < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, start)}${section}${end < 0 ? '' : text.slice(end)}`;
  writeFileSync(file, updated);
}

if (process.argv[1] && projectFile(process.argv[1]) === projectFile('bench/startup.ts')) {
  const runs = await measureStartup();
  rewriteSection(runs);
  process.stderr.write(`${startupSection(runs).join('\n')}\n`);
}
