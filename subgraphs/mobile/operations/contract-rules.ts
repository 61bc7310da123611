import type { Contract } from '../../../adapters/domain';

/** SIMs are shipped and activated on an active mobile contract only (`what`: "Spare SIMs are shipped"). */
export function notActiveMobile(contract: Contract, what: string): string | null {
  if (contract.type !== 'MOBILE') return `${what} for mobile contracts only.`;
  return contract.status === 'ACTIVE' ? null : `${what} for active contracts only: this contract is ${contract.status.toLowerCase()}.`;
}
