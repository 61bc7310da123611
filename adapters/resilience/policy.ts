import {
  BrokenCircuitError, BulkheadRejectedError, bulkhead, CircuitState, ExponentialBackoff, handleWhen, IsolatedCircuitError, retry, TaskCancelledError,
  timeout, TimeoutStrategy,
} from 'cockatiel';
import { GraphError, type LegacySystem } from '../errors';
import { createBreaker } from './breaker';
import type { LegacyLoad, LegacySystemHealth } from './health';
import type { ResilienceSettings } from './settings';

/** Reads may be sent again; a write is sent once (its idempotency is the caller's business, e.g. CRM's key). */
export type CallKind = 'read' | 'write';

/** The policy gave up on a call before or instead of the system answering; the message is for the log only. */
export class CallRefused extends Error {
  override name = 'CallRefused';
  constructor(readonly reason: 'timed out' | 'circuit open' | 'over capacity', detail: string) {
    super(`${reason}: ${detail}`);
  }
}

export interface LegacyPolicy {
  /** Runs `attempt` under the system's budget, retries (reads), breaker and cap; `attempt` must honour the signal. */
  run<T>(kind: CallKind, attempt: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** The breaker's state, the calls in flight and queued and the last failure, right now: for spans, metrics, health. */
  load(): LegacySystemHealth;
}

const BREAKER_STATES: Record<CircuitState, LegacyLoad['breaker']> = {
  [CircuitState.Closed]: 'closed', [CircuitState.HalfOpen]: 'half_open', [CircuitState.Open]: 'open', [CircuitState.Isolated]: 'isolated',
};

/** What counts against the system: it did not answer usefully. A business refusal or "not found" is an answer. */
const isFailure = (err: Error) =>
  (err instanceof GraphError && err.extensions.code === 'LEGACY_UNAVAILABLE') || (err instanceof CallRefused && err.reason === 'timed out');

/**
 * One system's policy, outermost first: cap on calls in flight → budget of the whole call → retries (reads only,
 * exponential backoff) → circuit breaker (counts every attempt) → timeout of one attempt. All from cockatiel.
 */
export function createLegacyPolicy(system: LegacySystem, s: ResilienceSettings): LegacyPolicy {
  const cap = bulkhead(s.maxInFlight, s.maxQueued);
  const budget = timeout(s.callBudgetMs, TimeoutStrategy.Aggressive);
  const readRetry = retry(handleWhen(isFailure), {
    maxAttempts: s.readAttempts - 1,
    backoff: new ExponentialBackoff({ initialDelay: s.retryBackoffMs, maxDelay: s.retryBackoffMs * 8 }),
  });
  const breaker = createBreaker(system, s.breaker, isFailure);
  const attemptTimeout = timeout(s.attemptTimeoutMs, TimeoutStrategy.Aggressive);
  let lastFailureAt: string | null = null;
  const load = (): LegacySystemHealth => ({
    breaker: BREAKER_STATES[breaker.state],
    inFlight: s.maxInFlight - cap.executionSlots,
    queued: s.maxQueued - cap.queueSlots,
    lastFailureAt,
  });

  async function oneAttempt<T>(attempt: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    try {
      return await breaker.execute(() => attemptTimeout.execute((ctx) => attempt(ctx.signal), signal), signal);
    } catch (caught) {
      const err = refusalOf(caught, signal);
      if (err instanceof Error && isFailure(err)) lastFailureAt = new Date().toISOString();
      throw err;
    }
  }

  function refusalOf(err: unknown, signal: AbortSignal): unknown {
    if (err instanceof TaskCancelledError && !signal.aborted) return new CallRefused('timed out', `attempt over ${s.attemptTimeoutMs} ms`);
    if (err instanceof BrokenCircuitError || err instanceof IsolatedCircuitError) return new CallRefused('circuit open', `${system} breaker is open`);
    return err;
  }

  return {
    async run(kind, attempt) {
      try {
        return await cap.execute(() => budget.execute(({ signal }) => (kind === 'read'
          ? readRetry.execute(({ signal: retrySignal }) => oneAttempt(attempt, retrySignal), signal)
          : oneAttempt(attempt, signal))));
      } catch (err) {
        if (err instanceof TaskCancelledError) throw new CallRefused('timed out', `call over its budget of ${s.callBudgetMs} ms`);
        if (err instanceof BulkheadRejectedError) throw new CallRefused('over capacity', `${s.maxInFlight} calls in flight, ${s.maxQueued} queued`);
        throw err;
      }
    },
    load,
  };
}
