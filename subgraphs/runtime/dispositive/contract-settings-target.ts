import type { Contract, ContractPaymentSettings } from '../../../adapters/domain';
import type { SubgraphContext } from '../server';
import { CONTRACT, type TargetKind } from './targets';

/**
 * A contract with its payment settings as CRM records them (issue 21: NoCarta, direct debit; MOB-02, FIX-05): the rules
 * of these changes read both, so the engine loads both, for any plausible number (a foreign or unknown contract costs
 * the same two look-ups, batched with the page's). The outcome's record is the contract, with the contract data's
 * loader holding the settings as they now are.
 */
export interface ContractWithSettings extends Contract { paymentSettings: ContractPaymentSettings }

const NONE: ContractPaymentSettings = { paperless: false, directDebit: null };

export const CONTRACT_SETTINGS: TargetKind<ContractWithSettings> = {
  ...CONTRACT,
  async load(number, context) {
    const [contract, data] = await Promise.all([CONTRACT.load(number, context), context.loaders.crm.contractData.load(number)]);
    return contract && { ...contract, paymentSettings: data?.paymentSettings ?? NONE };
  },
  async reload(contract, context: SubgraphContext) {
    const [data] = await context.legacy.crm.getContractData([contract.number]);
    context.loaders.crm.contractData.clear(contract.number).prime(contract.number, data);
    return { ...await CONTRACT.reload(contract, context), paymentSettings: data?.paymentSettings ?? NONE };
  },
};
