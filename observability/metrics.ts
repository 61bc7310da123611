import type { IncomingMessage, ServerResponse } from 'node:http';
import { legacySystemsHealth, type LegacyLoad } from '../adapters/resilience/health';
import { observabilitySettings } from '../stack/settings/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, register } from 'prom-client';

/**
 * Every Prometheus metric of the graph, defined once: the gateway and each subgraph serve them on `/metrics`
 * (README "Operating the graph" → "Metrics" says what each tells). Labels never carry a user id, a phone number or
 * anything else a client chooses freely: the `operation` label is a name of the trusted manifests, or `unregistered`
 * (observability/operation-label.ts).
 *
 * `METRICS=off` (the bench's "off" side) leaves the definitions in place but records nothing and serves no
 * `/metrics`; anything else, or unset, is on.
 */
export const metricsEnabled = observabilitySettings().metrics;

const PREFIX = 'onegraph_';
/** From a cached grant lookup (~1 ms) to a legacy call at the end of its 3 s budget. */
const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

if (metricsEnabled) collectDefaultMetrics({ eventLoopMonitoringPrecision: 20 });

export const graphqlRequestDuration = new Histogram({
  name: `${PREFIX}graphql_request_duration_seconds`,
  help: 'GraphQL requests served by this process, by operation name and outcome (ok, partial: data with errors, failed: no data)',
  labelNames: ['operation', 'outcome'] as const,
  buckets: SECONDS_BUCKETS,
});

export const graphqlErrors = new Counter({
  name: `${PREFIX}graphql_errors_total`,
  help: 'Errors in GraphQL responses of this process, by extensions.code',
  labelNames: ['code'] as const,
});

export const legacyCallDuration = new Histogram({
  name: `${PREFIX}legacy_call_duration_seconds`,
  help: 'Legacy calls (retries included) by system, operation and outcome (ok, rejected: a business answer, unavailable)',
  labelNames: ['system', 'operation', 'outcome'] as const,
  buckets: SECONDS_BUCKETS,
});

export const operationLegacyCalls = new Counter({
  name: `${PREFIX}operation_legacy_calls_total`,
  help: 'Requests sent to legacy systems on behalf of client GraphQL operations (gateway: every process summed), by operation name',
  labelNames: ['operation', 'system', 'legacy_operation'] as const,
});

export const legacyBreakerState = new Gauge({
  name: `${PREFIX}legacy_breaker_state`,
  help: 'Circuit breaker of each legacy system in this process: 1 on the current state (closed, half_open, open, isolated)',
  labelNames: ['system', 'state'] as const,
  collect() {
    this.reset();
    for (const [system, health] of Object.entries(legacySystemsHealth())) {
      for (const state of ['closed', 'half_open', 'open', 'isolated'] as const) this.set({ system, state }, health.breaker === state ? 1 : 0);
    }
  },
});

/** A gauge per system, read at scrape time from the policies of this process (adapters/resilience/health.ts). */
const legacyLoadGauge = (name: string, help: string, pick: (load: LegacyLoad) => number) => new Gauge({
  name: `${PREFIX}${name}`,
  help,
  labelNames: ['system'] as const,
  collect() {
    this.reset();
    for (const [system, health] of Object.entries(legacySystemsHealth())) this.set({ system }, pick(health));
  },
});

export const legacyCallsInFlight = legacyLoadGauge('legacy_calls_in_flight',
  'Legacy calls being made by this process, per system (capped by MAX_IN_FLIGHT)', (load) => load.inFlight);
export const legacyCallsQueued = legacyLoadGauge('legacy_calls_queued',
  'Legacy calls waiting for a free slot in this process, per system (beyond MAX_QUEUED they fail at once)', (load) => load.queued);

export const grantsCacheLookups = new Counter({
  name: `${PREFIX}grants_cache_lookups_total`,
  help: "Lookups of a user's grants at the gateway: hit (cached), miss (read from CRM), stale (CRM unavailable, last grants used)",
  labelNames: ['result'] as const,
});

export const rateLimitRefusals = new Counter({
  name: `${PREFIX}rate_limit_refusals_total`,
  help: 'Requests refused by a gateway rate limit, by limit',
  labelNames: ['limit'] as const,
});

// Files a running process follows (stack/watched-file.ts): `file` is `supergraph` or `trusted_documents`.
export const fileReloads = new Counter({
  name: `${PREFIX}file_reloads_total`,
  help: 'New versions of a followed file (supergraph, trusted documents): applied, or refused with the previous one kept',
  labelNames: ['file', 'result'] as const,
});

/** `GET /metrics` in Prometheus' text format; false when the request is not for it (or metrics are off). */
export function serveMetrics(req: IncomingMessage, res: ServerResponse): boolean {
  if (!metricsEnabled || req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') return false;
  register.metrics().then((text) => {
    res.writeHead(200, { 'content-type': register.contentType });
    res.end(text);
  }, (err: unknown) => {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`metrics failed: ${String(err)}`);
  });
  return true;
}

// Trusted documents (issue 14, gateway/front/trusted-documents/): `client` is a name configured in
// TRUSTED_DOCUMENTS (or `*`), never the raw header, so the label stays bounded.
export const untrustedDocuments = new Counter({
  name: `${PREFIX}untrusted_documents_total`,
  help: 'Documents a client in mode log or enforce sent that its manifest does not hold (enforce: refused)',
  labelNames: ['client', 'mode'] as const,
});

// Uploads at the gateway (issue 19 item 8, gateway/uploads/): what became of each `POST /uploads` of a signed-in user.
export const uploads = new Counter({
  name: `${PREFIX}uploads_total`,
  help: 'Uploads of signed-in users: stored in CRM, refused because no operation the user may run takes a file (no_operation), or over the per-user quota (quota)',
  labelNames: ['outcome'] as const,
});

// Refusals by the HTTP front before GraphQL (stack/http/refuse.ts): a draining process's 503, uploads' and
// downloads' refusals, a body too large. `code` is the graph's error code, `status` the HTTP status: both bounded.
export const httpRefusals = new Counter({
  name: `${PREFIX}http_refusals_total`,
  help: 'Requests refused by the HTTP front before GraphQL (draining 503, uploads, downloads, bad bodies), by error code and HTTP status',
  labelNames: ['code', 'status'] as const,
});

// Downloads through signed links (gateway/downloads/): what became of each followed link.
export const downloads = new Counter({
  name: `${PREFIX}downloads_total`,
  help: 'Signed download links followed: served, or refused (expired, invalid, not_found, unavailable)',
  labelNames: ['outcome'] as const,
});

// Admission at the gateway's front (issue 24 item 5, gateway/limits/admission.ts): GraphQL requests waiting for one
// of the process's execution slots, how long they waited, and those refused with a retryable 503.
export const admissionQueued = new Gauge({
  name: `${PREFIX}admission_queued`,
  help: 'GraphQL requests waiting for an execution slot of this gateway process right now',
});

export const admissionWait = new Histogram({
  name: `${PREFIX}admission_wait_seconds`,
  help: 'How long GraphQL requests waited for an execution slot, by outcome (admitted, shed: refused with 503 after waiting)',
  labelNames: ['outcome'] as const,
  buckets: SECONDS_BUCKETS,
});

export const admissionShed = new Counter({
  name: `${PREFIX}admission_shed_total`,
  help: 'GraphQL requests refused with 503 and Retry-After before running: the queue was full (queue_full) or the wait too long (wait_exceeded)',
  labelNames: ['reason'] as const,
});
