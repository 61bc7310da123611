import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Pool, type Dispatcher } from 'undici';
import { CORRELATION_HEADER } from '../observability/correlation-id';
import { logger } from '../observability/logger';
import { currentRequestScope } from '../observability/request-scope';
import { withTraceContext } from '../observability/trace-context';
import { observedAttempt, recordCall } from './call-telemetry';
import { legacyUnavailable, type LegacySystem } from './errors';
import { watchLegacySystem } from './resilience/health';
import { CallRefused, createLegacyPolicy, type CallKind, type LegacyPolicy } from './resilience/policy';
import { DEFAULT_RESILIENCE, type ResilienceSettings } from './resilience/settings';

/**
 * The one HTTP client setup for every legacy system: a keep-alive undici Pool, and around each call the system's
 * resilience policy (adapters/resilience: time budget, retries for reads, circuit breaker, cap on calls in flight).
 * Tests and benchmarks may inject their own dispatcher; production code never builds a Pool elsewhere.
 */
export interface LegacyEndpoint {
  system: LegacySystem;
  /** Origin plus optional base path, e.g. `http://crm.internal:8080`. */
  url: string;
  /** Extra headers on every call (credentials). */
  headers?: Record<string, string>;
  connections?: number;
  dispatcher?: Dispatcher;
  /** The process's settings for this system (its settings module reads them); default: DEFAULT_RESILIENCE. */
  resilience?: ResilienceSettings;
}

export interface LegacyRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  /** A stream is sent as it comes (an upload); only a write may carry one, as a stream cannot be sent twice. */
  body?: string | Buffer | Readable;
  operation: string;
  /** Ids sent in this call, for its span (default 1: a search or a single lookup). */
  batchSize?: number;
}

export interface LegacyResponse { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; correlationId: string }

export interface LegacyHttp {
  readonly system: LegacySystem;
  /**
   * One call as the graph needs it: the request and the reading of its answer (`read` throws GraphErrors), under
   * the system's policy. A read that fails with LEGACY_UNAVAILABLE is attempted again; a write never is.
   */
  call<T>(request: LegacyRequest & { kind: CallKind }, read: (res: LegacyResponse) => T): Promise<T>;
  /** One bare attempt, no policy: for tests of the wire format. */
  request(request: LegacyRequest, signal?: AbortSignal, correlationId?: string): Promise<LegacyResponse>;
  close(): Promise<void>;
}

export function createLegacyHttp(endpoint: LegacyEndpoint): LegacyHttp {
  const origin = new URL(endpoint.url);
  const basePath = origin.pathname.replace(/\/$/, '');
  const resilience = endpoint.resilience ?? DEFAULT_RESILIENCE;
  const policy: LegacyPolicy = createLegacyPolicy(endpoint.system, resilience);
  const unwatch = watchLegacySystem(endpoint.system, policy.load);
  // Undici's own timeouts are a backstop; the policy's attempt timeout (which aborts the request) comes first.
  const backstopMs = resilience.callBudgetMs + 1_000;
  const dispatcher = endpoint.dispatcher ?? new Pool(origin.origin, {
    connections: endpoint.connections ?? resilience.maxInFlight,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    connectTimeout: Math.min(2_000, resilience.attemptTimeoutMs),
    headersTimeout: backstopMs,
    bodyTimeout: backstopMs,
  });

  async function request({ method, path, headers, body, operation }: Omit<LegacyRequest, 'batchSize'>, signal?: AbortSignal, correlationId = requestCorrelationId()) {
    const started = performance.now();
    try {
      const res = await dispatcher.request({
        origin: origin.origin,
        method,
        path: basePath + path,
        headers: withTraceContext({ ...endpoint.headers, ...headers, [CORRELATION_HEADER]: correlationId }),
        body,
        signal,
      });
      const bytes = Buffer.from(await res.body.arrayBuffer());
      // Inside a request its own line carries the tally of its legacy calls (one info line per request per process,
      // issue 24): each call's line is debug there, info only for calls outside a request (a background refresh).
      logger[currentRequestScope() ? 'debug' : 'info']({ system: endpoint.system, operation, status: res.statusCode, durationMs: Math.round(performance.now() - started), correlationId }, 'legacy call');
      return { status: res.statusCode, headers: res.headers, body: bytes, correlationId };
    } catch (err) {
      // A stream body that failed on our side (an upload cut off over its limit, a client gone) is not the system
      // failing: its own error goes up, and the breaker does not count it.
      if (body instanceof Readable && body.errored) throw body.errored;
      // Transport failure (refused, reset, timed out, aborted): the system is unavailable, whatever undici says.
      logLegacyFailure(endpoint.system, operation, correlationId, err);
      throw legacyUnavailable(endpoint.system, correlationId);
    }
  }

  return {
    system: endpoint.system,
    request,
    async call({ kind, batchSize = 1, ...req }, read) {
      // The request's id on every attempt of the call: the stand-in's log lines join the graph's on it.
      const correlationId = requestCorrelationId();
      const startedAt = performance.now();
      let attempt = 0;
      try {
        const answer = await policy.run(kind, (signal) => observedAttempt(
          { system: endpoint.system, operation: req.operation, batchSize, attempt: ++attempt, breaker: policy.load().breaker },
          async () => read(await request(req, signal, correlationId)),
        ));
        recordCall(endpoint.system, req.operation, startedAt);
        return answer;
      } catch (err) {
        const failure = err instanceof CallRefused ? legacyUnavailable(endpoint.system, correlationId) : err;
        if (err instanceof CallRefused) logLegacyFailure(endpoint.system, req.operation, correlationId, err);
        recordCall(endpoint.system, req.operation, startedAt, failure);
        throw failure;
      }
    },
    async close() {
      unwatch();
      if (!endpoint.dispatcher) await dispatcher.close();
    },
  };
}

/** The id of the GraphQL request being served; a call outside any request (start-up) gets one of its own. */
const requestCorrelationId = () => currentRequestScope()?.correlationId ?? randomUUID();

/** Legacy detail stays in the server log, keyed by the correlation id the client sees. */
export function logLegacyFailure(system: LegacySystem, operation: string, correlationId: string, detail: unknown): void {
  const text = detail instanceof Error ? `${detail.name}: ${detail.message}` : String(detail);
  logger.warn({ system, operation, correlationId, detail: text.slice(0, 500) }, 'legacy call failed');
}
