import type { Contract } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';

/** The operations on a mobile contract as a whole (spare SIMs, SIMs to activate) name it by number. */
export function checkContractNumber(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !/^\d{1,20}$/.test(raw)) throw badUserInput(field, 'must be a contract number, e.g. 888010088938');
  return raw;
}

/** SIMs are shipped and activated on an active mobile contract only (`what`: "Spare SIMs are shipped"). */
export function notActiveMobile(contract: Contract, what: string): string | null {
  if (contract.type !== 'MOBILE') return `${what} for mobile contracts only.`;
  return contract.status === 'ACTIVE' ? null : `${what} for active contracts only: this contract is ${contract.status.toLowerCase()}.`;
}
