import { badUserInput } from '../../adapters/errors';

/** MOB-03 input, checked before anything is read or written. Messages name the input path the client sent. */
const MOBILE_NUMBER = /^3\d{8,9}$/;
/** Long enough to be unique per client, short and plain enough to store and log as it is. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

export interface SimInput { number: string; idempotencyKey: string }

export function checkSimInput(input: SimInput): void {
  if (!MOBILE_NUMBER.test(input.number)) {
    throw badUserInput('input.number', 'must be an Italian mobile number: 9 or 10 digits starting with 3');
  }
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) {
    throw badUserInput('input.idempotencyKey', 'must be 8 to 128 characters among letters, digits, _ and -');
  }
}
