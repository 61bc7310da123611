import { context, propagation } from '@opentelemetry/api';

/**
 * The W3C trace context (`traceparent`) of the span in effect, added to the headers of an outgoing request: the
 * legacy call (adapters/http.ts, under its legacy-call span), the gateway's subgraph fetch (gateway/fetcher, under
 * Apollo's fetch span) and a download's fetch (gateway/downloads), the graph's undici clients. Their requests carry
 * the trace on without undici's instrumentation, whose client span would repeat the span already in effect
 * (observability/tracing.ts). Without
 * the SDK loaded the API's propagator is a no-op: the headers come back as given.
 */
export function withTraceContext<T extends Record<string, string>>(headers: T): T {
  const carrier: Record<string, string> = { ...headers };
  propagation.inject(context.active(), carrier);
  return carrier as T;
}
