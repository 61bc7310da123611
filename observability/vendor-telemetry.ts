/**
 * Libraries that reach the network on their own unless told not to, told not to here, before they start:
 * - `@apollo/gateway` 2.x builds an OpenTelemetry meter provider in its constructor unless APOLLO_TELEMETRY_DISABLED
 *   is set: it probes cloud metadata addresses (169.254.169.254, 100.100.100.200, metadata.google.internal) at start
 *   and exports usage to usage-reporting.api.apollographql.com every hour and at shutdown;
 * - OpenTelemetry resource detectors: the SDK's own default list (env, host, os, process, serviceinstance) reads
 *   only the local machine, but `all` in other distributions (auto-instrumentations) adds the cloud ones, which
 *   probe the same metadata addresses. Unless the operator chose detectors, the local ones are named explicitly.
 * A gateway in front of a telco's systems talks to nothing it was not configured to reach, so both hold unless the
 * operator says VENDOR_TELEMETRY=on.
 *
 * Must run before any Apollo constructor or OpenTelemetry SDK start: they read these variables there.
 */
const LOCAL_RESOURCE_DETECTORS = 'env,host,os,process,serviceinstance';

export function applyVendorTelemetry(choice: 'on' | 'off'): void {
  if (choice === 'on') return;
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  process.env.OTEL_NODE_RESOURCE_DETECTORS ||= LOCAL_RESOURCE_DETECTORS;
}
