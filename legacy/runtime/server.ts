import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Faults, type Fault } from './faults';
import { Counters } from './counters';
import { sentCorrelationId } from '../../observability/correlation-id';
import { logger, nameProcessLogs } from '../../observability/logger';
import { applyVendorTelemetry } from '../../observability/vendor-telemetry';
import { announceReady, onShutdown } from '../../stack/process';
import type { StandInSettings } from './settings';

export interface StandInReply { status: number; headers: Record<string, string>; body: string | Buffer }

/** What one legacy system contributes: how to name a call, how to answer it, how it fails. */
export interface LegacyProtocol {
  /** Names the operation of a request (for counters and faults) and prepares its answer. */
  route(req: IncomingMessage, body: Buffer): { operation: string; run: () => StandInReply | Promise<StandInReply> };
  /** The system's own error answer (SOAP fault, JSON KO body, KO flow); `detail` names what the fault is about. */
  errorReply(operation: string, status: number, code: string, text: string, detail?: Record<string, string>): StandInReply;
  /** A damaged version of a good answer, for `malformed` faults. */
  malform(reply: StandInReply): StandInReply;
  /** Checks the system's credentials; returns an error reply when they are wrong. */
  authenticate(req: IncomingMessage): StandInReply | null;
}

export interface StandInOptions {
  name: string;
  protocol: LegacyProtocol;
  /** The process's settings (legacy/runtime/settings.ts): where to listen, latency, initial faults. */
  settings: StandInSettings;
  defaultFault: Fault;
  /** Called once the servers are closed (close SQLite here). */
  onClose?: () => void;
  /**
   * The system's own admin endpoints beside the common ones, e.g. the SMS gateway's `GET /messages` (what was
   * sent, for tests); undefined when the path is not one of them.
   */
  admin?: (method: string, url: URL) => StandInReply | undefined;
}

/** Thrown by an operation to answer with the system's own error format. */
export class LegacyFault extends Error {
  constructor(readonly status: number, readonly code: string, text: string, readonly detail: Record<string, string> = {}) {
    super(text);
  }
}

export interface RunningStandIn { url: string; adminUrl: string; faults: Faults; counters: Counters; close(): Promise<void> }

/**
 * Serves one legacy system on a protocol port and an admin port (counters, faults, health). The admin port stays
 * up while the system is "down", so a test can bring it back.
 */
export async function startStandIn(opts: StandInOptions): Promise<RunningStandIn> {
  const { settings } = opts;
  const host = settings.host;
  const faults = new Faults(
    { latencyMs: settings.latencyMs ?? opts.defaultFault.latencyMs ?? 0, jitterMs: settings.jitterMs ?? opts.defaultFault.jitterMs ?? 0 },
    settings.faults,
  );
  const counters = new Counters();
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();

  const protocolServer = createServer((req, res) => {
    void serve(req, res).catch((err) => {
      logger.error({ err }, 'stand-in handler failed');
      if (!res.headersSent) send(res, opts.protocol.errorReply('?', 500, 'INTERNAL', 'internal error'));
    });
  });
  protocolServer.keepAliveTimeout = 60_000;
  protocolServer.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const denied = opts.protocol.authenticate(req);
    if (denied) return send(res, denied);
    let routed: ReturnType<LegacyProtocol['route']>;
    try {
      routed = opts.protocol.route(req, body);
    } catch (err) {
      return send(res, replyForError(err, '?'));
    }
    const { operation, run } = routed;
    counters.increment(operation);
    const fault = faults.for(operation);
    logRequestLine(req, res, operation);
    if (fault.down) {
      req.socket.destroy();
      return;
    }
    if (fault.timeout) {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    const delay = faults.delayFor(operation);
    if (delay > 0) await sleep(delay);
    if (fault.errorRate && Math.random() < fault.errorRate) {
      return send(res, opts.protocol.errorReply(operation, 503, 'UNAVAILABLE', 'servizio temporaneamente non disponibile'));
    }
    let reply: StandInReply;
    try {
      reply = await run();
    } catch (err) {
      reply = replyForError(err, operation);
    }
    send(res, fault.malformed ? opts.protocol.malform(reply) : reply);
  }

  function replyForError(err: unknown, operation: string): StandInReply {
    if (err instanceof LegacyFault) return opts.protocol.errorReply(operation, err.status, err.code, err.message, err.detail);
    logger.error({ operation, err }, 'operation failed');
    return opts.protocol.errorReply(operation, 500, 'INTERNAL', 'errore interno');
  }

  await listen(protocolServer, settings.port, host);
  const boundPort = (protocolServer.address() as AddressInfo).port;
  let isDown = false;

  async function setDown(down: boolean): Promise<void> {
    if (down === isDown) return;
    isDown = down;
    if (down) {
      await new Promise<void>((resolve) => {
        protocolServer.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    } else {
      await listen(protocolServer, boundPort, host);
    }
  }
  if (faults.for('*').down) await setDown(true);

  const adminServer = createServer((req, res) => {
    void admin(req, res).catch((err) => send(res, json(400, { error: String(err instanceof Error ? err.message : err) })));
  });
  async function admin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://admin');
    const body = await readBody(req);
    if (req.method === 'GET' && url.pathname === '/health') return send(res, json(200, { system: opts.name, down: isDown }));
    if (req.method === 'GET' && url.pathname === '/counters') return send(res, json(200, counters.snapshot()));
    if (req.method === 'POST' && url.pathname === '/counters/reset') {
      counters.reset();
      return send(res, json(200, counters.snapshot()));
    }
    if (req.method === 'GET' && url.pathname === '/faults') return send(res, json(200, faults.all()));
    if (req.method === 'PUT' && url.pathname === '/faults') {
      faults.set(JSON.parse(body.toString('utf8')) as Record<string, Fault | null>);
      await setDown(Boolean(faults.for('*').down));
      return send(res, json(200, faults.all()));
    }
    const own = opts.admin?.(req.method ?? 'GET', url);
    if (own) return send(res, own);
    send(res, json(404, { error: 'no such admin endpoint' }));
  }
  await listen(adminServer, settings.adminPort, host);

  const url = `http://${host}:${boundPort}`;
  const adminUrl = `http://${host}:${(adminServer.address() as AddressInfo).port}`;

  async function close(): Promise<void> {
    for (const res of hanging) res.destroy();
    for (const s of sockets) s.destroy();
    await Promise.all([closeServer(protocolServer), closeServer(adminServer)]);
    opts.onClose?.();
  }
  return { url, adminUrl, faults, counters, close };
}

/** The process entry of a stand-in: start, announce, stop on signals. */
export async function runStandIn(opts: StandInOptions): Promise<void> {
  nameProcessLogs(opts.name);
  applyVendorTelemetry(opts.settings.process.vendorTelemetry);
  const running = await startStandIn(opts);
  onShutdown(() => running.close());
  if (opts.settings.process.production) {
    // A stand-in has an open admin port (faults, counters) and the repository's keys: a demo system, never production's.
    logger.warn({ system: opts.name }, 'a stand-in runs with NODE_ENV=production: its admin port is open and its keys are the repository\'s demo keys; point the graph at the real system instead');
  }
  announceReady({ name: opts.name, url: running.url, adminUrl: running.adminUrl });
}

/**
 * One line per call once it has ended (answered, reset or abandoned by the caller), with the graph's correlation id
 * (`x-correlation-id`), so that a legacy call is found from the client's error. No body: it holds personal data.
 */
function logRequestLine(req: IncomingMessage, res: ServerResponse, operation: string): void {
  const started = performance.now();
  const correlationId = sentCorrelationId(req.headers);
  res.once('close', () => {
    logger.info({
      operation,
      status: res.writableFinished ? res.statusCode : null,
      durationMs: Math.round(performance.now() - started),
      correlationId,
    }, 'legacy request');
  });
}

function send(res: ServerResponse, reply: StandInReply): void {
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

export function json(status: number, value: unknown): StandInReply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
