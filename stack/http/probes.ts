import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What a server says about itself to an orchestrator. Liveness (`/health`) is "the process answers"; readiness
 * (`/readiness`) is "send me traffic". Neither depends on a legacy system: an open CRM breaker in every replica
 * must not take them all out of service (README "Health and readiness"). `details` is for people: no secrets.
 */
export interface HealthProbe {
  /** Whether the server can serve requests (the gateway: its supergraph is loaded). Draining is added here. */
  ready(): boolean;
  /** The `/health?details` view, e.g. each legacy system's breaker; no URL, credential or user data. */
  details(): Record<string, unknown>;
}

/** Answers `/health`, `/health?details` and `/readiness`; false for every other request. */
export function answerProbe(req: IncomingMessage, res: ServerResponse, probe: HealthProbe, draining: boolean, show = { details: true }): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = new URL(req.url ?? '/', 'http://probe');
  const ready = !draining && probe.ready();
  if (url.pathname === '/health') {
    const body = show.details && url.searchParams.has('details') ? { status: 'ok', ready, draining, ...probe.details() } : { status: 'ok' };
    sendJson(res, 200, body);
    return true;
  }
  if (url.pathname === '/readiness') {
    sendJson(res, ready ? 200 : 503, { ready, draining });
    return true;
  }
  return false;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
