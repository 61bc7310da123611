import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchStack, type Stack } from '../stack/launch';
import { SUBGRAPH_NAMES } from '../subgraphs/runtime/sdl';
import { graphql, LEGACY_TODAY, tokenFor } from '../test/support/stack';
import { describeChain, floorOf } from './floor';
import { compareObservability } from './observability';
import { startGateway, type GatewayKind, type RunningGateway } from './gateways';
import { delaysOf, measure, probeChain, type RunSettings } from './measure';
import { inventoryGoal, writeReport, type BenchResults, type ScenarioResult } from './report';
import { measureStartup } from './startup';
import { gatewayOnly } from './gateway-only/run-gateway-only';
import { loadLadder } from './ladder';
import { soak } from './soak';
import { ENTE, LARGE_CUSTOMERS, NO_LINES, POLICY_SCENARIO, SCENARIOS, type LinePool, type LineSlot, type Scenario } from './scenarios';

/**
 * `npm run bench`: the graph's stack at the stand-ins' default latencies, our gateway and Hive Gateway started
 * side by side over the same subgraphs, every scenario against both, then cluster mode and issue 3's policy cost;
 * bench/RESULTS.md is written from what was measured. Every run is bounded (BENCH_DURATION_S per scenario and
 * gateway); every process is stopped at the end, on failure and on Ctrl-C too.
 *
 * Env: BENCH_DURATION_S (10), BENCH_SERIAL_REQUESTS (25), BENCH_WORKERS (1: workers of each gateway in the main
 * runs), BENCH_CLUSTER_WORKERS (cores: workers in the cluster comparison, 0 skips it), BENCH_SKIP_POLICY=1,
 * BENCH_SKIP_OBSERVABILITY=1 (issues 8 and 24's tracing-and-metrics off / production default / full comparison, bench/observability.ts),
 * BENCH_BASELINE (a results JSON of an earlier run, for before/after), BENCH_SAVE (where to keep this run's JSON),
 * BENCH_SKIP_STARTUP=1 (issue 23's start-up from the sources and from the build, bench/startup.ts),
 * BENCH_LOGS=1 (forward every process's log), BENCH_SCENARIOS (ids, comma-separated: run only these scenarios, on
 * both gateways, and nothing else; RESULTS.md is left alone, the figures go to bench/.tmp/results-selected.json and
 * the goals they decide to the log).
 * Issue 24 (bench/gateway-only/, ladder.ts, soak.ts): BENCH_SKIP_GATEWAY_ONLY=1, BENCH_GATEWAY_ONLY_CONNECTIONS (20),
 * BENCH_GATEWAY_ONLY_ROUNDS (2: runs of each gateway and scenario, the order rotating), BENCH_SKIP_LADDER=1,
 * BENCH_LADDER_S (seconds per step of the ladder: 30, at least BENCH_DURATION_S), BENCH_SOAK_S (600; 0 leaves the
 * soak out). A short run: BENCH_DURATION_S=3 BENCH_LADDER_S=10 BENCH_SOAK_S=60 BENCH_SKIP_STARTUP=1.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TMP = join(ROOT, 'bench/.tmp');
const env = process.env;
const durationS = positive('BENCH_DURATION_S', 10);
const serialRequests = positive('BENCH_SERIAL_REQUESTS', 25);
const workers = positive('BENCH_WORKERS', 1);
const clusterWorkers = env.BENCH_CLUSTER_WORKERS === undefined ? availableParallelism() : Number(env.BENCH_CLUSTER_WORKERS);
const KINDS: GatewayKind[] = ['apollo', 'hive'];
// Issue 24's parts (their own files); 0 seconds of soak leaves it out.
const gatewayOnlyConnections = positive('BENCH_GATEWAY_ONLY_CONNECTIONS', 20);
const gatewayOnlyRounds = positive('BENCH_GATEWAY_ONLY_ROUNDS', 2);
const ladderS = Math.max(durationS, positive('BENCH_LADDER_S', 30));
const soakS = env.BENCH_SOAK_S === '0' ? 0 : positive('BENCH_SOAK_S', 600);
const selected = selectedScenarios(env.BENCH_SCENARIOS);

/** Every scenario, or the ones BENCH_SCENARIOS names (an unknown id is refused before anything starts). */
function selectedScenarios(ids: string | undefined): readonly Scenario[] | null {
  if (!ids) return null;
  const wanted = ids.split(',').map((id) => id.trim()).filter(Boolean);
  const unknown = wanted.filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length || wanted.length === 0) throw new Error(`BENCH_SCENARIOS: unknown ${unknown.join(', ') || '(none given)'}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  return SCENARIOS.filter((s) => wanted.includes(s.id));
}

function positive(name: string, fallback: number): number {
  const n = env[name] ? Number(env[name]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
  return n;
}

/** Everything to stop, newest first, whatever happens. */
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  while (cleanups.length) await cleanups.pop()!().catch((err) => console.error('bench: cleanup failed', err));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}
// An exception thrown inside autocannon's callbacks escapes the awaited run: stop everything all the same.
process.once('uncaughtException', (err) => {
  console.error('bench failed:', err);
  void cleanUp().finally(() => process.exit(1));
});

function log(message: string) {
  process.stderr.write(`bench ${new Date().toISOString().slice(11, 19)} │ ${message}\n`);
}

async function startStack(policyLayer: 'shield' | 'off', identitySecret: string, extraEnv: Record<string, string | undefined> = {}): Promise<Stack> {
  mkdirSync(TMP, { recursive: true });
  const dataDir = mkdtempSync(join(TMP, 'data-'));
  log(`starting the stack (POLICY_LAYER=${policyLayer}, ${LARGE_CUSTOMERS} lines generated${Object.keys(extraEnv).length ? `, ${JSON.stringify(extraEnv)}` : ''})`);
  const stack = await launchStack({
    dataDir,
    forwardLogs: Boolean(env.BENCH_LOGS),
    readyTimeoutMs: 120_000,
    // Default latencies (LATENCY_MS/JITTER_MS unset): the floor is the point. The clock is pinned like the tests'.
    env: { LATENCY_MS: undefined, JITTER_MS: undefined, LEGACY_TODAY, LARGE_CUSTOMERS, GATEWAY_IDENTITY_SECRET: identitySecret, ...extraEnv },
    // Issue 3's switch for the subgraphs' policy layer; subgraphs that do not know it ignore it.
    componentEnv: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, { POLICY_LAYER: policyLayer }])),
  });
  cleanups.push(async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return stack;
}

async function startGateways(stack: Stack, identitySecret: string, count: number, kinds = KINDS,
  extraEnv: Record<string, string | undefined> = {}): Promise<Record<GatewayKind, RunningGateway>> {
  const started = {} as Record<GatewayKind, RunningGateway>;
  for (const kind of kinds) {
    started[kind] = await startGateway(kind, stack, identitySecret, count, extraEnv);
    cleanups.push(() => started[kind].stop());
  }
  return started;
}

async function stopNewest(n: number) {
  for (let i = 0; i < n; i++) await cleanups.pop()!();
}

/** ACTIVE lines of the Ente for the mutation. */
async function activeLines(stack: Stack, gatewayUrl: string, token: string): Promise<LinePool> {
  const { body } = await graphql({ gatewayUrl }, '{ mobileLines(first: 100, offset: 5000) { nodes { number status } } }', {}, token);
  const pool: string[] = (body.data?.mobileLines?.nodes ?? []).filter((l: { status: string }) => l.status === 'ACTIVE').map((l: { number: string }) => l.number);
  if (pool.length < 30) throw new Error(`only ${pool.length} ACTIVE lines found for the mutation: ${JSON.stringify(body.errors ?? body)}`);
  const free: LineSlot[] = pool.map((number) => ({ number, blocked: false }));
  return {
    take() {
      const slot = free.shift();
      if (!slot) throw new Error('the mutation ran out of lines whose state is known');
      return slot;
    },
    give: (slot) => void free.push(slot),
  };
}


async function main() {
  const startedAt = new Date();
  const loadAvgStart = loadavg();
  const identitySecret = randomBytes(32).toString('base64url');
  const runId = startedAt.getTime().toString(36);
  const results: BenchResults = {
    startedAt: startedAt.toISOString(), finishedAt: '', loadAvgStart, loadAvgEnd: [],
    settings: { durationS, serialRequests, workers, clusterWorkers },
    delays: undefined!, scenarios: [],
  };

  // First, on a machine the bench has not loaded yet; a selection of scenarios leaves it out.
  if (!env.BENCH_SKIP_STARTUP && !selected) {
    log('start-up from the sources and from the build');
    results.startup = await measureStartup();
  }
  const stack = await startStack('shield', identitySecret);
  results.delays = await delaysOf(stack);
  const gateways = await startGateways(stack, identitySecret, workers);
  const tokens = new Map<string, string>();
  const token = async (user: string) => tokens.get(user) ?? tokens.set(user, await tokenFor(stack, user)).get(user)!;
  const scenarios = selected ?? SCENARIOS;
  const settings: RunSettings = {
    durationS, serialRequests, runId,
    // Only the mutation takes lines; a selection without it does not look them up.
    lines: scenarios.some((s) => s.id === 'block-unblock') ? await activeLines(stack, gateways.apollo.url, await token(ENTE.user)) : NO_LINES,
  };

  const run = async (scenario: Scenario, targets: Record<GatewayKind, RunningGateway>, kinds = KINDS): Promise<ScenarioResult> => {
    const result: ScenarioResult = {
      id: scenario.id, title: scenario.title, description: scenario.description, user: scenario.user,
      connections: scenario.connections, chain: describeChain(scenario.chain), floor: floorOf(scenario.chain, results.delays), runs: {},
    };
    for (const kind of kinds) {
      log(`${scenario.id} → ${kind} (${scenario.connections} connections, ${durationS} s, then ${serialRequests} serial)`);
      result.runs[kind] = await measure(stack, targets[kind], scenario, await token(scenario.user), settings);
    }
    return result;
  };

  for (const [i, scenario] of scenarios.entries()) {
    // Which gateway goes first alternates, so that a change of load on the shared machine favours neither.
    const result = await run(scenario, gateways, i % 2 === 0 ? KINDS : [...KINDS].reverse());
    log(`${scenario.id} → chain probe`);
    result.probe = await probeChain(stack, gateways.apollo, scenario, await token(scenario.user), settings, results.delays);
    results.scenarios.push(result);
  }

  if (selected) {
    await cleanUp();
    results.finishedAt = new Date().toISOString();
    const json = join(TMP, 'results-selected.json');
    writeFileSync(json, JSON.stringify(results, null, 2));
    const goal = inventoryGoal(results);
    log(`wrote ${json}${goal ? `\n${goal}` : ''}`);
    return;
  }

  // Issue 24: the gateways alone (the subgraphs replayed from memory), then the whole stack as work grows and over time.
  const dashboard = SCENARIOS.find((s) => s.id === 'dashboard-a')!;
  if (!env.BENCH_SKIP_GATEWAY_ONLY) {
    results.gatewayOnly = await gatewayOnly({
      stack, identitySecret, token, log, connections: gatewayOnlyConnections, durationS, rounds: gatewayOnlyRounds,
      scenarios: SCENARIOS.filter((s) => s.id.startsWith('dashboard-')),
    });
  }
  if (!env.BENCH_SKIP_LADDER) results.ladder = await loadLadder(stack, gateways.apollo, dashboard, await token(dashboard.user), ladderS, log);
  if (soakS) results.soak = await soak(stack, gateways.apollo, dashboard, await token(dashboard.user), soakS, log);

  if (!env.BENCH_SKIP_POLICY) {
    results.policy = { shield: await run(POLICY_SCENARIO, gateways, ['apollo']) };
  }

  if (clusterWorkers > 1) {
    await stopNewest(KINDS.length);
    const clustered = await startGateways(stack, identitySecret, clusterWorkers);
    results.cluster = await run(SCENARIOS[0]!, clustered);
  }
  await cleanUp();

  if (results.policy) {
    const offStack = await startStack('off', identitySecret);
    const offGateways = await startGateways(offStack, identitySecret, workers);
    tokens.clear();
    const offToken = await tokenFor(offStack, POLICY_SCENARIO.user);
    log(`${POLICY_SCENARIO.id} → apollo with POLICY_LAYER=off`);
    results.policy.off = await measure(offStack, offGateways.apollo, POLICY_SCENARIO, offToken, settings);
    await cleanUp();
  }

  if (!env.BENCH_SKIP_OBSERVABILITY) {
    // Three stacks at once, loaded in turns (bench/observability.ts); stopped by cleanUp like every other stack.
    results.observability = await compareObservability((sideEnv) => startStack('shield', identitySecret, sideEnv), settings, 3, log);
    await cleanUp();
  }

  results.loadAvgEnd = loadavg();
  results.finishedAt = new Date().toISOString();
  const written = writeReport(results);
  log(`wrote ${written.join(', ')}`);
}

try {
  await main();
} catch (err) {
  console.error('bench failed:', err);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
