import { GraphQLError } from 'graphql';

/**
 * The one error vocabulary of the graph. Every layer throws these; nothing else reaches a client.
 * Legacy text never goes into `message`: it is logged with the correlation id and stays on the server.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'LEGACY_UNAVAILABLE'
  | 'LEGACY_REJECTED'
  /** The operation is too deep, wide, aliased or costly (gateway limits); `extensions.limit` names the limit. */
  | 'OPERATION_LIMIT_EXCEEDED'
  /** A subgraph of the graph itself did not answer (down, restarting, past its timeout); safe to retry. */
  | 'SERVICE_UNAVAILABLE'
  /** Too many mutations by this user in a minute; `extensions.retryAfterSeconds` says when to try again. */
  | 'RATE_LIMITED'
  | 'INTERNAL';

/** `Payments`: the payment provider of the personal top-ups (h-employee, issue 12). */
export type LegacySystem = 'CRM' | 'eBill' | 'EBPFA' | 'IdP' | 'Payments';

export class GraphError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const unauthenticated = (why = 'A valid bearer token is required.') => new GraphError('UNAUTHENTICATED', why);

export const forbidden = (what = 'this field') =>
  new GraphError('FORBIDDEN', `Your profile may not access ${what}.`);

/** `field` is the input path the client sent, e.g. `input.number`. */
export const badUserInput = (field: string, why: string) =>
  new GraphError('BAD_USER_INPUT', `${field}: ${why}`, { field });

export const notFound = (what: string) => new GraphError('NOT_FOUND', `${what} does not exist.`);

/** The system did not answer usefully (down, timed out, 5xx, unreadable answer). */
export const legacyUnavailable = (system: LegacySystem, correlationId: string) =>
  new GraphError('LEGACY_UNAVAILABLE', `${system} is not available right now; try again later.`, { system, correlationId });

/** The system refused the request for a business reason; `reason` is our own wording. */
export const legacyRejected = (system: LegacySystem, reason: string, correlationId: string) =>
  new GraphError('LEGACY_REJECTED', reason, { system, correlationId });

export const isGraphError = (e: unknown): e is GraphError => e instanceof GraphError;
