import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { Pool } from 'undici';
import { GraphError } from '../../adapters/errors';
import { logger } from '../../observability/logger';
import { currentRequestScope } from '../../observability/request-scope';

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

export function createSubgraphFetcher(url: string, timeoutMs: number): SubgraphFetcher {
  const pool = new Pool(new URL(url).origin, {
    connect: { timeout: Math.min(CONNECT_TIMEOUT_MS, timeoutMs) },
    keepAliveTimeout: KEEP_ALIVE_MS,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  return {
    async fetcher(target, init) {
      const { pathname, search } = new URL(target);
      let res: Awaited<ReturnType<typeof pool.request>>;
      try {
        res = await pool.request({
          path: pathname + search,
          method: (init?.method ?? 'GET') as 'GET',
          headers: init?.headers,
          body: init?.body,
          signal: init?.signal,
        });
      } catch (err) {
        // Down, refused or silent past the timeout: the client gets a code it can retry on, the log the detail.
        const correlationId = currentRequestScope()?.correlationId ?? randomUUID();
        logger.warn({ url, correlationId, err }, 'subgraph unavailable');
        throw new GraphError('SERVICE_UNAVAILABLE', 'Part of the service is not available right now; try again later.', { correlationId });
      }
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
