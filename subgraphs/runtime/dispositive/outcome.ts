import type { DispositiveOutcome, ItemResult } from './engine';

/**
 * The engine's outcome in the SDL's shape: `request` and `order` (entities the tracking subgraph resolves: id,
 * description, status, opened…) and the changed record under the field its outcome type names (`line`, …).
 */
export function outcomeFields<T>(outcome: DispositiveOutcome<T>, recordField: string) {
  return { request: outcome.created.request, order: outcome.created.order, [recordField]: outcome.record };
}

/** A list operation's results: per item its target id (under `idField`), its outcome or its refusal. */
export function itemResultFields<T>(results: ItemResult<T>[], idField: string, recordField: string) {
  return results.map((r) => ({ [idField]: r.targetId, outcome: r.outcome && outcomeFields(r.outcome, recordField), refusal: r.refusal }));
}
