import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SpanKind, SpanStatusCode, trace, TraceFlags, type Attributes, type Context, type Link } from '@opentelemetry/api';
import type { NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { applyDefaultTraceSampler } from '../stack/settings/common';

/**
 * Which traces are kept (docs/operating.md "Traces: sampling").
 *
 * The standard variables decide first: `OTEL_TRACES_SAMPLER` and `OTEL_TRACES_SAMPLER_ARG`, read by the SDK's own
 * builder; unset, the graph's default is `parentbased_traceidratio` at 0.1: one request in ten traced end to end,
 * and a caller's `traceparent` decision followed (the subgraphs follow the gateway's that way).
 *
 * Failed and slow requests are kept whatever the ratio, as far as a head sampler allows: whether a request fails or
 * is slow is known when it ends, and the spans of a request not sampled were never made (that is what sampling
 * saves). So each process records one span of every request it serves, its server span (the local root), and
 * exports it when the request ended with an error or took `TRACE_SLOW_MS` or more: for a failed request not sampled,
 * the gateway's and each failing subgraph's server span, under one trace id, with the outcome and duration.
 */
/** The attribute the GraphQL layer sets on the server span when the answer carries errors (graphql-metrics.ts). */
export const OUTCOME_ATTRIBUTE = 'onegraph.outcome';

type Sampler = NonNullable<NodeSDKConfiguration['sampler']>;
type SamplingResult = ReturnType<Sampler['shouldSample']>;
type SpanProcessor = NonNullable<NodeSDKConfiguration['spanProcessors']>[number];
type ReadableSpan = Parameters<SpanProcessor['onEnd']>[0];

/** The SDK's values of SamplingDecision (NOT_RECORD 0, RECORD 1, RECORD_AND_SAMPLED 2), stable by the specification. */
const NOT_RECORD = 0;
const RECORD = 1;

/**
 * The sampler the OTEL_* variables name, the graph's default when they name none (stack/settings/common.ts puts it
 * in the environment the SDK reads). Built by the SDK's own function (required by its file as tracing.ts does for
 * the span processors: the package's `exports` map hides it).
 */
export function samplerFromEnv(): Sampler {
  applyDefaultTraceSampler();
  const require = createRequire(import.meta.url);
  const fromEnv = join(dirname(require.resolve('@opentelemetry/sdk-node')), 'create-from-env.cjs');
  const { createSamplerFromEnv } = require(fromEnv) as { createSamplerFromEnv(): Sampler | undefined };
  const sampler = createSamplerFromEnv();
  if (!sampler) throw new Error('OTEL_TRACES_SAMPLER names no sampler the SDK knows');
  return sampler;
}

/**
 * Wraps the ratio sampler: a server span that starts this process's part of a trace (no parent here, or a remote
 * one) and that the ratio drops is still recorded, not exported, so that its end can decide (keptWhenFailedOrSlow).
 * Its children stay unrecorded (the parent-based rule sees a parent not sampled): one span per request, not a trace.
 */
export function recordingLocalRoots(inner: Sampler): Sampler {
  return {
    shouldSample(context: Context, traceId: string, name: string, kind: SpanKind, attributes: Attributes, links: Link[]): SamplingResult {
      const decision = inner.shouldSample(context, traceId, name, kind, attributes, links);
      if (decision.decision !== NOT_RECORD || kind !== SpanKind.SERVER) return decision;
      const parent = trace.getSpanContext(context);
      return parent && !parent.isRemote ? decision : { ...decision, decision: RECORD };
    },
    toString: () => `RecordingLocalRoots{${inner.toString()}}`,
  };
}

/** HTTP status attributes, old and new semantic conventions. */
const HTTP_STATUS = ['http.response.status_code', 'http.status_code'];

/** Whether a recorded span ended as a request worth keeping: an error, a 5xx, a GraphQL answer with errors, or slow. */
export function failedOrSlow(span: ReadableSpan, slowMs: number): boolean {
  if (span.status.code === SpanStatusCode.ERROR) return true;
  if (HTTP_STATUS.some((key) => Number(span.attributes[key]) >= 500)) return true;
  const outcome = span.attributes[OUTCOME_ATTRIBUTE];
  if (outcome !== undefined && outcome !== 'ok') return true;
  const [seconds, nanos] = span.duration;
  return seconds * 1000 + nanos / 1e6 >= slowMs;
}

/**
 * Hands a recorded span the ratio dropped to the exporting processors when it ended failed or slow. They export
 * only spans flagged sampled, so the span is passed as sampled: it is, by this rule, after the fact.
 */
export function keptWhenFailedOrSlow(exporting: readonly SpanProcessor[], slowMs: number): SpanProcessor {
  return {
    onStart() {},
    onEnd(span) {
      const context = span.spanContext();
      if (context.traceFlags & TraceFlags.SAMPLED || !failedOrSlow(span, slowMs)) return;
      const sampled = Object.create(span, { spanContext: { value: () => ({ ...context, traceFlags: context.traceFlags | TraceFlags.SAMPLED }) } }) as ReadableSpan;
      for (const processor of exporting) processor.onEnd(sampled);
    },
    forceFlush: async () => {},
    shutdown: async () => {},
  };
}
