import type { IncomingHttpHeaders } from 'node:http';

/**
 * Apollo's client identification headers: what the client calls itself, for the access line and the logs. Not what
 * trusted documents decide on: a request may set any header, so they follow the client the bearer token names.
 */
const CLIENT_NAME_HEADER = 'apollographql-client-name';
const CLIENT_VERSION_HEADER = 'apollographql-client-version';

/** A client's self-chosen name is logged only if it looks like one: it cannot forge a log field or carry a payload. */
const LOGGABLE_NAME = /^[\w.@/-]{1,64}$/;

const header = (headers: IncomingHttpHeaders, name: string) => (typeof headers[name] === 'string' ? headers[name] : undefined);

/** The client's version as it says it, for the log of a refused document (cut there to 64 characters). */
export function clientVersionOf(headers: IncomingHttpHeaders): string | undefined {
  return header(headers, CLIENT_VERSION_HEADER);
}

/** The client's name for the access line: as sent when it looks like a name, `unnamed` when none, else `other`. */
export function loggedClientName(headers: IncomingHttpHeaders): string {
  const name = header(headers, CLIENT_NAME_HEADER);
  if (name === undefined || name === '') return 'unnamed';
  return LOGGABLE_NAME.test(name) ? name : 'other';
}
