import type { Contract, Grant, Invoice } from '../../adapters/domain';
import type { Identity } from '../runtime/identity';
import type { Loaders } from '../runtime/legacy';
import { recordFilter } from '../runtime/records';
import type { SubgraphContext } from '../runtime/server';

/**
 * The billing accounts whose invoices the viewer may see: mobile contracts (eBill keys invoices by contract
 * number) and fixed contracts' billing customer codes (EBPFA keys invoices by those).
 */
export interface BillingAccount {
  /** eBill: the contract number. EBPFA: the billing customer code. Matches `Invoice.accountCode`. */
  code: string;
  companyId: string;
  contractNumber: string;
  /** Only CC grants cover it: its invoices are cut to the last bimesters (windows.ts), not the 12-month list. */
  ceasedCustomerOnly: boolean;
}
export interface ViewerAccounts { mobile: BillingAccount[]; fixed: BillingAccount[] }

/** An invoice with the place of its contract: what record scoping and the field policy read. */
export type PlacedInvoice = Invoice & { companyId: string; contractNumber: string };

export const placedIn = (account: BillingAccount) => (invoice: Invoice): PlacedInvoice =>
  ({ ...invoice, companyId: account.companyId, contractNumber: account.contractNumber });

// One CRM lookup per GraphQL request, however many invoice fields ask: the request's loaders are the request's key.
const perRequest = new WeakMap<Loaders, Promise<ViewerAccounts>>();

export function viewerAccounts({ identity, loaders, legacy }: SubgraphContext): Promise<ViewerAccounts> {
  let accounts = perRequest.get(loaders);
  if (!accounts) {
    accounts = loadAccounts(identity, legacy.crm);
    perRequest.set(loaders, accounts);
  }
  return accounts;
}

const isCeasedCustomerGrant = (grant: Grant) => grant.profile === 'CC';

/**
 * CRM is asked separately for the contracts of the CC grants and of all other grants, so that a contract any other
 * grant covers (by company, contract or line) keeps the full window; usually only one of the two calls is needed.
 */
async function loadAccounts(identity: Identity, crm: SubgraphContext['legacy']['crm']): Promise<ViewerAccounts> {
  const contractsOf = async (grants: Grant[]): Promise<Contract[]> => {
    const filter = recordFilter({ ...identity, grants }, 'Invoice');
    return filter ? crm.listContracts(filter) : [];
  };
  const [full, ceased] = await Promise.all([
    contractsOf(identity.grants.filter((g) => !isCeasedCustomerGrant(g))),
    contractsOf(identity.grants.filter(isCeasedCustomerGrant)),
  ]);
  const fullNumbers = new Set(full.map((c) => c.number));
  const accounts = [
    ...full.map((contract) => ({ contract, ceasedCustomerOnly: false })),
    ...ceased.filter((c) => !fullNumbers.has(c.number)).map((contract) => ({ contract, ceasedCustomerOnly: true })),
  ];
  return {
    // CC is a fixed-line profile (profiles.md): a mobile contract only a CC grant covers shows no invoices.
    mobile: accounts.filter((a) => a.contract.type === 'MOBILE' && !a.ceasedCustomerOnly)
      .map(({ contract }) => ({ code: contract.number, companyId: contract.companyId, contractNumber: contract.number, ceasedCustomerOnly: false })),
    fixed: fixedAccounts(accounts),
  };
}

/** Fixed contracts billed together share a billing code: one account each, full window if any of them has it. */
function fixedAccounts(accounts: { contract: Contract; ceasedCustomerOnly: boolean }[]): BillingAccount[] {
  const byCode = new Map<string, BillingAccount>();
  for (const { contract, ceasedCustomerOnly } of accounts) {
    const code = contract.billingCustomerCode;
    if (contract.type !== 'FIXED' || !code) continue;
    const known = byCode.get(code);
    if (known) known.ceasedCustomerOnly &&= ceasedCustomerOnly;
    else byCode.set(code, { code, companyId: contract.companyId, contractNumber: contract.number, ceasedCustomerOnly });
  }
  return [...byCode.values()];
}
