import type { FixedLine } from '../../adapters/domain';
import { badUserInput } from '../../adapters/errors';
import type { FixedInventoryGroup, FixedInventoryGrouping } from '../../adapters/crm/fixed-services';
import { listVisibleLines, loadVisibleLine } from '../runtime/lines';
import { emptyPage, pageNodes, pageWindow, type PageWindow } from '../runtime/pagination';
import { recordFilter } from '../runtime/records';
import { DateScalar } from '../runtime/scalars';
import { dispositiveMutations } from '../runtime/dispositive/resolvers';
import { FIXED_OPERATIONS } from './operations';
import type { IntelligentNumberRecord } from './intelligent-number';
import { visibleIntelligentNumbers, visibleServiceLinks } from './services';
import type { Resolvers } from '../runtime/server';

/** The lines asked of every group of the inventory, checked like a page (BAD_USER_INPUT naming linesFirst / linesOffset). */
function linesWindow(first: number, offset: number): PageWindow {
  try {
    return pageWindow(first, offset);
  } catch {
    throw badUserInput(Number.isInteger(first) && first >= 1 && first <= 100 ? 'linesOffset' : 'linesFirst', 'must be a page of 1 to 100 lines from an offset of 0 or more');
  }
}

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
    // FIX-01 (seed 004): CRM groups the lines of the viewer's own filter, a page of groups per call; the lines of the
    // groups are then one batched look-up.
    fixedInventory: async (_root, args: { groupBy: FixedInventoryGrouping; first: number; offset: number; linesFirst: number; linesOffset: number },
      { identity, legacy }) => {
      const window = pageWindow(args.first, args.offset);
      const lines = linesWindow(args.linesFirst, args.linesOffset);
      const filter = recordFilter(identity, 'FixedLine');
      if (!filter) return emptyPage();
      const page = pageNodes(await legacy.crm.fixed.inventory(filter, args.groupBy, window));
      return { ...page, nodes: page.nodes.map((group) => ({ ...group, lines })) };
    },
    intelligentNumbers: (_root, _args, context) => visibleIntelligentNumbers(context),
    fixedServiceLinks: (_root, _args, context) => visibleServiceLinks(context),
  },
  Mutation: dispositiveMutations(FIXED_OPERATIONS),
  FixedLine: {
    // Other subgraphs reference fixed lines by number: the same scoping, or an entity fetch would leak a foreign line.
    __resolveReference: ({ number }: { number: string }, { identity, loaders }) =>
      loadVisibleLine(identity, 'FixedLine', loaders.crm.fixedLines, number),
    contract: (line: FixedLine) => ({ number: line.contractNumber }),
    services: (line: FixedLine, _args, { loaders }) => loaders.crm.fixedLineServices.load(line.number),
  },
  FixedInventoryGroup: {
    lines: async (group: FixedInventoryGroup & { lines: PageWindow }, _args, { loaders }) => {
      const { offset, limit } = group.lines;
      const lines = await Promise.all(group.lineNumbers.slice(offset, offset + limit).map((n) => loaders.crm.fixedLines.load(n)));
      return lines.filter((l): l is FixedLine => l !== null);
    },
  },
  IntelligentNumber: {
    contract: (record: IntelligentNumberRecord) => ({ number: record.contractNumber }),
    kind: (record: IntelligentNumberRecord) => record.plan!.kind,
    routingPlan: (record: IntelligentNumberRecord) => record.plan,
  },
};
