import { badUserInput } from '../../../adapters/errors';

/** Long enough to be unique per client, short and plain enough to store and log as it is. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

export function checkIdempotencyKey(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !IDEMPOTENCY_KEY.test(raw)) throw badUserInput(field, 'must be 8 to 128 characters among letters, digits, _ and -');
  return raw;
}
