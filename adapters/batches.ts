/** Splits ids into calls of at most `limit` (a legacy system's batch limit), dropping duplicates first. */
export function batchesOf<T>(ids: readonly T[], limit: number): T[][] {
  const unique = [...new Set(ids)];
  const batches: T[][] = [];
  for (let i = 0; i < unique.length; i += limit) batches.push(unique.slice(i, i + limit));
  return batches;
}

/** How many ids a call's fields send (its first list's length; 1 for a search or a single lookup): a span attribute. */
export function batchSizeOf(fields: Record<string, unknown>): number {
  const list = Object.values(fields).find(Array.isArray);
  return list ? list.length : 1;
}
