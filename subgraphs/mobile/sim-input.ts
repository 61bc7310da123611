import { checkIdempotencyKey } from '../runtime/validators/idempotency-key';
import { checkMobileNumber } from '../runtime/validators/phone';

/** MOB-03 input, checked before anything is read or written. Messages name the input path the client sent. */
export interface SimInput { number: string; idempotencyKey: string }

/** The input with the number in CRM's form (spaces and +39 dropped), or BAD_USER_INPUT naming the field. */
export function checkSimInput<T extends SimInput>(input: T): T {
  return { ...input, number: checkMobileNumber(input.number, 'input.number'), idempotencyKey: checkIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey') };
}
