import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { currentRequestScope } from '../observability/request-scope';
import { legacyCallDuration, metricsEnabled } from '../observability/metrics';
import { GraphError, type LegacySystem } from './errors';
import type { LegacyLoad } from './resilience/health';

/**
 * What an operator sees of legacy calls: one span per attempt (the stand-in's counters count attempts, and a
 * trace must show each retry), the request's tally of calls (README "Legacy calls per operation") and the duration
 * histogram per call. Nothing here carries the ids sent (phone numbers, customer codes): only their count.
 */
const tracer = trace.getTracer('onegraph-adapters');

export interface AttemptInfo {
  system: LegacySystem;
  operation: string;
  /** Ids in this call (1 for a search or a single lookup). */
  batchSize: number;
  /** 1 for the first attempt, 2 for the first retry… */
  attempt: number;
  breaker: LegacyLoad['breaker'];
}

/** Runs one attempt inside its span and counts it on the request being served, whatever its outcome. */
export function observedAttempt<T>(info: AttemptInfo, attempt: () => Promise<T>): Promise<T> {
  countOnRequest(info.system, info.operation);
  return tracer.startActiveSpan(`${info.system} ${info.operation}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'legacy.system': info.system,
      'legacy.operation': info.operation,
      'legacy.batch_size': info.batchSize,
      'legacy.attempt': info.attempt,
      'legacy.breaker_state': info.breaker,
    },
  }, async (span) => {
    try {
      return await attempt();
    } catch (err) {
      // The code only: a message may carry legacy text, which stays in the log.
      span.setStatus({ code: SpanStatusCode.ERROR, message: errorCode(err) });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** Records one whole call (retries included) in the duration histogram. */
export function recordCall(system: LegacySystem, operation: string, startedAt: number, error?: unknown): void {
  if (!metricsEnabled) return;
  const outcome = error === undefined ? 'ok' : errorCode(error) === 'LEGACY_UNAVAILABLE' ? 'unavailable' : 'rejected';
  legacyCallDuration.observe({ system, operation, outcome }, (performance.now() - startedAt) / 1000);
}

function countOnRequest(system: LegacySystem, operation: string): void {
  const scope = currentRequestScope();
  if (!scope) return;
  const calls = (scope.legacyCalls[system] ??= {});
  calls[operation] = (calls[operation] ?? 0) + 1;
}

const errorCode = (err: unknown): string => (err instanceof GraphError ? String(err.extensions.code) : 'LEGACY_UNAVAILABLE');
