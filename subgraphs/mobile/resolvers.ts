import type { LineSort, MobileLine } from '../../adapters/domain';
import { listVisibleLines, loadVisibleLine } from '../runtime/lines';
import { pageWindow } from '../runtime/pagination';
import { DateScalar } from '../runtime/scalars';
import type { Resolvers } from '../runtime/server';
import { exactMatchPage, isCompleteMobileNumber, parseSearch, scanMobileLines } from './search';
import { runDispositive } from '../runtime/dispositive/engine';
import { outcomeFields } from '../runtime/dispositive/outcome';
import { BLOCK_SIM, UNBLOCK_SIM } from './operations/sim-block';

interface MobileLinesArgs { first: number; offset: number; search?: string | null; sort: LineSort }
/** Mutation inputs reach the engine as sent: each declaration validates its own. */
interface MutationArgs { input: Record<string, unknown> }

/** MOB-01 and MOB-03. Domain enums (status, kind, One Number role, sort) match the SDL, so fields resolve by default. */
export const resolvers: Resolvers = {
  Date: DateScalar,
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
  Mutation: {
    blockSim: async (_root, { input }: MutationArgs, context) => outcomeFields(await runDispositive(BLOCK_SIM, input, context), 'line'),
    unblockSim: async (_root, { input }: MutationArgs, context) => outcomeFields(await runDispositive(UNBLOCK_SIM, input, context), 'line'),
  },
};
