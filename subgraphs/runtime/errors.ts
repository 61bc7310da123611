import type { GraphQLFormattedError } from 'graphql';
import { logger } from '../../observability/logger';

const OUR_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'LEGACY_UNAVAILABLE', 'LEGACY_REJECTED',
  // Apollo's own request-level codes are ours to pass on: they describe the client's query, not our internals.
  'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']);

/**
 * Only errors of the graph's vocabulary leave a subgraph as they are. Anything else is a bug or a leak waiting to
 * happen: it is logged here and the client gets INTERNAL, without message details or stack.
 */
export function formatSubgraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && OUR_CODES.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error({ path: formatted.path, err: error }, 'unexpected resolver error');
  return { message: 'Internal error.', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL' } };
}
