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
import { BLOCK_SIM, UNBLOCK_SIM } from './operations/sim-block';

interface MobileLinesArgs { first: number; offset: number; search?: string | null; sort: LineSort }
/** Mutation inputs reach the engine as sent: each declaration validates its own. */
interface MutationArgs { input: Record<string, unknown> }

/**
 * MOB-01, the lines' state the dispositive pages show first, and the dispositive operations (MOB-03, MOB-04, MOB-16;
 * seed 002 §7.3.3, 7.3.4, 7.3.7, 7.3.8). Domain enums (status, kind, One Number role, sort, recharge modes) match the
 * SDL, so fields resolve by default.
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
  },
  MobileLine: {
    // Other subgraphs reference lines by number: the same scoping, or an entity fetch would leak a foreign line.
    __resolveReference: ({ number }: { number: string }, { identity, loaders }) =>
      loadVisibleLine(identity, 'MobileLine', loaders.crm.mobileLines, number),
    contract: (line: MobileLine) => ({ number: line.contractNumber }),
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
  },
};
