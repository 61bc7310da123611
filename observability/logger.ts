import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { logSettings } from '../stack/settings/common';
import { currentRequestScope } from './request-scope';

/**
 * The one logger of every server process (gateway, subgraphs, stand-ins, IdP): pino, one JSON object a line on
 * stderr (stdout carries only the READY line, ARCHITECTURE.md "Process protocol").
 *
 * `LOG_LEVEL` and `LOG_FORMAT` (stack/settings/common.ts): the level, and JSON for production or readable lines.
 *
 * Every line written while a request is served carries that request's `correlationId` (the `mixin` reads the
 * request scope), so the lines of one request can be joined across processes without passing the id around; with
 * traces on, also the `traceId` and `spanId` it was written in.
 */
type LogFormat = 'json' | 'pretty';
const settings = logSettings();

/**
 * Header values that are credentials wherever they appear in a logged object: the client's bearer token, the
 * gateway's signed identity (it carries the user's grants), the legacy systems' credentials.
 */
const SECRET_HEADERS = ['authorization', 'x-gateway-identity', 'x-api-key', 'cookie'];
const REDACTED_PATHS = SECRET_HEADERS.flatMap((name) => [
  `headers["${name}"]`, `req.headers["${name}"]`, `request.headers["${name}"]`, `*.headers["${name}"]`,
]);

// JSON (production) is written asynchronously: a synchronous write blocks the event loop, every request, whenever
// the reader of stderr (the container runtime, the launcher) is slower than the process (issue 24's profiles: the
// subgraphs' request line was their largest single cost on a loaded machine). pino flushes what is pending
// synchronously when the process exits (its destination registers that), so a process that exits right after a
// line (a failed start, the end of a drain) still keeps it. `pretty` is for people at a terminal: synchronous.
const destination = (format: LogFormat): DestinationStream => (format === 'pretty'
  ? pretty({ destination: 2, sync: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' })
  : pino.destination({ dest: 2, sync: false }));

export const logger: Logger = pino({
  level: settings.level,
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  // `"level":"warn"` rather than pino's 40: read by people and by log queries alike.
  formatters: { level: (label) => ({ level: label }) },
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  // Fields the caller passes win over the scope's: a line about another request's id says so explicitly.
  mixin: () => {
    const scope = currentRequestScope();
    return { ...(scope && { correlationId: scope.correlationId }), ...traceIds() };
  },
}, destination(settings.format));

/**
 * The trace and span the line was written in, when traces are recorded (observability/tracing.ts): a log line leads
 * to its trace and back. Nothing without an active span (traces off, or outside a request).
 */
function traceIds(): { traceId?: string; spanId?: string } {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? { traceId: context.traceId, spanId: context.spanId } : {};
}

/** Names the process on every line from now on (`name: "gateway"`, `"mobile"`, `"crm"`); called once at start. */
export function nameProcessLogs(name: string): void {
  logger.setBindings({ name });
}

export type { Logger };
