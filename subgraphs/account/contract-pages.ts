import type { Contract, ContractData } from '../../adapters/domain';
import { dispositiveMutations } from '../runtime/dispositive/resolvers';
import { CM8_REFERENT_PROFILES, cm8Contracts, workingContract } from '../runtime/cm8-contract';
import type { Resolvers, SubgraphContext } from '../runtime/server';
import { visibleContract } from './company';
import { ACCOUNT_OPERATIONS } from './operations';

/**
 * The CM8 "Dati aziendali" pages (seed 002 §7.1) and the contract selector (§5):
 * - §5 selector: `viewer.cm8Contracts`, `selectedContract(number)`;
 * - §7.1.1 company profile: `selectedContract { company { taxCode name legalSeat legalRepresentative } }`;
 * - §7.1.2 referents: `selectedContract { referents }`, changed with `replaceReferent` / `changeReferentContacts`;
 * - §7.1.3 contract data and addresses: `selectedContract { details }`, changed with `changeInvoiceDeliveryAddress` /
 *   `changeTrafficDocumentationAddress`.
 * Referents and addresses are one CRM call per page of contracts (GetDatiContratto, batched by the loader).
 */
async function contractDetails(contract: Contract, { loaders }: SubgraphContext) {
  const [data, company] = await Promise.all([loaders.crm.contractData.load(contract.number), loaders.crm.companies.load(contract.companyId)]);
  if (!company) throw new Error(`contract ${contract.number} has no company in CRM`);
  const d: Partial<ContractData> = data ?? {};
  return {
    contractNumber: contract.number,
    holderTaxCode: company.taxCode,
    holderName: company.name,
    offerType: contract.agreement,
    activatedOn: contract.activatedOn,
    masterReferent: d.referents?.find((r) => r.type === 'MASTER') ?? null,
    updatedOn: d.updatedOn ?? null,
    invoiceDeliveryAddress: d.invoiceDeliveryAddress ?? null,
    trafficDocumentationAddress: d.trafficDocumentationAddress ?? null,
  };
}

type MutationResolver = (root: unknown, args: { input: Record<string, unknown> }, context: SubgraphContext, info: unknown) => unknown;

/**
 * A change of a contract may leave the contract out when the viewer is referent of one (seed 002 §5): the choice is
 * among all his CM8 contracts, as in the selector. A number sent goes on as sent: it is the declaration's target,
 * which the engine loads and authorises (the Area Clienti's RL and AF name their company's contracts; foreign =
 * unknown = NOT_FOUND).
 */
const onSelectedContract = (resolve: MutationResolver): MutationResolver => async (root, { input }, context, info) =>
  resolve(root, { input: { ...input,
    contractNumber: input.contractNumber ?? await workingContract(context, CM8_REFERENT_PROFILES, null, 'input.contractNumber') } }, context, info);

const mutations = dispositiveMutations(ACCOUNT_OPERATIONS) as Record<string, MutationResolver>;

export const contractPageResolvers = {
  Query: {
    selectedContract: async (_root, { number }: { number?: string | null }, context) => {
      const selected = await workingContract(context, CM8_REFERENT_PROFILES, number, 'number');
      return selected === null ? null : visibleContract(context, selected);
    },
  },
  Viewer: {
    cm8Contracts: (_viewer, _args, { identity }) => cm8Contracts(identity),
  },
  Contract: {
    details: (contract: Contract, _args, context) => contractDetails(contract, context),
    referents: async (contract: Contract, _args, { loaders }) => (await loaders.crm.contractData.load(contract.number))?.referents ?? [],
    // Issue 21 (MOB-02, FIX-05): from the same GetDatiContratto as the details, one call per page of contracts.
    paymentSettings: async (contract: Contract, _args, { loaders }) => (await loaders.crm.contractData.load(contract.number))?.paymentSettings ?? null,
  },
  Mutation: {
    ...mutations,
    changeInvoiceDeliveryAddress: onSelectedContract(mutations.changeInvoiceDeliveryAddress),
    changeTrafficDocumentationAddress: onSelectedContract(mutations.changeTrafficDocumentationAddress),
  },
} satisfies Resolvers;
