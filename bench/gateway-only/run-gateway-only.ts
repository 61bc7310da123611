import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { projectFile } from '../../stack/artefact';
import { spawnEntryPoint, type Stack } from '../../stack/launch';
import { stopChild } from '../../stack/stop-child';
import { SUBGRAPH_NAMES } from '../../subgraphs/runtime/sdl';
import { startGateway, type GatewayKind, type RunningGateway } from '../gateways';
import { runLoad, type LoadResult } from '../load';
import { sampleProcess } from '../proc';
import { bodiesOf, type Scenario } from '../scenarios';
import { profileOurs, type OursProfile } from './profile-ours';
import { startRecorder } from './recorder';

/**
 * Issue 24 item 3, after The Guild's federation benchmark: the gateways alone on the cores. First every gateway
 * under test runs the dashboard scenarios through a recording proxy in front of the real subgraphs (each gateway
 * records its own plan's fetches); then the six subgraphs are replaced by one replay server answering from those
 * recordings, and the three gateways are loaded in turn, the order rotating from one round to the next. Same
 * workers, same auth work (the bearer token verified against the IdP's JWKS, the grants from CRM through the
 * same 30 s cache, the identity signed for every fetch), the same load generator.
 */
export const GATEWAY_ONLY_KINDS: GatewayKind[] = ['apollo', 'hive', 'hive-rust'];

export interface GatewayOnlyRun {
  kind: GatewayKind;
  scenario: string;
  round: number;
  load: LoadResult;
  cpuMsPerRequest: number;
  rssPeakMb: number;
  loadAvg1: number;
}

export interface GatewayOnlyResult {
  connections: number;
  durationS: number;
  rounds: number;
  recordedFetches: number;
  /** Fetches recorded twice with different answers (the replay keeps the first). */
  recordingConflicts: number;
  /** Fetches the replay server could not answer during the measured runs (each is a failed request). */
  refused: number;
  scenarios: { id: string; title: string }[];
  runs: GatewayOnlyRun[];
  /** Where our gateway's CPU goes on the first scenario, from a profiled run apart (profile-ours.ts). */
  profile?: OursProfile;
}

export interface GatewayOnlyOptions {
  stack: Stack;
  identitySecret: string;
  token(user: string): Promise<string>;
  scenarios: readonly Scenario[];
  connections: number;
  durationS: number;
  rounds: number;
  log(message: string): void;
}

const RECORD_SERIAL = 3;
const RECORD_CONCURRENT = 4;
const WARM_UP = 30;

/** Everything it starts is stopped before it returns or throws; a crash of the bench kills the children on exit. */
export async function gatewayOnly(opts: GatewayOnlyOptions): Promise<GatewayOnlyResult> {
  const stops: (() => Promise<void>)[] = [];
  try {
    return await measureGatewaysAlone(opts, (stop) => stops.push(stop));
  } finally {
    while (stops.length) await stops.pop()!().catch((err) => opts.log(`gateway-only: a stop failed: ${err}`));
  }
}

async function measureGatewaysAlone(opts: GatewayOnlyOptions, onStop: (stop: () => Promise<void>) => void): Promise<GatewayOnlyResult> {
  const { stack, identitySecret, scenarios, log } = opts;
  const realUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, stack.components.get(name)!.url]));
  const bodyOf = (scenario: Scenario) => bodiesOf(scenario, 'gateway-only');

  const recorder = await startRecorder(realUrls);
  onStop(() => recorder.close());
  for (const kind of GATEWAY_ONLY_KINDS) {
    const gateway = await startGateway(kind, stack, identitySecret, 1, { SUBGRAPH_URLS: JSON.stringify(recorder.urls) });
    try {
      for (const scenario of scenarios) {
        log(`gateway-only: recording ${scenario.id} through ${kind}`);
        const token = await opts.token(scenario.user);
        for (const [connections, amount] of [[1, RECORD_SERIAL], [4, RECORD_CONCURRENT]] as const) {
          const run = await runLoad({ url: gateway.url, token, connections, amount, nextBody: bodyOf(scenario) });
          if (run.failed) throw new Error(`gateway-only: recording ${scenario.id} through ${kind} failed: ${run.firstFailure}`);
        }
      }
    } finally {
      await gateway.stop();
    }
  }
  const recordings = recorder.recordings();
  if (recorder.conflicts()) log(`gateway-only: ${recorder.conflicts()} fetches answered otherwise than when first recorded; the first:\n${recorder.firstConflict()}`);
  const file = projectFile(`bench/.tmp/replay-${process.pid}.json`);
  mkdirSync(projectFile('bench/.tmp'), { recursive: true });
  writeFileSync(file, JSON.stringify(recordings));
  if (process.env.BENCH_KEEP_RECORDINGS) writeFileSync(projectFile('bench/.tmp/recordings.json'), JSON.stringify(recordings, null, 1));
  onStop(async () => rmSync(file, { force: true }));
  await recorder.close();

  const replay = await spawnEntryPoint({
    name: 'replay', entryPoint: 'bench/gateway-only/replay-server.ts',
    env: { ...process.env, RECORDINGS: file, HOST: '127.0.0.1', PORT: '0' }, readyTimeoutMs: 60_000, forwardLogs: true,
  });
  const killReplay = () => replay.child.kill('SIGKILL');
  process.on('exit', killReplay);
  onStop(async () => {
    process.off('exit', killReplay);
    await stopChild(replay.child);
  });
  const replayUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `${replay.ready.url}/${name}`]));
  const gateways = {} as Record<GatewayKind, RunningGateway>;
  for (const kind of GATEWAY_ONLY_KINDS) {
    gateways[kind] = await startGateway(kind, stack, identitySecret, 1, { SUBGRAPH_URLS: JSON.stringify(replayUrls) });
    onStop(() => gateways[kind].stop());
  }

  const runs: GatewayOnlyRun[] = [];
  for (let round = 0; round < opts.rounds; round++) {
    for (const [i, scenario] of scenarios.entries()) {
      const token = await opts.token(scenario.user);
      // Who goes first rotates with every scenario and round: a drift of the shared machine favours no gateway.
      const shift = (round * scenarios.length + i) % GATEWAY_ONLY_KINDS.length;
      const order = [...GATEWAY_ONLY_KINDS.slice(shift), ...GATEWAY_ONLY_KINDS.slice(0, shift)];
      for (const kind of order) {
        const gateway = gateways[kind];
        log(`gateway-only: ${scenario.id} → ${kind} (${opts.connections} connections, ${opts.durationS} s, round ${round + 1})`);
        await runLoad({ url: gateway.url, token, connections: 4, amount: WARM_UP, nextBody: bodyOf(scenario) });
        const sampler = sampleProcess(gateway.pid);
        const load = await runLoad({ url: gateway.url, token, connections: opts.connections, durationS: opts.durationS, nextBody: bodyOf(scenario) });
        const proc = sampler.stop();
        runs.push({
          kind, scenario: scenario.id, round, load, loadAvg1: loadavg()[0]!,
          cpuMsPerRequest: (proc.cpuSeconds * 1000) / Math.max(1, load.requests), rssPeakMb: proc.rssPeakMb,
        });
      }
    }
  }
  const [first] = scenarios;
  log(`gateway-only: CPU profile of our gateway on ${first!.id}`);
  const profile = await profileOurs(stack, identitySecret, replayUrls, {
    token: await opts.token(first!.user), connections: opts.connections, durationS: opts.durationS, nextBody: bodyOf(first!),
  });
  const stats = await (await fetch(`${replay.ready.url}/stats`)).json() as { refused: number };
  return {
    connections: opts.connections, durationS: opts.durationS, rounds: opts.rounds,
    recordedFetches: Object.keys(recordings).length, recordingConflicts: recorder.conflicts(), refused: stats.refused,
    scenarios: scenarios.map((s) => ({ id: s.id, title: s.title })), runs, profile,
  };
}
