import { GATEWAY_ENTRY, type GatewayKind } from '../gateways';
import { GATEWAY_ONLY_KINDS, type GatewayOnlyResult, type GatewayOnlyRun } from './run-gateway-only';

/**
 * RESULTS.md's section and goal for the gateway-only benchmark (run-gateway-only.ts). Every figure is measured:
 * req/s is what the load generator got answered; a scenario's figure for a gateway is the mean of its rounds.
 */
export const GATEWAY_ONLY_GOAL = 1.5;

const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

interface Summary { rps: number; p50Ms: number; p99Ms: number; ok: number; answered: number; failed: number; cpuMsPerRequest: number; rssPeakMb: number; roundsRps: number[] }

function summary(runs: GatewayOnlyRun[]): Summary {
  return {
    rps: mean(runs.map((r) => r.load.rps)),
    p50Ms: mean(runs.map((r) => r.load.p50Ms)),
    p99Ms: mean(runs.map((r) => r.load.p99Ms)),
    ok: runs.reduce((s, r) => s + r.load.ok, 0),
    answered: runs.reduce((s, r) => s + r.load.requests, 0),
    failed: runs.reduce((s, r) => s + r.load.failed, 0),
    cpuMsPerRequest: mean(runs.map((r) => r.cpuMsPerRequest)),
    rssPeakMb: Math.max(...runs.map((r) => r.rssPeakMb)),
    roundsRps: runs.map((r) => r.load.rps),
  };
}

function summaries(result: GatewayOnlyResult, scenario: string): Record<GatewayKind, Summary> {
  return Object.fromEntries(GATEWAY_ONLY_KINDS.map((kind) => [kind, summary(result.runs.filter((r) => r.kind === kind && r.scenario === scenario))])) as Record<GatewayKind, Summary>;
}

export function gatewayOnlySection(result: GatewayOnlyResult): string[] {
  const rows = result.scenarios.flatMap((s) => {
    const by = summaries(result, s.id);
    return GATEWAY_ONLY_KINDS.map((kind) => {
      const x = by[kind];
      return `| ${s.title} | ${GATEWAY_ENTRY[kind].label} | ${fixed(x.rps, 1)} (${x.roundsRps.map((n) => fixed(n, 0)).join(', ')}) | ${fixed(x.p50Ms, 1)} | ${fixed(x.p99Ms, 1)} | ${x.ok}/${x.answered} | ${fixed(x.cpuMsPerRequest, 2)} | ${fixed(x.rssPeakMb)} |`;
    });
  });
  const ratios = result.scenarios.map((s) => {
    const by = summaries(result, s.id);
    return `| ${s.title} | ${fixed(by.apollo.rps / by.hive.rps, 2)}× | ${fixed(by.apollo.rps / by['hive-rust'].rps, 2)}× | ${fixed(by.hive.p99Ms, 0)} / ${fixed(by.apollo.p99Ms, 0)} / ${fixed(by['hive-rust'].p99Ms, 0)} |`;
  });
  return ['## Gateway only: the subgraphs replayed from memory (issue 24)', '',
    `As in The Guild's federation benchmark, the gateways alone load the cores: each gateway first ran the dashboard scenarios through a recording proxy in front of the real subgraphs (its own query plan's fetches, ${result.recordedFetches} distinct fetches recorded, ${result.recordingConflicts} recorded twice with another answer), then the six subgraphs were replaced by one replay server (bench/gateway-only/replay-server.ts) that answers every fetch from memory, keyed on the subgraph, the normalised query and the variables, and refuses any other (${result.refused} refused in the measured runs). Auth is the same work for all three: the bearer token verified against the IdP's JWKS, the grants from CRM through the same cache, \`x-gateway-identity\` signed for the subgraph fetches. One worker each, ${result.connections} connections, ${result.durationS} s per run after a 30-request warm-up, ${result.rounds} round(s), the order rotating from one scenario and round to the next. req/s is measured (answered without errors ÷ seconds), the mean of the rounds (each round in brackets); p50 and p99 under that load are means of the rounds. The load generator (autocannon) and the replay server share the 2 cores with the gateway under test: absolute figures are this machine's, ratios the result.`, '',
    '| scenario | gateway | req/s (rounds) | p50 ms | p99 ms | ok / answered | gateway CPU ms/req | RSS peak MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows, '',
    '| scenario | req/s ours ÷ Hive Gateway | req/s ours ÷ Hive Gateway + Rust planner | p99 ms Hive / ours / Hive + Rust |',
    '|---|---:|---:|---:|',
    ...ratios, '',
    ...(result.profile ? [
      `Where our gateway's CPU goes (${result.scenarios[0]!.title}, a run apart under \`--cpu-prof\`, ${result.profile.requests} requests; self time by place, the top ${result.profile.shares.length}, idle left out):`, '',
      '| place | share of CPU |', '|---|---:|',
      ...result.profile.shares.map((x) => `| ${x.place} | ${(x.share * 100).toFixed(1)} % |`), '',
    ] : []),
  ];
}

export function gatewayOnlyGoal(result: GatewayOnlyResult): string {
  const parts = result.scenarios.map((s) => {
    const by = summaries(result, s.id);
    return { title: s.title, hive: by.apollo.rps / by.hive.rps, rust: by.apollo.rps / by['hive-rust'].rps };
  });
  const met = parts.every((p) => p.hive >= GATEWAY_ONLY_GOAL) && result.refused === 0;
  return `Gateway only, measured: ≥ ${GATEWAY_ONLY_GOAL}× Hive Gateway's req/s: ${met ? '**met**' : '**not met**'} (${parts.map((p) => `${p.title}: ${p.hive.toFixed(2)}× Hive Gateway, ${p.rust.toFixed(2)}× Hive Gateway + Rust planner`).join('; ')}${result.refused ? `; ${result.refused} fetches the replay could not answer` : ''}).`;
}
