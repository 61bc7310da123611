import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { logger } from '../../observability/logger';
import { refuse } from './refuse';
import { answerProbe, type HealthProbe } from './probes';
import { admitGraphQLRequest, type AdmitRequest } from './admit';

/**
 * The HTTP front of the gateway and of every subgraph: Apollo Server's `executeHTTPGraphQLRequest` behind
 * node:http, with what Apollo's standalone server lacks:
 * - a body over `maxBodyBytes` is refused with 413 before it is read further (or parsed); JSON that does not
 *   parse is a 400;
 * - `/health`, `/health?details` and `/readiness` (probes.ts);
 * - a drain for SIGTERM: readiness turns 503 and, after a settable delay (SHUTDOWN_DELAY_MS) during which requests
 *   are still served, new requests are refused with 503, requests in flight finish (up to a grace period), then the
 *   listener closes.
 * - `otherRoutes`: what is not GraphQL on the same port (the gateway's CORS and IDE);
 * - `metrics` (`GET /metrics`) and `/health?details`: on the same port, or with `opsPort` on a port of their own, so
 *   that the public port does not expose them (the main port then answers `/health` and `/readiness` only).
 * Everything else, CSRF prevention and the refusal of batches included, is Apollo Server's.
 */
export interface GraphQLHttpServer {
  url: string;
  /** Where `/metrics` and `/health?details` are served when `opsPort` was given. */
  opsUrl?: string;
  /**
   * Turns readiness 503 and keeps serving for `delayMs` (the time a load balancer takes to stop routing here, matching
   * a Kubernetes preStop), then stops taking requests and resolves once those in flight have finished or `graceMs`
   * has passed.
   */
  drain(graceMs: number, delayMs?: number): Promise<void>;
}

/** An endpoint other than GraphQL (uploads, downloads): it reads the request itself. */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface ServeGraphQLOptions<C> {
  host: string;
  port: number;
  maxBodyBytes: number;
  context: (req: IncomingMessage) => Promise<C>;
  health: HealthProbe;
  /** Answers what is not GraphQL on the same port (CORS, the IDE); true when it did. */
  otherRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** `GET /metrics`; true when it answered. */
  metrics?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /**
   * The operators' port (`OPS_PORT`, 0: one the OS picks) for `/metrics` and `/health?details`; unset: the main port;
   * `primary`: a cluster's primary serves them for every worker (stack/cluster.ts), this process not at all.
   */
  opsPort?: number | 'primary';
  /** By first path segment, e.g. `/uploads` serves `/uploads` and `/uploads/…`; every other path is GraphQL. */
  routes?: Record<string, HttpRoute>;
  /** Runs around each GraphQL request (its request scope, its access line); `serve` answers it. */
  aroundRequest?: (req: IncomingMessage, res: ServerResponse, serve: () => Promise<void>) => Promise<void>;
  /** Looks at each GraphQL request before Apollo Server parses it (the gateway's trusted documents). */
  admit?: AdmitRequest;
  /** Runs each GraphQL request (not routes) when it may, body still unread (the gateway's admission control). */
  admission?: (res: ServerResponse, serve: () => Promise<void>) => Promise<void>;
}

export async function serveGraphQL<C extends BaseContext>(server: ApolloServer<C>, opts: ServeGraphQLOptions<C>): Promise<GraphQLHttpServer> {
  /** Readiness 503 (from SIGTERM on); `draining` follows after the delay: new requests refused. */
  let leaving = false;
  let draining = false;
  let inFlight = 0;
  let lastFinished: () => void = () => {};
  const around = opts.aroundRequest ?? ((_req, _res, serve) => serve());

  const separateOps = opts.opsPort !== undefined;
  const httpServer = createServer((req, res) => {
    if (answerProbe(req, res, opts.health, leaving, { details: !separateOps })) return;
    if (!separateOps && opts.metrics?.(req, res)) return;
    if (opts.otherRoutes?.(req, res)) return;
    if (draining) return refuse(res, 503, 'SERVICE_UNAVAILABLE', 'The service is restarting; try again.', true);
    inFlight++;
    res.once('close', () => {
      if (--inFlight === 0) lastFinished();
    });
    void around(req, res, () => handle(req, res)).catch((err) => {
      logger.error({ err }, 'http handler failed');
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', 'Internal error.');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const segment = /^\/[^/?]*/.exec(req.url ?? '/')?.[0] ?? '/';
    const route = opts.routes && Object.hasOwn(opts.routes, segment) ? opts.routes[segment] : undefined;
    // Routes run in the request scope `around` made, like GraphQL requests: correlation id, access line, drain.
    if (route) return route(req, res);
    return opts.admission ? opts.admission(res, () => serveOne(req, res)) : serveOne(req, res);
  }

  async function serveOne(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, opts.maxBodyBytes);
    if (body === 'too large') return refuse(res, 413, 'BAD_REQUEST', `The request body exceeds ${opts.maxBodyBytes} bytes.`, true);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let parsed: unknown;
    if (body.length > 0 && /^application\/json/i.test(req.headers['content-type'] ?? '')) {
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return refuse(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
      }
    }
    const method = (req.method ?? 'GET').toUpperCase();
    let search = new URL(req.url ?? '/', 'http://gateway').search;
    if (opts.admit) {
      const admitted = await admitGraphQLRequest(opts.admit, req, method, parsed, search);
      if (!admitted.ok) return refuse(res, admitted.status, admitted.code, admitted.message);
      ({ body: parsed, search } = admitted);
    }
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search, body: parsed },
      context: () => opts.context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  // Probes, details and metrics only; it drains with nothing (a scrape may come until the process exits).
  const opsServer = typeof opts.opsPort === 'number'
    ? createServer((req, res) => {
      if (answerProbe(req, res, opts.health, leaving, { details: true }) || opts.metrics?.(req, res)) return;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Operators\' port: /metrics, /health, /health?details, /readiness.');
    })
    : null;
  const listen = (server: typeof httpServer, port: number) => new Promise<string>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, opts.host, () => resolve(`http://${opts.host}:${(server.address() as AddressInfo).port}/`));
  });
  const url = await listen(httpServer, opts.port);
  const opsUrl = opsServer ? await listen(opsServer, opts.opsPort as number) : undefined;
  return {
    url,
    opsUrl,
    async drain(graceMs, delayMs = 0) {
      leaving = true;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      draining = true;
      httpServer.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs);
          lastFinished = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      if (inFlight > 0) logger.warn({ inFlight, graceMs }, 'drain: grace period over, closing requests still in flight');
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      opsServer?.close();
      opsServer?.closeAllConnections();
    },
  };
}

/** The body, or 'too large' as soon as it is known to be (declared length or bytes received). */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer | 'too large'> {
  if (Number(req.headers['content-length'] ?? 0) > max) return 'too large';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return 'too large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
