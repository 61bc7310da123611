import type { Company, Contract } from '../../adapters/domain';
import { forbidden } from '../../adapters/errors';
import { recordFilter } from '../runtime/records';
import type { Resolvers, SubgraphContext } from '../runtime/server';
import { COMPANY_CONTRACTS_READERS, heldPlaces, reaches } from './reach';
import { companyOffers } from './offers';

/**
 * ACC-04: companies and their contracts. A record outside the grants answers null, exactly like an unknown one,
 * whether it is asked by id or fetched as an entity by another subgraph.
 */
async function visibleCompany(context: SubgraphContext, id: string): Promise<Company | null> {
  return (await reaches(context, 'Company', { companyId: id })) ? context.loaders.crm.companies.load(id) : null;
}

/**
 * The records the viewer's grants hold are looked up with the contract (one batch: the loaders are shared), whether
 * or not it exists: looked up only for an existing contract, they made a foreign contract cost more CRM calls, and
 * more time, than a made-up number. `reaches` then finds them in the loaders.
 */
export async function visibleContract(context: SubgraphContext, number: string): Promise<Contract | null> {
  const [contract] = await Promise.all([context.loaders.crm.contracts.load(number), heldPlaces(context, 'Contract')]);
  return contract && (await reaches(context, 'Contract', { companyId: contract.companyId, contractNumber: number })) ? contract : null;
}

/** The contracts of the company the viewer may see: listed by CRM with his own filter narrowed to this company. */
async function companyContracts(company: Company, context: SubgraphContext): Promise<Contract[]> {
  const { identity, legacy, loaders } = context;
  const filter = recordFilter(identity, 'Contract');
  if (!filter) return [];
  // A CRM filter matches records matching *any* id. A grant on this company lists it whole, and so does an UT's or
  // UTD's line in it (reach.ts COMPANY_CONTRACTS_READERS); otherwise only the granted contracts and lines can lead
  // into it (other companies' ids would only add records to drop).
  const { companyIds, ...belowCompany } = filter;
  const wholeCompany = companyIds?.includes(company.id)
    || (await heldPlaces(context, 'Contract')).some((p) => p.companyId === company.id && COMPANY_CONTRACTS_READERS.has(p.profile));
  const narrowed = wholeCompany ? { companyIds: [company.id] } : belowCompany;
  if (Object.keys(narrowed).length === 0) return [];
  const contracts = (await legacy.crm.listContracts(narrowed)).filter((c) => c.companyId === company.id);
  for (const contract of contracts) loaders.crm.contracts.prime(contract.number, contract);
  return contracts;
}

export const companyResolvers = {
  Query: {
    company: (_root, { id }: { id: string }, context) => visibleCompany(context, id),
    contract: (_root, { number }: { number: string }, context) => visibleContract(context, number),
  },
  Company: {
    __resolveReference: ({ id }: { id: string }, context) => visibleCompany(context, id),
    contracts: (company: Company, _args, context) => companyContracts(company, context),
    // Issue 20 (ACC-07): the "Codice destinatario" table, one CRM call per company (the RL's page shows one).
    sdiRecipientCodes: async (company: Company, _args, { legacy }) => (await legacy.crm.sdiCodes.list(company.id)) ?? [],
    // Issue 21 (MOB-20): "Offerte per te".
    offers: (company: Company, _args, context) => companyOffers(company, context),
  },
  Contract: {
    __resolveReference: ({ number }: { number: string }, context) => visibleContract(context, number),
    // Some profiles see a contract but not its company (CC, REF_EBILL): the field is refused, the contract served.
    company: async (contract: Contract, _args, context) => {
      if (!(await reaches(context, 'Company', { companyId: contract.companyId }))) throw forbidden('the company of this contract');
      return context.loaders.crm.companies.load(contract.companyId);
    },
  },
} satisfies Resolvers;
