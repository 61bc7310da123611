import { badUserInput } from '../../../adapters/errors';

const CONTRACT_NUMBER = /^\d{1,20}$/;

/**
 * A contract named by number, in a change's input or a read's argument: a number of another shape is the client's
 * mistake (BAD_USER_INPUT naming `field`), not a contract that does not exist.
 */
export function checkContractNumber(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !CONTRACT_NUMBER.test(raw)) throw badUserInput(field, 'must be a contract number, e.g. 888010088938');
  return raw;
}
