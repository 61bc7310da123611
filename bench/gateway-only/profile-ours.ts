import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectFile } from '../../stack/artefact';
import type { Stack } from '../../stack/launch';
import { startGateway } from '../gateways';
import { runLoad } from '../load';

/**
 * What dominates our gateway's CPU in the gateway-only setting: our gateway started once more under
 * `--cpu-prof`, loaded like the measured runs, stopped (the profile is written at exit), and its self time over
 * the loaded window grouped by place: a library by its package, our code by its folder, V8's own by its name
 * (garbage collector, program). A run apart from the measured ones: the profiler's own cost is not in their figures.
 */
interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; endTime: number; samples: number[]; timeDeltas: number[] }

export interface OursProfile { requests: number; shares: { place: string; share: number }[] }

const ROOT = projectFile('.');
const TOP = 10;

function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const parts = url.replace(/^file:\/\//, '').replace(ROOT, '').replace(/^\//, '').split('/');
  return parts.slice(0, parts[0] === 'gateway' || parts[0] === 'subgraphs' ? 2 : 1).join('/');
}

/** Self-time shares per place over the last `fromEndUs`…`toEndUs` before the profile's end; idle left out. */
function sharesOf(profile: CpuProfile, fromEndUs: number, toEndUs: number): { place: string; share: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // A built-in without a script (JSON.parse, a RegExp) counts where it was called from.
  const place = (id: number): string => {
    const { url, functionName } = byId.get(id)!.callFrame;
    const up = parent.get(id);
    return !url && !functionName.startsWith('(') && up !== undefined ? place(up) : placeOf(url, functionName);
  };
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const totals = new Map<string, number>();
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const beforeEnd = total - t;
    if (beforeEnd > fromEndUs || beforeEnd < toEndUs) continue;
    const where = place(profile.samples[i]!);
    if (where !== '(idle)') totals.set(where, (totals.get(where) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const sum = [...totals.values()].reduce((a, b) => a + b, 0) || 1;
  return [...totals].map(([p, v]) => ({ place: p, share: v / sum })).sort((a, b) => b.share - a.share).slice(0, TOP);
}

export async function profileOurs(stack: Stack, identitySecret: string, subgraphUrls: Record<string, string>,
  load: { token: string; connections: number; durationS: number; nextBody: () => string }): Promise<OursProfile> {
  const dir = mkdtempSync(join(projectFile('bench/.tmp'), 'cpuprof-'));
  try {
    const gateway = await startGateway('apollo', stack, identitySecret, 1, {
      SUBGRAPH_URLS: JSON.stringify(subgraphUrls),
      NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir} --cpu-prof-interval=500`,
    });
    let run;
    let window: [number, number];
    try {
      await runLoad({ url: gateway.url, token: load.token, connections: 4, amount: 30, nextBody: load.nextBody });
      const started = performance.now();
      run = await runLoad({ url: gateway.url, token: load.token, connections: load.connections, durationS: load.durationS, nextBody: load.nextBody });
      const ended = performance.now();
      await gateway.stop();
      const stopped = performance.now();
      window = [(stopped - started) * 1000, (stopped - ended) * 1000];
    } finally {
      await gateway.stop();
    }
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('gateway-only: our gateway wrote no CPU profile');
    return { requests: run.requests, shares: sharesOf(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, ...window) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
