import type { ServerResponse } from 'node:http';

/**
 * The one shape of a refusal by the gateway's HTTP front (GraphQL, uploads, downloads): the GraphQL error format,
 * so a client reads every refusal the same way. `close`: the rest of the request body is not read, so the
 * connection cannot be reused.
 */
export function refuse(res: ServerResponse, status: number, code: string, message: string, close = false): void {
  if (close) res.setHeader('connection', 'close');
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
