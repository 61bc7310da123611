import { startOtlpCollector, type OtlpCollector } from '../test/support/otlp-collector';

/**
 * Issue 8's cost of observability: the dashboard on two stacks that differ only in this switch, every process of
 * each (subgraphs and the measured gateway) started with the same environment.
 * - `on`: traces exported over OTLP/HTTP to a collector stand-in in the bench process (batched every second,
 *   the SDK's default is 5 s), and Prometheus metrics recorded (`METRICS` unset).
 * - `off`: `OTEL_SDK_DISABLED=true` and `METRICS=off`: no SDK loaded, nothing recorded, no `/metrics`.
 * The request-scope tally of legacy calls stays on both sides: it is a feature (`x-legacy-calls`), not telemetry.
 */
export type ObservabilitySide = 'on' | 'off';

export interface ObservabilitySwitch { env: Record<string, string | undefined>; spansReceived(): number; close(): Promise<void> }

export async function observabilitySwitch(side: ObservabilitySide): Promise<ObservabilitySwitch> {
  if (side === 'off') {
    return { env: { OTEL_SDK_DISABLED: 'true', METRICS: 'off' }, spansReceived: () => 0, close: async () => {} };
  }
  const collector: OtlpCollector = await startOtlpCollector({ keepSpans: false });
  return {
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '1000',
      OTEL_SDK_DISABLED: undefined, METRICS: undefined,
    },
    spansReceived: () => collector.received,
    close: () => collector.close(),
  };
}
