import { randomUUID } from 'node:crypto';
import { Pool, type Dispatcher } from 'undici';
import { legacyUnavailable, type LegacySystem } from './errors';

/**
 * The one HTTP client setup for every legacy system: a keep-alive undici Pool with connect, headers and body
 * timeouts. Tests and benchmarks may inject their own dispatcher; production code never builds a Pool elsewhere.
 */
export interface LegacyEndpoint {
  system: LegacySystem;
  /** Origin plus optional base path, e.g. `http://crm.internal:8080`. */
  url: string;
  /** Extra headers on every call (credentials). */
  headers?: Record<string, string>;
  connections?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  dispatcher?: Dispatcher;
}

export interface LegacyResponse { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; correlationId: string }

export interface LegacyHttp {
  readonly system: LegacySystem;
  request(opts: { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string | Buffer; operation: string }): Promise<LegacyResponse>;
  close(): Promise<void>;
}

export function createLegacyHttp(endpoint: LegacyEndpoint): LegacyHttp {
  const origin = new URL(endpoint.url);
  const basePath = origin.pathname.replace(/\/$/, '');
  const dispatcher = endpoint.dispatcher ?? new Pool(origin.origin, {
    connections: endpoint.connections ?? 32,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    connectTimeout: endpoint.connectTimeoutMs ?? 2_000,
    headersTimeout: endpoint.headersTimeoutMs ?? 5_000,
    bodyTimeout: endpoint.bodyTimeoutMs ?? 5_000,
  });

  return {
    system: endpoint.system,
    async request({ method, path, headers, body, operation }) {
      const correlationId = randomUUID();
      try {
        const res = await dispatcher.request({
          origin: origin.origin,
          method,
          path: basePath + path,
          headers: { ...endpoint.headers, ...headers, 'x-correlation-id': correlationId },
          body,
        });
        const bytes = Buffer.from(await res.body.arrayBuffer());
        return { status: res.statusCode, headers: res.headers, body: bytes, correlationId };
      } catch (err) {
        // Transport failure (refused, reset, timed out): the system is unavailable, whatever undici says.
        logLegacyFailure(endpoint.system, operation, correlationId, err);
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
