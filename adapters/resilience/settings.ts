import { expect, variable, type VariableShape } from '../../stack/settings/define';
import type { LegacySystem } from '../errors';

/**
 * How much one legacy system may cost the graph, per process (each subgraph and the gateway hold their own):
 * README "When a legacy system fails" explains the numbers.
 */
export interface ResilienceSettings {
  /** One attempt (connect, send, answer, body) is abandoned after this. */
  attemptTimeoutMs: number;
  /** The whole call, retries and backoff included, is abandoned after this. */
  callBudgetMs: number;
  /** Attempts of a read (1 = no retry). Writes are always sent once. */
  readAttempts: number;
  /** First backoff between read attempts; it doubles, with jitter. */
  retryBackoffMs: number;
  breaker: {
    /** Opens after this many failed attempts in a row... */
    consecutiveFailures: number;
    /** ...or when at least this share of the attempts of the last `windowMs` failed... */
    errorRate: number;
    windowMs: number;
    /** ...provided there were at least this many attempts in the window (a quiet hour is not an outage). */
    minimumCalls: number;
    /** Open this long, then one probe call (half-open): success closes, failure opens again. */
    halfOpenAfterMs: number;
  };
  /** Calls in flight to the system from this process; more wait in a queue of `maxQueued`, beyond it fail fast. */
  maxInFlight: number;
  maxQueued: number;
}

export const DEFAULT_RESILIENCE: ResilienceSettings = {
  attemptTimeoutMs: 1_200,
  callBudgetMs: 3_000,
  readAttempts: 2,
  retryBackoffMs: 100,
  breaker: { consecutiveFailures: 5, errorRate: 0.5, windowMs: 10_000, minimumCalls: 10, halfOpenAfterMs: 5_000 },
  maxInFlight: 32,
  maxQueued: 256,
};

/** Legacy systems the processes call through LegacyHttp, with the prefix of their own variables. */
export const RESILIENT_SYSTEMS = { CRM: 'CRM', eBill: 'EBILL', EBPFA: 'EBPFA', Payments: 'PAYMENTS' } as const;
export type ResilientSystem = keyof typeof RESILIENT_SYSTEMS;

const d = DEFAULT_RESILIENCE;
/**
 * Each setting once: its variable suffix, what it means, where its value goes. `LEGACY_<SUFFIX>` sets it for every
 * system, `<SYSTEM>_<SUFFIX>` (CRM_, EBILL_, EBPFA_, PAYMENTS_) for one, e.g. `EBILL_ATTEMPT_TIMEOUT_MS=800`.
 */
export const RESILIENCE_SETTINGS = {
  ATTEMPT_TIMEOUT_MS: { fallback: d.attemptTimeoutMs, meaning: 'one attempt (connect, answer, body) is abandoned after this' },
  CALL_BUDGET_MS: { fallback: d.callBudgetMs, meaning: 'the whole call, retries and backoff included, is abandoned after this' },
  READ_ATTEMPTS: { fallback: d.readAttempts, meaning: 'attempts of a read, with exponential backoff (writes: always 1)' },
  RETRY_BACKOFF_MS: { fallback: d.retryBackoffMs, meaning: 'first backoff between read attempts; it doubles, with jitter' },
  BREAKER_CONSECUTIVE_FAILURES: { fallback: d.breaker.consecutiveFailures, meaning: 'the breaker opens after this many failed attempts in a row…' },
  BREAKER_ERROR_RATE: { fallback: d.breaker.errorRate, meaning: '…or when at least this share of the attempts of the window failed…' },
  BREAKER_WINDOW_MS: { fallback: d.breaker.windowMs, meaning: '…over this window…' },
  BREAKER_MINIMUM_CALLS: { fallback: d.breaker.minimumCalls, meaning: '…provided it saw at least this many attempts' },
  BREAKER_HALF_OPEN_AFTER_MS: { fallback: d.breaker.halfOpenAfterMs, meaning: 'an open breaker lets one probe through after this: its success closes the breaker, its failure reopens it' },
  MAX_IN_FLIGHT: { fallback: d.maxInFlight, meaning: 'calls in flight to the system from this process; more wait in the queue' },
  MAX_QUEUED: { fallback: d.maxQueued, meaning: 'calls waiting for a slot; beyond this, LEGACY_UNAVAILABLE at once' },
} as const;
type Suffix = keyof typeof RESILIENCE_SETTINGS;
const SUFFIXES = Object.keys(RESILIENCE_SETTINGS) as Suffix[];

const schemaOf = (suffix: Suffix) => (suffix === 'BREAKER_ERROR_RATE' ? expect.rate() : expect.integer(1)).optional();

/** Every resilience variable, for the settings module of each process that calls legacy systems. */
export const RESILIENCE_VARIABLES: VariableShape = Object.fromEntries(SUFFIXES.flatMap((suffix) => {
  const { fallback, meaning } = RESILIENCE_SETTINGS[suffix];
  return [
    [`LEGACY_${suffix}`, variable(schemaOf(suffix), { meaning, shownDefault: String(fallback) })],
    ...Object.entries(RESILIENT_SYSTEMS).map(([system, prefix]) =>
      [`${prefix}_${suffix}`, variable(schemaOf(suffix), { meaning: `as \`LEGACY_${suffix}\`, for ${system} only` })]),
  ];
}));

type Values = Record<string, unknown>;

/** One system's settings from validated variables: its own variable first, then LEGACY_, then the default. */
export function resilienceOf(system: ResilientSystem, values: Values): ResilienceSettings {
  const read = (suffix: Suffix): number =>
    (values[`${RESILIENT_SYSTEMS[system]}_${suffix}`] ?? values[`LEGACY_${suffix}`] ?? RESILIENCE_SETTINGS[suffix].fallback) as number;
  return {
    attemptTimeoutMs: read('ATTEMPT_TIMEOUT_MS'),
    callBudgetMs: read('CALL_BUDGET_MS'),
    readAttempts: read('READ_ATTEMPTS'),
    retryBackoffMs: read('RETRY_BACKOFF_MS'),
    breaker: {
      consecutiveFailures: read('BREAKER_CONSECUTIVE_FAILURES'),
      errorRate: read('BREAKER_ERROR_RATE'),
      windowMs: read('BREAKER_WINDOW_MS'),
      minimumCalls: read('BREAKER_MINIMUM_CALLS'),
      halfOpenAfterMs: read('BREAKER_HALF_OPEN_AFTER_MS'),
    },
    maxInFlight: read('MAX_IN_FLIGHT'),
    maxQueued: read('MAX_QUEUED'),
  };
}
