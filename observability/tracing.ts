import { createRequire, syncBuiltinESMExports } from 'node:module';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import { observabilitySettings } from '../stack/settings/common';
import { redactSpanUrl } from './span-redaction';

/**
 * OpenTelemetry for the gateway and the subgraphs: the first import of their entry points, so that the
 * instrumentations are in place before http, undici, graphql and dataloader are used.
 *
 * Configured by the standard OTEL_* variables only (README "Traces"). Without an exporter configured
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OTEL_TRACES_EXPORTER`) the SDK is not
 * even loaded: no span is made, nothing is exported, no `traceparent` is sent, and neither start-up nor requests pay
 * for it. `OTEL_SDK_DISABLED=true` turns it off whatever else is set (the bench's "off" side).
 */
const sdk = observabilitySettings().traces ? startSdk() : undefined;

/** Sends the spans still buffered; called on shutdown so that the last requests' spans are not lost. */
export async function flushTraces(): Promise<void> {
  await sdk?.shutdown();
}

function startSdk(): NodeSDK {
  // Required synchronously, and only here: an `await import` would let the entry point's other imports run first,
  // and the SDK's dozens of modules are not worth loading in a process that traces nothing.
  const require = createRequire(import.meta.url);
  const { NodeSDK, resources } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const { GraphQLInstrumentation } = require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  const { DataloaderInstrumentation } = require('@opentelemetry/instrumentation-dataloader') as typeof import('@opentelemetry/instrumentation-dataloader');

  const started = new NodeSDK({
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
      new GraphQLInstrumentation({ ignoreResolveSpans: true }),
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
