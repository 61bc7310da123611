import type { GraphQLFormattedError } from 'graphql';

/**
 * Apollo Server refuses two kinds of broken automatic persisted queries with errors that carry no code, which the
 * gateway would mask as INTERNAL although only the client can fix them. They are recognised by Apollo Server's exact
 * message (test/gateway/client-mistakes.test.ts fails if a new version changes it) and given a code and a message
 * that says what to send instead. Apollo Server has already set their HTTP status (400).
 */
const BY_APOLLO_MESSAGE: Record<string, { code: string; message: string }> = {
  'provided sha does not match query': {
    code: 'PERSISTED_QUERY_HASH_MISMATCH',
    message: 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it: send the lowercase hex hash of this exact query text.',
  },
  'Unsupported persisted query version': {
    code: 'BAD_REQUEST',
    message: 'Only version 1 of automatic persisted queries is supported: set extensions.persistedQuery.version to 1.',
  },
};

export function persistedQueryError(formatted: GraphQLFormattedError): GraphQLFormattedError | null {
  const known = BY_APOLLO_MESSAGE[formatted.message];
  return known ? { message: known.message, extensions: { ...formatted.extensions, code: known.code } } : null;
}
