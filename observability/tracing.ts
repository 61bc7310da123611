import { createRequire, syncBuiltinESMExports } from 'node:module';
import { dirname, join } from 'node:path';
import type { Span } from '@opentelemetry/api';
import type { NodeSDK, NodeSDKConfiguration } from '@opentelemetry/sdk-node';

type SpanProcessor = NonNullable<NodeSDKConfiguration['spanProcessors']>[number];
import { observabilitySettings } from '../stack/settings/common';
import { boundedClientText, CLIENT_TEXT_MAX_CHARS, SPAN_ATTRIBUTE_MAX_CHARS } from './client-text';
import { redactSpanUrl } from './span-redaction';
import { keptWhenFailedOrSlow, recordingLocalRoots, samplerFromEnv } from './trace-sampling';

/**
 * OpenTelemetry for the gateway and the subgraphs: the first import of their entry points, so that the
 * instrumentations are in place before http, undici, graphql and dataloader are used.
 *
 * Configured by the standard OTEL_* variables only (README "Traces"). Without an exporter configured
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OTEL_TRACES_EXPORTER`) the SDK is not
 * even loaded: no span is made, nothing is exported, no `traceparent` is sent, and neither start-up nor requests pay
 * for it. `OTEL_SDK_DISABLED=true` turns it off whatever else is set (the bench's "off" side).
 */
const settings = observabilitySettings();
const sdk = settings.traces ? startSdk(settings.traceSlowMs) : undefined;

/** Sends the spans still buffered; called on shutdown so that the last requests' spans are not lost. */
export async function flushTraces(): Promise<void> {
  await sdk?.shutdown();
}

function startSdk(traceSlowMs: number): NodeSDK {
  // Required synchronously, and only here: an `await import` would let the entry point's other imports run first,
  // and the SDK's dozens of modules are not worth loading in a process that traces nothing.
  const require = createRequire(import.meta.url);
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const resources = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const { GraphQLInstrumentation } = require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  const { DataloaderInstrumentation } = require('@opentelemetry/instrumentation-dataloader') as typeof import('@opentelemetry/instrumentation-dataloader');

  // The exporters the OTEL_* variables name, as NodeSDK would build them itself, after one processor of ours that
  // bounds client-chosen text in the attributes a span starts with (@apollo/gateway's `graphql.operation.name`).
  // The SDK does not export that builder (its `exports` map hides dist/utils.cjs), so it is required by its file,
  // beside the package's entry; pinned by the lock file, and tracing.test.ts fails if it moves.
  const sdkUtils = join(dirname(require.resolve('@opentelemetry/sdk-node')), 'utils.cjs');
  const { getSpanProcessorsFromEnv } = require(sdkUtils) as { getSpanProcessorsFromEnv(): SpanProcessor[] };

  const exporting = getSpanProcessorsFromEnv();
  const started = new NodeSDK({
    // The ratio of OTEL_TRACES_SAMPLER(_ARG), and the server span of every request recorded so that a failed or slow
    // one is exported whatever the ratio (trace-sampling.ts).
    sampler: recordingLocalRoots(samplerFromEnv()),
    spanProcessors: [clientTextOnStart(), ...exporting, keptWhenFailedOrSlow(exporting, traceSlowMs)],
    // Given here, this would override the OTEL_* variables the SDK reads: only when they say nothing.
    ...(!settings.attributeLengthLimitSet && { spanLimits: { attributeValueLengthLimit: SPAN_ATTRIBUTE_MAX_CHARS } }),
    // Traces only: the metrics are prom-client's /metrics, the logs stderr. Empty lists keep the SDK from
    // building its default OTLP metric and log exporters, which would send to localhost:4318 unasked.
    metricReaders: [],
    logRecordProcessors: [],
    // No cloud detectors: they probe metadata addresses (169.254.169.254 …) at every start.
    resourceDetectors: [resources.envDetector, resources.processDetector, resources.hostDetector],
    instrumentations: [
      // Scrapes and health probes would be traces of their own, one every few seconds.
      // URLs without their ids and query strings (span-redaction.ts).
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(metrics|health|readiness)\b/.test(req.url ?? ''), requestHook: redactSpanUrl }),
      new UndiciInstrumentation({ requestHook: redactSpanUrl }),
      // Parse, validate and execute only: resolver spans (one per field and row) would make a dashboard's trace
      // hundreds of spans long, each one paid for, while the legacy-call and DataLoader spans already say where a
      // request's time goes.
      new GraphQLInstrumentation({ ignoreResolveSpans: true, responseHook: boundOperationName }),
      new DataloaderInstrumentation(),
    ],
  });
  started.start();
  // The entry points are ES modules: `import { createServer } from 'node:http'` binds the ESM view of the builtin,
  // which the instrumentation's patch of the CommonJS exports does not reach until the two are synchronised.
  require('node:http');
  syncBuiltinESMExports();
  return started;
}

const OPERATION_NAME = 'graphql.operation.name';
const SOURCE = 'graphql.source';
const OPERATION_TYPE = 'graphql.operation.type';
/** What @apollo/gateway names the operation with besides OPERATION_NAME. */
const DEPRECATED_OPERATION_NAME = 'operationName';

/** Cuts client-chosen names in the attributes a span starts with (the gateway's request and plan spans). */
function clientTextOnStart(): SpanProcessor {
  return {
    onStart(span) {
      for (const key of [OPERATION_NAME, DEPRECATED_OPERATION_NAME]) {
        const value = span.attributes[key];
        if (typeof value === 'string' && boundedClientText(value) !== value) span.setAttribute(key, boundedClientText(value));
      }
    },
    onEnd() {},
    forceFlush: async () => {},
    shutdown: async () => {},
  };
}

/**
 * The execute span carries the operation's name in its name (`<type> <name>`), an attribute and the document's
 * source, as the client sent it: cut to our bound (client-text.ts) before the span ends and is exported. The name is
 * read whole from the span's name: the SDK's attribute limit (SPAN_ATTRIBUTE_MAX_CHARS) has already cut the
 * attribute and the source, and only the span's name escapes it. The SDK's span shows its name and attributes; the
 * API's interface does not. (The parse span's source is the document as sent, cut by the same limit.)
 */
function boundOperationName(span: Span): void {
  const sdkSpan = span as Span & { name?: string; attributes?: Record<string, unknown> };
  const type = sdkSpan.attributes?.[OPERATION_TYPE];
  const attribute = sdkSpan.attributes?.[OPERATION_NAME];
  const name = typeof type === 'string' && sdkSpan.name?.startsWith(`${type} `) ? sdkSpan.name.slice(type.length + 1) : attribute;
  if (typeof name !== 'string' || boundedClientText(name) === name) return;
  const bounded = boundedClientText(name);
  span.setAttribute(OPERATION_NAME, bounded);
  if (sdkSpan.name) span.updateName(sdkSpan.name.replace(name, bounded));
  // The name in the source, whole or cut by the attribute limit: a GraphQL name is letters, digits and `_`.
  const source = sdkSpan.attributes?.[SOURCE];
  const namePrefix = name.slice(0, CLIENT_TEXT_MAX_CHARS + 1);
  if (typeof source === 'string' && /^\w+$/.test(namePrefix)) span.setAttribute(SOURCE, source.replace(new RegExp(`${namePrefix}\\w*`, 'g'), bounded));
}
