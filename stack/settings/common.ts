import { expect, variable } from './define';

/**
 * Variables every server process reads (gateway, subgraphs, stand-ins), whatever its kind. Each kind's settings
 * module spreads these into its own declaration, so the one validation at start covers them too.
 */
/** pino's levels, lowest last; `silent` writes nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const PROCESS_VARIABLES = {
  NODE_ENV: variable(expect.text().optional(), {
    meaning: '`production` turns GraphQL introspection off and refuses the test switches (`LEGACY_TODAY`, `POLICY_LAYER=off`) and every key or password left at its demo default (gateway, subgraphs); a stand-in warns that it is a demo system',
  }),
  LOG_LEVEL: variable(expect.oneOf(LOG_LEVELS).default('info'), {
    meaning: 'the lowest pino level written to stderr',
  }),
  LOG_FORMAT: variable(expect.oneOf(['json', 'pretty']).default('json'), {
    meaning: '`json`: one JSON object a line, for production; `pretty`: readable lines (`npm start` uses it)',
  }),
  SHUTDOWN_GRACE_MS: variable(expect.integer(0).default(10_000), {
    meaning: 'after SIGTERM, how long requests in flight may finish before the process exits',
  }),
  SHUTDOWN_DELAY_MS: variable(expect.integer(0).default(0), {
    meaning: 'after SIGTERM, how long readiness answers 503 while requests are still served, before new ones are refused: the time a load balancer takes to stop routing here (Kubernetes: the `preStop` sleep, or the endpoints\' propagation)',
  }),
  OPS_PORT: variable(expect.integer(0).optional(), {
    meaning: 'gateway and subgraphs: the operators\' port, where `/metrics` and `/health?details` are served instead of the public port (which keeps `/health` and `/readiness`); `0` lets the OS pick. The manifests set it',
    shownDefault: 'unset: the public port serves them',
  }),
  METRICS: variable(expect.oneOf(['on', 'off']).default('on'), {
    meaning: '`off` records no metric and serves no `/metrics` (the bench\'s "observability off" side); `on` in production',
  }),
  TRACE_SLOW_MS: variable(expect.integer(1).default(1000), {
    meaning: 'with traces exported: a request that takes this long or longer keeps its server span whatever `OTEL_TRACES_SAMPLER_ARG` says, as a failed one does (docs/operating.md "Traces: sampling")',
  }),
  VENDOR_TELEMETRY: variable(expect.oneOf(['off', 'on']).default('off'), {
    meaning: '`on` lets libraries reach the network on their own (`@apollo/gateway` probes cloud metadata addresses at start and sends usage to Apollo hourly and at exit; OpenTelemetry may use cloud resource detectors); `off` (the default) keeps every connection to what is configured here',
  }),
};

/** The legacy clock's test switch, read by the stand-ins and the subgraphs (whose windows follow the stand-ins'). */
export const LEGACY_TODAY_VARIABLE = variable(expect.isoDate().optional(), {
  meaning: 'pins "today" (`YYYY-MM-DD`) of the stand-ins\' fixtures and of the subgraphs\' date windows; tests only, refused with `NODE_ENV=production`',
  shownDefault: 'the real date',
  refusedInProduction: () => true,
});

/**
 * The pinned "today", read where a clock needs it rather than once at start, because in-process tests pin it by
 * setting the variable. At start the process's settings module validates it (and refuses it in production).
 */
export function pinnedLegacyToday(env: Record<string, string | undefined> = process.env): string | undefined {
  return LEGACY_TODAY_VARIABLE.parse(env.LEGACY_TODAY || undefined);
}

/**
 * The logger's level and format, read when the logger module loads (before a process reads its settings module, so
 * that even a refused setting is logged in the chosen format); the same declarations validate them again at start.
 */
export function logSettings(env: Record<string, string | undefined> = process.env): { level: string; format: 'json' | 'pretty' } {
  return {
    level: PROCESS_VARIABLES.LOG_LEVEL.parse(env.LOG_LEVEL || undefined),
    format: PROCESS_VARIABLES.LOG_FORMAT.parse(env.LOG_FORMAT || undefined),
  };
}

/**
 * What the observability modules read when they load, before the process reads its settings module (the tracing
 * SDK must start before anything else is imported): whether metrics are recorded, and whether traces are, which
 * the standard OpenTelemetry variables decide (an exporter configured and the SDK not disabled).
 */
export function observabilitySettings(env: Record<string, string | undefined> = process.env): {
  metrics: boolean; traces: boolean; attributeLengthLimitSet: boolean; traceSlowMs: number;
} {
  const exporterConfigured = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_TRACES_EXPORTER);
  const disabled = env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true' || env.OTEL_TRACES_EXPORTER === 'none';
  return {
    metrics: PROCESS_VARIABLES.METRICS.parse(env.METRICS || undefined) === 'on',
    traces: exporterConfigured && !disabled,
    attributeLengthLimitSet: Boolean(env.OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT || env.OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT),
    traceSlowMs: PROCESS_VARIABLES.TRACE_SLOW_MS.parse(env.TRACE_SLOW_MS || undefined),
  };
}

/** The graph's sampler when `OTEL_TRACES_SAMPLER` is unset: the production default (docs/operating.md "Traces: sampling"). */
export const DEFAULT_TRACE_SAMPLER = { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' } as const;

/**
 * Writes the default sampler into the environment when `OTEL_TRACES_SAMPLER` is unset, before the SDK reads it
 * (observability/trace-sampling.ts): the SDK's own default would trace every request.
 */
export function applyDefaultTraceSampler(env: Record<string, string | undefined> = process.env): void {
  if (env.OTEL_TRACES_SAMPLER) return;
  env.OTEL_TRACES_SAMPLER = DEFAULT_TRACE_SAMPLER.OTEL_TRACES_SAMPLER;
  env.OTEL_TRACES_SAMPLER_ARG ??= DEFAULT_TRACE_SAMPLER.OTEL_TRACES_SAMPLER_ARG;
}

/** Documented, not validated here: the OpenTelemetry SDK reads them itself. */
export const OPEN_TELEMETRY_ROW = {
  name: '`OTEL_*`',
  shownDefault: '(none)',
  meaning: 'the standard OpenTelemetry variables (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_TRACES_EXPORTER`, `OTEL_SERVICE_NAME`, …), read by the OpenTelemetry SDK; with none set nothing is exported. `OTEL_TRACES_SAMPLER` unset means `parentbased_traceidratio` with `OTEL_TRACES_SAMPLER_ARG` 0.1 (one request in ten traced end to end, a caller\'s `traceparent` decision followed; failed and slow requests keep their server spans, `TRACE_SLOW_MS`): the production default, which the manifests also set. `OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT` is 4096 unless set (docs/operating.md "Traces")',
};

/** What every process does with the variables above. */
export interface ProcessSettings {
  production: boolean;
  logLevel: string;
  logFormat: 'json' | 'pretty';
  shutdownGraceMs: number;
  /** After SIGTERM, readiness 503 this long before new requests are refused. */
  shutdownDelayMs: number;
  /** The operators' port for /metrics and /health?details (gateway, subgraphs); undefined: the public port. */
  opsPort?: number;
  vendorTelemetry: 'on' | 'off';
}

export function processSettingsOf(values: {
  NODE_ENV?: string; LOG_LEVEL: string; LOG_FORMAT: 'json' | 'pretty'; SHUTDOWN_GRACE_MS: number; SHUTDOWN_DELAY_MS: number; VENDOR_TELEMETRY: 'on' | 'off';
  OPS_PORT?: number;
}): ProcessSettings {
  return {
    production: values.NODE_ENV === 'production',
    logLevel: values.LOG_LEVEL,
    logFormat: values.LOG_FORMAT,
    shutdownGraceMs: values.SHUTDOWN_GRACE_MS,
    shutdownDelayMs: values.SHUTDOWN_DELAY_MS,
    opsPort: values.OPS_PORT,
    vendorTelemetry: values.VENDOR_TELEMETRY,
  };
}
