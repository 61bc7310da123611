/**
 * A JSON request body that must be an object, as the JSON stand-ins (eBill, the payment provider) take it; anything
 * else is the system's own complaint, which `refuse` makes.
 */
export function jsonObjectBody(body: Buffer, refuse: () => Error): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // falls through to the system's own complaint
  }
  throw refuse();
}
