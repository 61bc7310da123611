import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_HEADER, sentCorrelationId } from '../../observability/correlation-id';
import { logger } from '../../observability/logger';
import { currentRequestScope, runInRequestScope, type RequestScope } from '../../observability/request-scope';
import { loggedClientName } from '../front/trusted-documents/client-id';

/**
 * One access line per GraphQL request at the gateway, written when the answer has been sent:
 * `{ msg: "graphql request", correlationId, client, operationName, status, outcome, errorCodes, durationMs, userId }`,
 * `client` being the name the client gives itself (Apollo's `apollographql-client-name`, `unnamed` without one), so
 * that an operator tells the dashboard's requests from a partner portal's. Never the token, the query, the variables
 * or any personal data beyond the CRM user id.
 *
 * What the line says is gathered while the request runs, from places that each see one part of it: the error
 * formatter (every error the client gets, refusals before execution included), the access plugin (the user, and
 * whether data came back). They write to the request's record, found through its request scope.
 */
interface AccessRecord { errorCodes: Set<string>; userId?: string; withData: boolean }

const records = new WeakMap<RequestScope, AccessRecord>();
const currentRecord = () => {
  const scope = currentRequestScope();
  return scope && records.get(scope);
};

/** An error code the client receives in this request's answer. */
export function noteErrorCode(code: string): void {
  currentRecord()?.errorCodes.add(code);
}

/** Who asked (the CRM user id) and whether the answer carries data. */
export function noteAnswer(answer: { userId?: string; withData: boolean }): void {
  const record = currentRecord();
  if (record) Object.assign(record, answer);
}

type Outcome = 'ok' | 'partial' | 'error';
const outcomeOf = (status: number, record: AccessRecord): Outcome => {
  if (status >= 400 || (record.errorCodes.size > 0 && !record.withData)) return 'error';
  return record.errorCodes.size > 0 ? 'partial' : 'ok';
};

/**
 * The gateway's wrapping of each GraphQL request: its request scope (the correlation id the client sent, if fit,
 * or a new one, echoed in the `x-correlation-id` response header) and its access line.
 */
export async function servedInScopeWithAccessLine(req: IncomingMessage, res: ServerResponse, serve: () => Promise<void>): Promise<void> {
  const scope: RequestScope = { correlationId: sentCorrelationId(req.headers) ?? randomUUID(), operationName: 'anonymous', legacyCalls: {} };
  const record: AccessRecord = { errorCodes: new Set(), withData: false };
  records.set(scope, record);
  res.setHeader(CORRELATION_HEADER, scope.correlationId);
  const started = performance.now();
  await runInRequestScope(scope, async () => {
    try {
      await serve();
    } finally {
      logger.info({
        client: loggedClientName(req.headers),
        operationName: scope.operationName,
        status: res.statusCode,
        outcome: outcomeOf(res.statusCode, record),
        errorCodes: [...record.errorCodes],
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        userId: record.userId,
      }, 'graphql request');
    }
  });
}
