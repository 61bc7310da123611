import type { LineStatus } from '../../adapters/domain';
import type { ContractPremiumServices } from '../../adapters/crm/premium-services';
import { pageNodes, pageWindow } from '../runtime/pagination';
import { profilesAllowed } from '../runtime/policy/directives';
import { profilesOn } from '../runtime/records';
import type { SubgraphContext } from '../runtime/server';
import { checkContractNumber } from '../runtime/validators/contract-number';

/**
 * MOB-06, the customer area's "Servizi mobile" of one mobile contract (seed 000 "Linee e Servizi (2/3)"). The contract
 * must be one the viewer sees under a profile the Query field allows (the RL, AF and AL of its company, seed 001);
 * any other answers null like an unknown one. The services on contract and on line are the CM8 inventory's records
 * (SAC, STS: `ListaConsistenze`); the premium services and the black list come together from one
 * `ListaServiziPremium`, made once, only if either is asked for; SMS solidale and TIMDUO, the services switched
 * line by line, from one `ListaServizioLinee` each.
 */
interface ServicesRoot { contractNumber: string; premium: () => Promise<ContractPremiumServices> }

/** SAC are a handful per contract: one page of the largest size holds them. */
const ALL_CONTRACT_SERVICES = { offset: 0, limit: 100 };

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
}

export const mobileServicesQueries = {
  mobileServices: async (_root: unknown, { contractNumber }: { contractNumber: string }, context: SubgraphContext): Promise<ServicesRoot | null> => {
    checkContractNumber(contractNumber, 'contractNumber');
    const contract = await context.loaders.crm.contracts.load(contractNumber);
    if (!contract || contract.type !== 'MOBILE') return null;
    const place = { companyId: contract.companyId, contractNumber: contract.number };
    if (profilesOn(context.identity, 'Contract', place, profilesAllowed(context.policy, 'Query', 'mobileServices')).size === 0) return null;
    return { contractNumber, premium: once(() => context.legacy.crm.premiumServices.ofContract(contractNumber)) };
  },
};

export const mobileContractServicesFields = {
  contractServices: async ({ contractNumber }: ServicesRoot, _args: unknown, { legacy }: SubgraphContext) =>
    (await legacy.crm.inventory.listDetail('contractServices', contractNumber, {}, ALL_CONTRACT_SERVICES)).items,
  lineServices: async ({ contractNumber }: ServicesRoot, args: { status?: LineStatus | null; first: number; offset: number }, { legacy }: SubgraphContext) =>
    pageNodes(await legacy.crm.inventory.listDetail('lineServices', contractNumber, { status: args.status ?? undefined }, pageWindow(args.first, args.offset))),
  smsSolidale: ({ contractNumber }: ServicesRoot, _args: unknown, { legacy }: SubgraphContext) => legacy.crm.premiumServices.switchedLines(contractNumber, 'SMS_SOLIDALE'),
  timduo: ({ contractNumber }: ServicesRoot, _args: unknown, { legacy }: SubgraphContext) => legacy.crm.premiumServices.switchedLines(contractNumber, 'TIMDUO'),
  premiumServices: async (root: ServicesRoot) => (await root.premium()).services,
  blackList: async (root: ServicesRoot) => (await root.premium()).blackList,
};
