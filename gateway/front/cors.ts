import type { IncomingMessage, ServerResponse } from 'node:http';
import { refuse } from '../../stack/http/refuse';

/**
 * CORS for the pages of the allowed origins (`CORS_ORIGINS`). The graph authenticates with a bearer token in
 * `Authorization`, never with a cookie, so `Access-Control-Allow-Credentials` is never sent: a page calls with
 * `credentials: 'omit'` (the default of fetch for another origin is `same-origin`, which sends nothing either).
 * CSRF prevention (Apollo Server's) stays on: a browser's JSON POST is preflighted, which is what it requires.
 */
const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** What a client of the graph sends: the token, JSON, Apollo's CSRF and client-identification headers, correlation, tracing. */
const ALLOWED_HEADERS = [
  'authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name',
  'apollographql-client-name', 'apollographql-client-version', 'x-request-id', 'x-correlation-id', 'traceparent', 'x-legacy-calls',
].join(', ');
/** Headers a page may read from the answer: the correlation id to quote to support. */
const EXPOSED_HEADERS = 'x-correlation-id';
/** How long a browser may reuse a preflight's answer (seconds). */
const PREFLIGHT_MAX_AGE = 600;

/**
 * Sets the CORS headers of an answer to an allowed origin; answers a preflight itself (true). A request without
 * `Origin` (curl, servers) is not a browser's cross-origin call and passes untouched.
 */
export function corsFront(origins: readonly string[]): (req: IncomingMessage, res: ServerResponse) => boolean {
  const allowed = new Set(origins);
  return (req, res) => {
    const origin = req.headers.origin;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (origin === undefined) return false;
    res.setHeader('vary', 'Origin');
    if (!allowed.has(origin)) {
      // No CORS header: the browser withholds the answer from the page. A preflight is refused outright.
      if (preflight) refuse(res, 403, 'FORBIDDEN', 'This origin may not call the graph from a browser (CORS_ORIGINS).');
      return preflight;
    }
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    if (!preflight) return false;
    res.writeHead(204, {
      'access-control-allow-methods': ALLOWED_METHODS,
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': String(PREFLIGHT_MAX_AGE),
      'content-length': '0',
    });
    res.end();
    return true;
  };
}
