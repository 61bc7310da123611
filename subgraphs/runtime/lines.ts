import type DataLoader from 'dataloader';
import type { Page, RecordFilter } from '../../adapters/domain';
import type { Identity } from './identity';
import { emptyPage, pageNodes, type PageNodes } from './pagination';
import { covers, recordFilter, type RecordKind, type RecordPlace } from './records';

/**
 * Record scoping for mobile and fixed lines, shared by the subgraphs that serve them: a line is read through the
 * rules of records.ts whether it is listed, looked up by number or fetched as an entity by another subgraph.
 */
type LineKind = Extract<RecordKind, 'MobileLine' | 'FixedLine'>;

export interface LineRecord { number: string; contractNumber: string; companyId: string }

export const linePlace = (line: LineRecord): RecordPlace =>
  ({ companyId: line.companyId, contractNumber: line.contractNumber, lineNumber: line.number });

/** Line numbers are digits (E.164 allows 15); anything else is unknown without asking CRM, whose batch it would fail. */
const LINE_NUMBER = /^\d{1,15}$/;

/** The line, or null when it does not exist or is outside the grants: both answers are the same on purpose. */
export async function loadVisibleLine<L extends LineRecord>(
  identity: Identity, kind: LineKind, loader: DataLoader<string, L | null>, number: string,
): Promise<L | null> {
  if (!LINE_NUMBER.test(number)) return null;
  const line = await loader.load(number);
  return line && covers(identity, kind, linePlace(line)) ? line : null;
}

/**
 * One page of the lines the identity may see, listed by CRM with the identity's own filter (so scoping costs no
 * extra call). The loader is primed with the page: entity fetches of these lines later in the request are free.
 */
export async function listVisibleLines<L extends LineRecord>(
  identity: Identity, kind: LineKind, loader: DataLoader<string, L | null>, list: (filter: RecordFilter) => Promise<Page<L>>,
): Promise<PageNodes<L>> {
  const filter = recordFilter(identity, kind);
  if (!filter) return emptyPage();
  const page = await list(filter);
  for (const line of page.items) loader.prime(line.number, line);
  return pageNodes(page);
}
