import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { logger } from '../../observability/logger';
import { httpRefusals, metricsEnabled } from '../../observability/metrics';
import { currentRequestScope } from '../../observability/request-scope';

/**
 * The one shape of a refusal by the gateway's HTTP front (GraphQL, uploads, downloads, a draining process): the
 * GraphQL error format, so a client reads every refusal the same way, with the `correlationId` every error carries.
 * Inside a request scope it is the request's, found on its log lines; outside one (a refusal while draining) a new
 * one, also sent as `x-correlation-id`. Every refusal is counted (`onegraph_http_refusals_total{code,status}`) and
 * logged at info with its code and status, never the request's content. `close`: the rest of the request body is not
 * read, so the connection cannot be reused.
 */
export function refuse(res: ServerResponse, status: number, code: string, message: string, close = false): void {
  const correlationId = currentRequestScope()?.correlationId ?? String(res.getHeader('x-correlation-id') ?? randomUUID());
  if (metricsEnabled) httpRefusals.inc({ code, status: String(status) });
  logger.info({ status, code, correlationId }, 'request refused');
  if (close) res.setHeader('connection', 'close');
  res.setHeader('x-correlation-id', correlationId);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, correlationId } }] }));
}
