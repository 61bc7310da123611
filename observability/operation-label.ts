/**
 * The `operation` label of the metrics (issue 23 item 8). A client chooses its operation names, so a label taken as
 * sent would grow a series for every name it makes up; a cap on the names seen (the first 200, then `other`) would
 * hide the real operations that came later behind `other`. The bound is the trusted documents instead: an operation
 * is labelled with its name when a manifest the gateway has loaded (TRUSTED_DOCUMENTS) holds an operation of that
 * name, `unregistered` otherwise, `anonymous` when it has none. Every client's reviewed operations keep their name,
 * whatever the order they come in; the rest are one series.
 *
 * A subgraph loads no manifest: the gateway sends its label with each fetch (OPERATION_LABEL_HEADER, read only on a
 * request whose gateway identity verified), and the subgraph labels the fetch with its own name
 * (`Dashboard__mobile__0`, the query planner's) when the gateway's label is that registered name, `unregistered`
 * or `anonymous` as the gateway said otherwise.
 */
export const UNREGISTERED = 'unregistered';
export const ANONYMOUS = 'anonymous';

/** The gateway's label of the client operation, on every fetch it sends a subgraph. */
export const OPERATION_LABEL_HEADER = 'x-onegraph-operation-label';

const GRAPHQL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/** The gateway's label: the client operation's name if `registered` holds it. */
export function clientOperationLabel(registered: ReadonlySet<string>, name: string | null | undefined): string {
  if (!name) return ANONYMOUS;
  return registered.has(name) ? name : UNREGISTERED;
}

/** A subgraph's label of one fetch (`fetchName`, the planner's `<operation>__<subgraph>__<n>`), from the gateway's label. */
export function fetchOperationLabel(gatewayLabel: string | undefined, fetchName: string | null | undefined): string {
  if (gatewayLabel === ANONYMOUS) return ANONYMOUS;
  if (!gatewayLabel || gatewayLabel === UNREGISTERED || !GRAPHQL_NAME.test(gatewayLabel)) return UNREGISTERED;
  return fetchName?.startsWith(`${gatewayLabel}__`) && /^__[a-z]+__\d{1,4}$/.test(fetchName.slice(gatewayLabel.length)) ? fetchName : gatewayLabel;
}
