import type { AutomaticRecharge, LineSort, MobileLine } from '../../adapters/domain';
import { listVisibleLines, loadVisibleLine } from '../runtime/lines';
import { pageWindow } from '../runtime/pagination';
import { DateScalar, DecimalScalar } from '../runtime/scalars';
import type { Resolvers } from '../runtime/server';
import { exactMatchPage, isCompleteMobileNumber, parseSearch, scanMobileLines } from './search';
import { runDispositive, runDispositiveList } from '../runtime/dispositive/engine';
import { itemResultFields, outcomeFields } from '../runtime/dispositive/outcome';
import { CONFIRM_AUTOMATIC_RECHARGE, WAIVE_AUTOMATIC_RECHARGE } from './operations/automatic-recharge';
import { CHANGE_SIM } from './operations/change-sim';
import { REQUEST_COMPANY_RECHARGE } from './operations/company-recharge';
import { networkSettingsFields } from './network-settings';
import { SET_BUNDLE_ENABLEMENTS } from './operations/bundle-enablement';
import { ACTIVATE_SIMS_LATER } from './operations/deferred-activation';
import { BLOCK_IMEI } from './operations/imei-block';
import { SET_NETWORK_SERVICES } from './operations/network-services';
import { RIF_PROFILES, SET_RIF_PROFILE } from './operations/rif-profile';
import { BLOCK_SIM, UNBLOCK_SIM } from './operations/sim-block';
import { REQUEST_SPARE_SIMS } from './operations/spare-sims';
import { SIM_CESSATION_INSTRUCTIONS } from './sim-cessation';

interface MobileLinesArgs { first: number; offset: number; search?: string | null; sort: LineSort }
/** Mutation inputs reach the engine as sent: each declaration validates its own. */
interface MutationArgs { input: Record<string, unknown> }

/**
 * MOB-01, the lines' state the dispositive pages show first, and the dispositive operations (MOB-03, MOB-04, MOB-10 to
 * MOB-16; seed 002 §7.3.3-§7.3.13). Domain enums (status, kind, One Number role, sort, recharge modes) match the SDL,
 * so fields resolve by default.
 */
export const resolvers: Resolvers = {
  Date: DateScalar,
  Decimal: DecimalScalar,
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
  },
  MobileLine: {
    // Other subgraphs reference lines by number: the same scoping, or an entity fetch would leak a foreign line.
    __resolveReference: ({ number }: { number: string }, { identity, loaders }) =>
      loadVisibleLine(identity, 'MobileLine', loaders.crm.mobileLines, number),
    contract: (line: MobileLine) => ({ number: line.contractNumber }),
    ...networkSettingsFields,
  },
  AutomaticRecharge: {
    // The standing mode decides next month, unless a confirmation or waiver reverses it for that month.
    rechargedNextMonth: (recharge: AutomaticRecharge) => (recharge.mode === 'WAIVE') !== (recharge.changedForMonth !== null),
  },
  Mutation: {
    blockSim: async (_root, { input }: MutationArgs, context) => outcomeFields(await runDispositive(BLOCK_SIM, input, context), 'line'),
    unblockSim: async (_root, { input }: MutationArgs, context) => outcomeFields(await runDispositive(UNBLOCK_SIM, input, context), 'line'),
    changeSim: async (_root, { input }: MutationArgs, context) => outcomeFields(await runDispositive(CHANGE_SIM, input, context), 'line'),
    requestCompanyRecharge: async (_root, { input }: MutationArgs, context) =>
      outcomeFields(await runDispositive(REQUEST_COMPANY_RECHARGE, input, context), 'line'),
    confirmAutomaticRecharge: async (_root, { input }: MutationArgs, context) =>
      itemResultFields(await runDispositiveList(CONFIRM_AUTOMATIC_RECHARGE, input, 'lines', context), 'number', 'line'),
    waiveAutomaticRecharge: async (_root, { input }: MutationArgs, context) =>
      itemResultFields(await runDispositiveList(WAIVE_AUTOMATIC_RECHARGE, input, 'lines', context), 'number', 'line'),
    setBundleEnablements: async (_root, { input }: MutationArgs, context) =>
      itemResultFields(await runDispositiveList(SET_BUNDLE_ENABLEMENTS, input, 'lines', context), 'number', 'line'),
    setNetworkServices: async (_root, { input }: MutationArgs, context) => outcomeFields(await runDispositive(SET_NETWORK_SERVICES, input, context), 'line'),
    setRifProfile: async (_root, { input }: MutationArgs, context) => outcomeFields(await runDispositive(SET_RIF_PROFILE, input, context), 'line'),
    // The contract is the account subgraph's: this subgraph answers its key (number), the gateway the rest.
    requestSpareSims: async (_root, { input }: MutationArgs, context) => outcomeFields(await runDispositive(REQUEST_SPARE_SIMS, input, context), 'contract'),
    requestDeferredSimActivation: async (_root, { input }: MutationArgs, context) =>
      outcomeFields(await runDispositive(ACTIVATE_SIMS_LATER, input, context), 'contract'),
    blockImei: async (_root, { input }: MutationArgs, context) => outcomeFields(await runDispositive(BLOCK_IMEI, input, context), 'line'),
  },
};
