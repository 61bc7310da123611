import type { RequestScope } from '../../observability/request-scope';

type Tally = RequestScope['legacyCalls'];

/**
 * Adds a subgraph's `extensions.legacyCalls` (system → operation → count) to the client request's tally. The shape
 * is checked entry by entry: a malformed entry is dropped rather than failing the client's request.
 */
export function addLegacyCalls(into: Tally, reported: unknown): void {
  if (!isObject(reported)) return;
  for (const [system, operations] of Object.entries(reported)) {
    if (!isObject(operations)) continue;
    for (const [operation, count] of Object.entries(operations)) {
      if (!Number.isInteger(count) || (count as number) < 0) continue;
      const calls = (into[system] ??= {});
      calls[operation] = (calls[operation] ?? 0) + (count as number);
    }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
