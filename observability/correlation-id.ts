import type { IncomingHttpHeaders } from 'node:http';

/** The header every hop sends the request's correlation id in (gateway → subgraph → legacy system). */
export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * A client's id is reused only if it looks like one: bounded length and characters that cannot forge a log field
 * or carry a payload (no spaces, quotes, control characters). Anything else is ignored and a new id is made.
 */
const SAFE_ID = /^[\w.:-]{8,64}$/;

/** The id the caller sent (`x-request-id`, else `x-correlation-id`), or undefined when it sent none fit to reuse. */
export function sentCorrelationId(headers: IncomingHttpHeaders): string | undefined {
  for (const name of ['x-request-id', CORRELATION_HEADER]) {
    const value = headers[name];
    if (typeof value === 'string' && SAFE_ID.test(value)) return value;
  }
  return undefined;
}
