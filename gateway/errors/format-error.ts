import type { GraphQLFormattedError } from 'graphql';
import type { ErrorCode } from '../../adapters/errors';
import { log } from '../../stack/process';

const GRAPH_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'LEGACY_UNAVAILABLE', 'LEGACY_REJECTED', 'INTERNAL',
]);
/** Apollo's request-level codes describe the client's query, not our internals: they pass too. */
const APOLLO_REQUEST_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
]);
/** Extensions that describe our internals (which subgraph, which stack frame) and never reach a client. */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'serviceName', 'http'];

/**
 * The last filter before the client: errors of the graph's vocabulary (including those a subgraph sent, which
 * the gateway passes on) keep their message and code; anything else is logged here and becomes INTERNAL.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && (GRAPH_CODES.has(code) || APOLLO_REQUEST_CODES.has(code))) {
    const extensions = { ...formatted.extensions };
    for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
    return { ...formatted, extensions };
  }
  log({ level: 'error', msg: 'unexpected gateway error', code, path: formatted.path, error: String(error) });
  return { message: 'Internal error.', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL' } };
}
