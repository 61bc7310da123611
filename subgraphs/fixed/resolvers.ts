import type { FixedLine } from '../../adapters/domain';
import { listVisibleLines, loadVisibleLine } from '../runtime/lines';
import { pageWindow } from '../runtime/pagination';
import { DateScalar } from '../runtime/scalars';
import { dispositiveMutations } from '../runtime/dispositive/resolvers';
import { FIXED_OPERATIONS } from './operations';
import type { Resolvers } from '../runtime/server';

/** FIX-01. Domain enums (status, type) and the address shape match the SDL, so most fields resolve by default. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: {
    fixedLines: (_root, args: { first: number; offset: number }, { identity, loaders, legacy }) => {
      const window = pageWindow(args.first, args.offset);
      return listVisibleLines(identity, 'FixedLine', loaders.crm.fixedLines, (filter) => legacy.crm.listFixedLines(filter, window, 'NUMBER'));
    },
    fixedLine: (_root, { number }: { number: string }, { identity, loaders }) =>
      loadVisibleLine(identity, 'FixedLine', loaders.crm.fixedLines, number),
  },
  Mutation: dispositiveMutations(FIXED_OPERATIONS),
  FixedLine: {
    // Other subgraphs reference fixed lines by number: the same scoping, or an entity fetch would leak a foreign line.
    __resolveReference: ({ number }: { number: string }, { identity, loaders }) =>
      loadVisibleLine(identity, 'FixedLine', loaders.crm.fixedLines, number),
    contract: (line: FixedLine) => ({ number: line.contractNumber }),
  },
};
