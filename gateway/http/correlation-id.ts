import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A correlation id the client sent is reused if it looks like one; anything else is replaced. */
const CORRELATION_ID = /^[\w.:-]{8,64}$/;

export function correlationIdOf(req: IncomingMessage): string {
  const sent = req.headers['x-correlation-id'];
  return typeof sent === 'string' && CORRELATION_ID.test(sent) ? sent : randomUUID();
}
