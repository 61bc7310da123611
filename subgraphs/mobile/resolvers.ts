import type { AutomaticRecharge, LineSort, MobileLine } from '../../adapters/domain';
import { linePlace, listVisibleLines, loadVisibleLine } from '../runtime/lines';
import { covers } from '../runtime/records';
import { pageWindow } from '../runtime/pagination';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../runtime/scalars';
import { mySimFields } from './my-sim';
import { personalTrafficFields } from './personal-traffic';
import { personalTopUpResolvers } from './personal-top-up';
import type { Resolvers } from '../runtime/server';
import { exactMatchPage, isCompleteMobileNumber, parseSearch, scanMobileLines } from './search';
import { dispositiveMutations } from '../runtime/dispositive/resolvers';
import { networkSettingsFields } from './network-settings';
import { MOBILE_OPERATIONS } from './operations';
import { RIF_PROFILES } from './operations/rif-profile';
import { SIM_CESSATION_INSTRUCTIONS } from './sim-cessation';
import { imeiField, inventoryQueries, mobileInventoryFields } from './inventory';
import { exportJobFields, exportMutations, exportQueries } from './exports';
import { lineSimFields } from './sim-imei';
import { moveMobileLineToContract } from './operations/line-contract-move';
import { mobileContractServicesFields, mobileServicesQueries } from './mobile-services';

interface MobileLinesArgs { first: number; offset: number; search?: string | null; sort: LineSort }

/**
 * MOB-01, the lines' state the dispositive pages show first, and the dispositive operations (MOB-03, MOB-04, MOB-10 to
 * MOB-16; seed 002 §7.3.3-§7.3.13). Domain enums (status, kind, One Number role, sort, recharge modes) match the SDL,
 * so fields resolve by default.
 */
export const resolvers: Resolvers = {
  Date: DateScalar,
  Decimal: DecimalScalar,
  DateTime: DateTimeScalar,
  Query: {
    mobileLines: async (_root, args: MobileLinesArgs, { identity, loaders, legacy }) => {
      const window = pageWindow(args.first, args.offset);
      const search = parseSearch(args.search);
      if (search && isCompleteMobileNumber(search)) {
        return exactMatchPage(await loadVisibleLine(identity, 'MobileLine', loaders.crm.mobileLines, search), window);
      }
      return listVisibleLines(identity, 'MobileLine', loaders.crm.mobileLines, (filter) => (search
        ? scanMobileLines(legacy.crm, filter, args.sort, search, window)
        : legacy.crm.listMobileLines(filter, window, args.sort)));
    },
    mobileLine: (_root, { number }: { number: string }, { identity, loaders }) =>
      loadVisibleLine(identity, 'MobileLine', loaders.crm.mobileLines, number),
    rifProfiles: () => RIF_PROFILES,
    simCessation: () => SIM_CESSATION_INSTRUCTIONS,
    // h-inventory: MOB-07, MOB-08, the price list (seed 002 §7.2).
    ...inventoryQueries,
    ...exportQueries,
    ...personalTopUpResolvers.Query,
    // Issue 21: the customer area's "Servizi mobile" (MOB-06).
    ...mobileServicesQueries,
  },
  MobileInventory: mobileInventoryFields,
  MobileContractServices: mobileContractServicesFields,
  ExportJob: exportJobFields,
  MobileLine: {
    // Other subgraphs reference lines by number: the same scoping, or an entity fetch would leak a foreign line.
    __resolveReference: ({ number }: { number: string }, { identity, loaders }) =>
      loadVisibleLine(identity, 'MobileLine', loaders.crm.mobileLines, number),
    // h-invoice: the contract's key only to a viewer who may see the contract (its description: null for a
    // TRAFFIC_MANAGER or an EU), or the key alone would tell pasquale.eu, EU here and ROA elsewhere, his line's contract.
    contract: (line: MobileLine, _args, { identity }) => (covers(identity, 'Contract', linePlace(line)) ? { number: line.contractNumber } : null),
    ...networkSettingsFields,
    imei: imeiField,
    ...mySimFields,
    ...personalTrafficFields, // h-prepaid (seed 002 §9.1.1)
  },
  AutomaticRecharge: {
    // The standing mode decides next month, unless a confirmation or waiver reverses it for that month.
    rechargedNextMonth: (recharge: AutomaticRecharge) => (recharge.mode === 'WAIVE') !== (recharge.changedForMonth !== null),
  },
  // Every dispositive operation from its declaration; contract outcomes answer the contract's key, the account
  // subgraph the rest.
  Mutation: {
    ...(dispositiveMutations(MOBILE_OPERATIONS) as Record<string, unknown>), ...exportMutations, ...personalTopUpResolvers.Mutation,
    // Issue 21 (MOB-17): the engine's, once the destination contract is authorised too.
    moveMobileLineToContract,
  },
  // h-employee (issue 12)
  PersonalTopUpPayment: personalTopUpResolvers.PersonalTopUpPayment,
  PersonalTopUp: personalTopUpResolvers.PersonalTopUp,
  // h-invoice (issue 12): the IMEI of each SIM of "La mia SIM".
  LineSim: lineSimFields,
};
