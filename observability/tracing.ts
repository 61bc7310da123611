import { createRequire, syncBuiltinESMExports } from 'node:module';
import { dirname, join } from 'node:path';
import type { NodeSDK, NodeSDKConfiguration } from '@opentelemetry/sdk-node';

type SpanProcessor = NonNullable<NodeSDKConfiguration['spanProcessors']>[number];
import { observabilitySettings } from '../stack/settings/common';
import { boundedClientText, SPAN_ATTRIBUTE_MAX_CHARS } from './client-text';
import { redactSpanUrl } from './span-redaction';
import { keptWhenFailedOrSlow, recordingLocalRoots, samplerFromEnv } from './trace-sampling';

/**
 * OpenTelemetry for the gateway and the subgraphs: the first import of their entry points, so that the
 * HTTP instrumentation is in place before http is used.
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
    // HTTP only: the server span of each request (its URL redacted, span-redaction.ts), and node:http's few client
    // calls (the JWKS). Issue 24 cut the rest for what they cost on every request, sampled or not (bench/RESULTS.md):
    // - undici's instrumentation (a client span under each legacy-call span and each subgraph fetch, the same call
    //   twice): our undici clients inject the trace context themselves (trace-context.ts);
    // - graphql's (an execute span per subgraph request, and a wrapper around every resolver): a subgraph's request
    //   is its server span, named by its operation (operation-name-plugin.ts), with its legacy calls under it;
    // - DataLoader's: its batches are the legacy-call spans.
    instrumentations: [
      // Scrapes and health probes would be traces of their own, one every few seconds.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(metrics|health|readiness)\b/.test(req.url ?? ''), requestHook: redactSpanUrl }),
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
