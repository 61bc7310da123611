import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import type { ErrorCode } from '../../adapters/errors';
import { withQuotedTextBounded } from '../../observability/client-text';
import { logger } from '../../observability/logger';
import { currentRequestScope } from '../../observability/request-scope';
import { noteErrorCode } from '../logs/access-line';
import { LIMIT_EXTENSION } from '../limits/operation-limits';
import { fieldOfLiteral, isValueLiteralError } from './literal-field';
import { persistedQueryError } from './persisted-query-errors';
import { fieldOfVariableError } from './variable-field';

const GRAPH_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'LEGACY_UNAVAILABLE', 'LEGACY_REJECTED',
  'OPERATION_LIMIT_EXCEEDED', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'INTERNAL',
]);
/** Apollo's request-level codes describe the client's query, not our internals: they pass too. */
const APOLLO_REQUEST_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'PERSISTED_QUERY_HASH_MISMATCH',
]);
/** Extensions that describe our internals (which subgraph, which stack frame) and never reach a client. */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'serviceName', 'http'];

/**
 * The last filter before the client, for every error of every answer (refusals before execution included): each
 * carries the request's correlation id, which leads to the log lines of that request in every process, and its
 * code goes on the access line.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const refusedPersistedQuery = persistedQueryError(formatted);
  if (refusedPersistedQuery) return formatGatewayError(refusedPersistedQuery, error);
  const correlationId = currentRequestScope()?.correlationId ?? randomUUID();
  const clientError = toClientError(formatted, error, correlationId);
  noteErrorCode(String(clientError.extensions?.code));
  if (clientError.extensions?.correlationId !== undefined) return clientError;
  return { ...clientError, extensions: { ...clientError.extensions, correlationId } };
}

/**
 * Errors of the graph's vocabulary (including those a subgraph sent, which the gateway passes on) keep their
 * message and code; anything else is logged here and becomes INTERNAL.
 */
function toClientError(formatted: GraphQLFormattedError, error: unknown, correlationId: string): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && (GRAPH_CODES.has(code) || APOLLO_REQUEST_CODES.has(code))) {
    const extensions = { ...formatted.extensions };
    for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
    // A broken operation limit is a validation error to Apollo; the client gets the code that says which kind.
    if (extensions[LIMIT_EXTENSION] !== undefined) extensions.code = 'OPERATION_LIMIT_EXCEEDED';
    // Apollo refuses malformed variables before any resolver runs: name the input path, as our own checks do.
    if (code === 'BAD_USER_INPUT' && extensions.field === undefined) {
      const field = fieldOfVariableError(formatted.message);
      if (field) extensions.field = field;
    }
    // A malformed literal argument is bad input too, not a query to fix: same code, same field naming.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && isValueLiteralError(formatted.message)) {
      const field = fieldOfLiteral(error);
      if (field) Object.assign(extensions, { code: 'BAD_USER_INPUT', field });
    }
    // "Did you mean …?" would let anyone map the schema field by field, introspection or not. The names a message
    // echoes (an operation's, a field's) are the client's: cut to our bound, whatever length they came with.
    return { ...formatted, message: withQuotedTextBounded(formatted.message.replace(/ ?Did you mean .*\?$/, '')), extensions };
  }
  // Masked: no message, no stack, no legacy text; the correlation id leads to the log line that has them.
  logger.error({ code, path: formatted.path, err: error }, 'unexpected gateway error');
  return { message: 'Internal error.', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL', correlationId } };
}
