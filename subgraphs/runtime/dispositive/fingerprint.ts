import { createHash } from 'node:crypto';

/**
 * What a request asked for, as a hash CRM keeps with the idempotency key: the operation, the target and the
 * normalised input (keys sorted, so that the order a client wrote its fields in does not matter). The same key with
 * another fingerprint is another request under a reused key, which CRM refuses instead of answering the first one.
 */
export function fingerprint(operation: string, targetId: string, input: unknown): string {
  return createHash('sha256').update(JSON.stringify([operation, targetId, canonical(input)])).digest('base64url');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}
