import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { randomUUID } from 'node:crypto';
import { fetch, Pool } from 'undici';
import { GraphError } from '../../adapters/errors';
import { log } from '../../stack/process';

/**
 * The HTTP client of one subgraph: a keep-alive undici Pool (the gateway sends every operation's fetches to the
 * same few hosts, so reusing connections saves a handshake per fetch) with timeouts, so that a subgraph that
 * hangs fails its part of the query instead of holding the client's request forever.
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
    // undici's Response implements what the gateway reads of a response (status, headers, text/json).
    fetcher: async (target, init) => {
      try {
        return (await fetch(target, { ...init, dispatcher: pool })) as unknown as FetcherResponse;
      } catch (err) {
        // Down, refused or silent past the timeout: the client gets a code it can retry on, the log the detail.
        const correlationId = randomUUID();
        log({ level: 'warn', msg: 'subgraph unavailable', url, correlationId, error: String(err) });
        throw new GraphError('SERVICE_UNAVAILABLE', 'Part of the service is not available right now; try again later.', { correlationId });
      }
    },
    close: () => pool.close(),
  };
}
