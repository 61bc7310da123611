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

type Env = Record<string, string | undefined>;

/**
 * Settings from the environment: `LEGACY_<SETTING>` for every system, `<SYSTEM>_<SETTING>` (CRM_, EBILL_, EBPFA_)
 * for one, e.g. `EBILL_ATTEMPT_TIMEOUT_MS=800`. A malformed value stops the process at start.
 */
export function resilienceFromEnv(system: LegacySystem, env: Env = process.env): ResilienceSettings {
  const d = DEFAULT_RESILIENCE;
  const read = (name: string, fallback: number, isRate = false): number => {
    for (const key of [`${system.toUpperCase()}_${name}`, `LEGACY_${name}`]) {
      const raw = env[key];
      if (raw === undefined || raw === '') continue;
      const n = Number(raw);
      const valid = isRate ? n > 0 && n < 1 : Number.isInteger(n) && n >= 1;
      if (!valid) throw new Error(`${key} must be ${isRate ? 'a rate in (0, 1)' : 'an integer ≥ 1'}, got "${raw}"`);
      return n;
    }
    return fallback;
  };
  return {
    attemptTimeoutMs: read('ATTEMPT_TIMEOUT_MS', d.attemptTimeoutMs),
    callBudgetMs: read('CALL_BUDGET_MS', d.callBudgetMs),
    readAttempts: read('READ_ATTEMPTS', d.readAttempts),
    retryBackoffMs: read('RETRY_BACKOFF_MS', d.retryBackoffMs),
    breaker: {
      consecutiveFailures: read('BREAKER_CONSECUTIVE_FAILURES', d.breaker.consecutiveFailures),
      errorRate: read('BREAKER_ERROR_RATE', d.breaker.errorRate, true),
      windowMs: read('BREAKER_WINDOW_MS', d.breaker.windowMs),
      minimumCalls: read('BREAKER_MINIMUM_CALLS', d.breaker.minimumCalls),
      halfOpenAfterMs: read('BREAKER_HALF_OPEN_AFTER_MS', d.breaker.halfOpenAfterMs),
    },
    maxInFlight: read('MAX_IN_FLIGHT', d.maxInFlight),
    maxQueued: read('MAX_QUEUED', d.maxQueued),
  };
}
