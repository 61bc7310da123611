import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { GraphError } from '../../adapters/errors';
import { logger } from '../../observability/logger';
import { currentRequestScope } from '../../observability/request-scope';
import { withTraceContext } from '../../observability/trace-context';

/**
 * The HTTP client of one subgraph: a keep-alive undici Pool (the gateway sends every operation's fetches to the
 * same few hosts, so reusing connections saves a handshake per fetch) with timeouts, so that a subgraph that
 * hangs fails its part of the query instead of holding the client's request forever.
 *
 * Requests go through the Pool's own `request` API rather than WHATWG `fetch`: the gateway reads a status, a
 * header and a JSON body, and fetch's Request/Response/stream machinery was the largest share of the gateway's CPU
 * per fetch (bench/RESULTS.md).
 */
export interface SubgraphFetcher { fetcher: Fetcher; close(): Promise<void> }

/** Loopback or LAN: a subgraph that does not accept a connection within this is down, not slow. */
const CONNECT_TIMEOUT_MS = 2_000;
const KEEP_ALIVE_MS = 30_000;

/**
 * A subgraph restarting (a rolling update) refuses with 503 while it drains, or accepts no connection between two
 * instances: the request was not taken in, so sending it again is safe, mutations included. Each retry opens a new
 * connection (the 503 closes its own), which behind a Service or a load balancer reaches another instance. After
 * the last attempt the client gets SERVICE_UNAVAILABLE, retryable, never INTERNAL.
 */
const RETRY_DELAYS_MS = [0, 100, 300, 600, 1000];
/** Errors of a connection that was never made: no byte of the request reached the subgraph. */
const NOT_CONNECTED: ReadonlySet<string> = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT']);

function unavailable(url: string, err: unknown): GraphError {
  const correlationId = currentRequestScope()?.correlationId ?? randomUUID();
  logger.warn({ url, correlationId, err }, 'subgraph unavailable');
  return new GraphError('SERVICE_UNAVAILABLE', 'Part of the service is not available right now; try again later.', { correlationId });
}

export function createSubgraphFetcher(url: string, timeoutMs: number): SubgraphFetcher {
  const pool = new Pool(new URL(url).origin, {
    connect: { timeout: Math.min(CONNECT_TIMEOUT_MS, timeoutMs) },
    keepAliveTimeout: KEEP_ALIVE_MS,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  /** One attempt: the response, or 'not served' when the subgraph certainly did not take the request in. */
  async function attempt(target: string, init: Parameters<Fetcher>[1]) {
    const { pathname, search } = new URL(target);
    try {
      const res = await pool.request({
        path: pathname + search,
        method: (init?.method ?? 'GET') as 'GET',
        headers: withTraceContext({ ...init?.headers }),
        body: init?.body,
        signal: init?.signal,
      });
      // A draining subgraph refuses before it reads the operation (stack/http/serve-graphql.ts): nothing was done.
      if (res.statusCode === 503) {
        await res.body.dump();
        return 'not served' as const;
      }
      return res;
    } catch (err) {
      if (NOT_CONNECTED.has((err as { code?: string }).code ?? '')) return 'not served' as const;
      throw err;
    }
  }

  return {
    async fetcher(target, init) {
      let res: Awaited<ReturnType<typeof attempt>> = 'not served';
      try {
        for (const delayMs of RETRY_DELAYS_MS) {
          if (delayMs > 0) await sleep(delayMs);
          res = await attempt(target, init);
          if (res !== 'not served') break;
        }
      } catch (err) {
        // Down, refused or silent past the timeout: the client gets a code it can retry on, the log the detail.
        throw unavailable(url, err);
      }
      if (res === 'not served') throw unavailable(url, 'draining or not accepting connections');
      const headers = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      const body = res.body.text();
      body.catch(() => {}); // a body nobody reads must not fail the process; readers still see the error
      return pooledResponse(target, res.statusCode, headers, body);
    },
    close: () => pool.close(),
  };
}

/** What the gateway reads of a response, over a body read once (clone() shares it). */
function pooledResponse(url: string, status: number, headers: Headers, body: Promise<string>): FetcherResponse {
  let bodyUsed = false;
  const read = () => {
    bodyUsed = true;
    return body;
  };
  return {
    url,
    status,
    headers,
    ok: status >= 200 && status < 300,
    statusText: STATUS_CODES[status] ?? '',
    redirected: false,
    get bodyUsed() { return bodyUsed; },
    text: read,
    json: async () => JSON.parse(await read()),
    arrayBuffer: async () => new TextEncoder().encode(await read()).buffer as ArrayBuffer,
    clone: () => pooledResponse(url, status, headers, body),
  };
}
