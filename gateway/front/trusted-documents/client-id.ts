import type { IncomingHttpHeaders } from 'node:http';
import type { ClientId } from './trusted-documents';

/** Apollo's client identification headers: what trusted documents decide on, and what the access line names. */
const CLIENT_NAME_HEADER = 'apollographql-client-name';
const CLIENT_VERSION_HEADER = 'apollographql-client-version';

/** A client's self-chosen name is logged only if it looks like one: it cannot forge a log field or carry a payload. */
const LOGGABLE_NAME = /^[\w.@/-]{1,64}$/;

const header = (headers: IncomingHttpHeaders, name: string) => (typeof headers[name] === 'string' ? headers[name] : undefined);

/** The client as it names itself. Not an identity: a client may lie about its name (README "Trusted documents"). */
export function clientIdOf(headers: IncomingHttpHeaders): ClientId {
  return { name: header(headers, CLIENT_NAME_HEADER), version: header(headers, CLIENT_VERSION_HEADER) };
}

/** The client's name for the access line: as sent when it looks like a name, `unnamed` when none, else `other`. */
export function loggedClientName(headers: IncomingHttpHeaders): string {
  const { name } = clientIdOf(headers);
  if (name === undefined || name === '') return 'unnamed';
  return LOGGABLE_NAME.test(name) ? name : 'other';
}
