import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Pool, type Dispatcher } from 'undici';
import { legacyUnavailable, type LegacySystem } from './errors';
import { CallRefused, createLegacyPolicy, type CallKind, type LegacyPolicy } from './resilience/policy';
import { resilienceFromEnv, type ResilienceSettings } from './resilience/settings';

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
  /** Default: from the environment (`resilienceFromEnv`). */
  resilience?: ResilienceSettings;
}

export interface LegacyRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** A stream is sent as it comes (an upload); only a write may carry one, as a stream cannot be sent twice. */
  body?: string | Buffer | Readable;
  operation: string;
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
  const resilience = endpoint.resilience ?? resilienceFromEnv(endpoint.system);
  const policy: LegacyPolicy = createLegacyPolicy(endpoint.system, resilience);
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

  async function request({ method, path, headers, body, operation }: LegacyRequest, signal?: AbortSignal, correlationId = randomUUID()) {
    try {
      const res = await dispatcher.request({
        origin: origin.origin,
        method,
        path: basePath + path,
        headers: { ...endpoint.headers, ...headers, 'x-correlation-id': correlationId },
        body,
        signal,
      });
      const bytes = Buffer.from(await res.body.arrayBuffer());
      return { status: res.statusCode, headers: res.headers, body: bytes, correlationId };
    } catch (err) {
      // Transport failure (refused, reset, timed out, aborted): the system is unavailable, whatever undici says.
      logLegacyFailure(endpoint.system, operation, correlationId, err);
      throw legacyUnavailable(endpoint.system, correlationId);
    }
  }

  return {
    system: endpoint.system,
    request,
    async call({ kind, ...req }, read) {
      // One id for every attempt of the call: the stand-in's and our logs join on it.
      const correlationId = randomUUID();
      try {
        return await policy.run(kind, async (signal) => read(await request(req, signal, correlationId)));
      } catch (err) {
        if (!(err instanceof CallRefused)) throw err;
        logLegacyFailure(endpoint.system, req.operation, correlationId, err);
        throw legacyUnavailable(endpoint.system, correlationId);
      }
    },
    async close() {
      if (!endpoint.dispatcher) await dispatcher.close();
    },
  };
}

/** Legacy detail stays in the server log, keyed by the correlation id the client sees. */
export function logLegacyFailure(system: LegacySystem, operation: string, correlationId: string, detail: unknown): void {
  const text = detail instanceof Error ? `${detail.name}: ${detail.message}` : String(detail);
  process.stderr.write(`${JSON.stringify({ level: 'warn', system, operation, correlationId, detail: text.slice(0, 500) })}\n`);
}
