import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { refuse } from './refuse';

/**
 * The gateway's HTTP front: Apollo Server's standalone server without its 50 MB body allowance. A body over
 * `maxBodyBytes` is refused with 413 before it is read further (or parsed); JSON that does not parse is a 400.
 * Everything else, CSRF prevention and the refusal of batches included, is Apollo Server's.
 */
export interface GraphQLHttpServer { url: string; close(): Promise<void> }

/** An endpoint of the gateway other than GraphQL (uploads, downloads): it reads the request itself. */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export async function serveGraphQL<C extends BaseContext>(server: ApolloServer<C>, opts: {
  host: string; port: number; maxBodyBytes: number; context: (req: IncomingMessage) => Promise<C>;
  /** By first path segment, e.g. `/uploads` serves `/uploads` and `/uploads/…`; every other path is GraphQL. */
  routes?: Record<string, HttpRoute>;
}): Promise<GraphQLHttpServer> {
  const httpServer = createServer((req, res) => {
    void handle(req, res).catch((err) => {
      process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'gateway http handler failed', error: String(err) })}\n`);
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', 'Internal error.');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const segment = /^\/[^/?]*/.exec(req.url ?? '/')?.[0] ?? '/';
    const route = opts.routes && Object.hasOwn(opts.routes, segment) ? opts.routes[segment] : undefined;
    if (route) return route(req, res);
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
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: new URL(req.url ?? '/', 'http://gateway').search, body: parsed },
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

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${opts.host}:${port}/`,
    close: () => new Promise<void>((resolve) => {
      httpServer.close(() => resolve());
      httpServer.closeAllConnections();
    }),
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
