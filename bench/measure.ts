import { loadavg } from 'node:os';
import { counters, faults, resetCounters, setFaults } from '../test/support/stack';
import { STAND_INS, type Stack, type StandInName } from '../stack/launch';
import type { Delays } from './floor';
import type { RunningGateway } from './gateways';
import { runLoad, type LoadResult } from './load';
import { cpuSecondsOf, sampleProcess, type ProcSummary } from './proc';
import type { LinePool, RequestContext, Scenario } from './scenarios';

/**
 * One scenario against one gateway: a short warm-up (query-plan cache, JWKS, grants cache), the loaded run with
 * the gateway's memory, CPU and the stand-ins' call counters, then a serial run for the unloaded latency.
 */
export interface GatewayRun {
  load: LoadResult;
  serial: LoadResult;
  proc: ProcSummary;
  /** The machine's 1-minute load average when the loaded run ended: how much else was running. */
  loadAvg1: number;
  /** Gateway CPU (all its processes) per completed request of the loaded run. */
  cpuMsPerRequest: number;
  /** CPU per completed request of every other process of the stack, and of this process (the load generator). */
  stackCpuMsPerRequest: Record<string, number>;
  /**
   * Legacy calls per request, per system and per operation, counted over the serial run: every one of its requests
   * has finished when the counters are read (a timed run stops with requests in flight).
   */
  legacyPerRequest: Record<StandInName, Record<string, number>>;
}

export interface RunSettings { durationS: number; serialRequests: number; runId: string; lines: LinePool }

const WARM_UP_REQUESTS = 5;
/** The scenario's request builder bound to this run's lines and id, as runLoad takes it. */
export function requestsOf(scenario: Scenario, settings: RunSettings) {
  return {
    nextBody: (context: RequestContext) => scenario.nextBody(context, settings.lines, settings.runId),
    done: (context: RequestContext, ok: boolean) => scenario.done?.(context, ok, settings.lines),
  };
}

export async function measure(stack: Stack, gateway: RunningGateway, scenario: Scenario, token: string, settings: RunSettings): Promise<GatewayRun> {
  const common = { url: gateway.url, token, ...requestsOf(scenario, settings) };
  await runLoad({ ...common, connections: 1, amount: WARM_UP_REQUESTS });

  const others = [...stack.components].filter(([name]) => name !== 'gateway');
  const cpuBefore = others.map(([, c]) => cpuSecondsOf(c.pid));
  const ownBefore = process.cpuUsage();
  const sampler = sampleProcess(gateway.pid);
  const load = await runLoad({ ...common, connections: scenario.connections, durationS: settings.durationS });
  const proc = sampler.stop();
  const loadAvg1 = loadavg()[0]!;
  const own = process.cpuUsage(ownBefore);
  const perRequestMs = (seconds: number) => (seconds * 1000) / Math.max(1, load.requests);
  const stackCpuMsPerRequest = Object.fromEntries([
    ...others.map(([name, c], i) => [name, perRequestMs(cpuSecondsOf(c.pid) - cpuBefore[i]!)]),
    ['load generator', perRequestMs((own.user + own.system) / 1e6)],
  ]);

  await drained(stack);
  await Promise.all(STAND_INS.map((s) => resetCounters(stack, s)));
  const serial = await runLoad({ ...common, connections: 1, amount: settings.serialRequests });
  const calls = await Promise.all(STAND_INS.map((s) => counters(stack, s)));
  const legacyPerRequest = Object.fromEntries(STAND_INS.map((s, i) => [s, perRequest(calls[i]!, serial.requests)])) as GatewayRun['legacyPerRequest'];
  return { load, serial, proc, loadAvg1, cpuMsPerRequest: perRequestMs(proc.cpuSeconds), stackCpuMsPerRequest, legacyPerRequest };
}

/**
 * Waits until the stand-ins' counters stop moving: a timed run stops with requests in flight, and their legacy
 * calls must not be counted against the next run. Bounded: 15 s at most.
 */
async function drained(stack: Stack): Promise<void> {
  const snapshot = async () => JSON.stringify(await Promise.all(STAND_INS.map((s) => counters(stack, s))));
  let last = await snapshot();
  for (let i = 0; i < 30; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await snapshot();
    if (now === last) return;
    last = now;
  }
}

function perRequest(calls: Record<string, number>, requests: number): Record<string, number> {
  return Object.fromEntries(Object.entries(calls).map(([op, n]) => [op, n / Math.max(1, requests)]));
}

/** The stand-ins' default delays as configured (read back, not assumed). */
export async function delaysOf(stack: Stack): Promise<Delays> {
  const tables = await Promise.all(STAND_INS.map((s) => faults(stack, s)));
  return Object.fromEntries(STAND_INS.map((s, i) => [s, {
    latencyMs: tables[i]!['*']?.latencyMs ?? 0,
    jitterMs: tables[i]!['*']?.jitterMs ?? 0,
  }])) as Delays;
}

/**
 * Checks a scenario's chain against the stand-ins: serial medians with every system at its mean latency and no
 * jitter, then with no latency at all. The difference is the legacy time a request waits for, as the stand-ins
 * see it; it should equal the chain's mean floor. The stand-ins are put back as they were, even on failure.
 */
export interface ChainProbe { noJitterP50Ms: number; zeroLatencyP50Ms: number; legacyWaitMs: number }

const PROBE_REQUESTS = 8;

export async function probeChain(stack: Stack, gateway: RunningGateway, scenario: Scenario, token: string, settings: RunSettings, delays: Delays): Promise<ChainProbe> {
  const serial = () => runLoad({ url: gateway.url, token, ...requestsOf(scenario, settings), connections: 1, amount: PROBE_REQUESTS });
  try {
    await Promise.all(STAND_INS.map((s) => setFaults(stack, s, { '*': { jitterMs: 0 } })));
    const noJitter = await serial();
    await Promise.all(STAND_INS.map((s) => setFaults(stack, s, { '*': { latencyMs: 0, jitterMs: 0 } })));
    const zero = await serial();
    return { noJitterP50Ms: noJitter.p50Ms, zeroLatencyP50Ms: zero.p50Ms, legacyWaitMs: noJitter.p50Ms - zero.p50Ms };
  } finally {
    await Promise.all(STAND_INS.map((s) => setFaults(stack, s, { '*': delays[s] })));
  }
}
