/**
 * Libraries that report to their vendor unless told not to. `@apollo/gateway` 2.x builds an OpenTelemetry meter
 * provider in its constructor unless APOLLO_TELEMETRY_DISABLED is set: it probes cloud metadata addresses
 * (169.254.169.254, 100.100.100.200, metadata.google.internal) at start and exports usage to
 * usage-reporting.api.apollographql.com every hour and at shutdown. A gateway in front of a telco's systems talks to
 * nothing it was not configured to reach, so this is off unless the operator says VENDOR_TELEMETRY=on.
 *
 * Must run before any Apollo constructor: the library reads the variable there.
 */
export function applyVendorTelemetry(choice: 'on' | 'off'): void {
  if (choice === 'off') process.env.APOLLO_TELEMETRY_DISABLED = 'true';
}
