import type { LineSort, MobileLine, Page, RecordFilter } from '../../adapters/domain';
import { badUserInput } from '../../adapters/errors';
import type { CrmClient } from '../../adapters/crm';
import { MAX_PAGE_SIZE, type PageWindow, type PageNodes } from '../runtime/pagination';

/**
 * MOB-01 search: by the first digits of a line number or of an ICCID.
 *
 * CRM cannot search: `ListaLineeMobili` filters by customer, contract and exact line numbers only (and a record
 * matches if it matches *any* of them, so a number cannot narrow the viewer's own filter either). Hence:
 * - a complete mobile number (10 digits from 3; no ICCID starts with 3) is one keyed lookup, batched by the loader;
 * - anything shorter, or an ICCID, scans the viewer's lines in CRM pages of 100 fetched in parallel and filters
 *   them here. That costs ceil(lines / 100) calls, so the scan is refused beyond MAX_SCANNED_LINES lines: such a
 *   customer must type the full number. A CRM search operation would remove the scan.
 */
const MAX_SCANNED_LINES = 5000;

/** The search digits, or null for no search; spaces are dropped since people type numbers in groups. */
export function parseSearch(raw: string | null | undefined): string | null {
  const digits = raw?.replace(/\s+/g, '') ?? '';
  if (digits === '') return null;
  if (!/^\d{1,20}$/.test(digits)) throw badUserInput('search', 'must be the first digits of a line number or of an ICCID');
  return digits;
}

export const isCompleteMobileNumber = (search: string) => /^3\d{9}$/.test(search);

export const matchesSearch = (line: MobileLine, search: string) =>
  line.number.startsWith(search) || line.iccid.startsWith(search);

/** The page a keyed lookup gives: the line itself on the first page, nothing after it. */
export function exactMatchPage(line: MobileLine | null, window: PageWindow): PageNodes<MobileLine> {
  return { totalCount: line ? 1 : 0, nodes: line && window.offset === 0 ? [line] : [] };
}

export async function scanMobileLines(
  crm: CrmClient, filter: RecordFilter, sort: LineSort, search: string, window: PageWindow,
): Promise<Page<MobileLine>> {
  const list = (offset: number) => crm.listMobileLines(filter, { offset, limit: MAX_PAGE_SIZE }, sort);
  const first = await list(0);
  if (first.totalCount > MAX_SCANNED_LINES) {
    throw badUserInput('search', `you have more than ${MAX_SCANNED_LINES} lines: type the full 10-digit number`);
  }
  const offsets: number[] = [];
  for (let offset = MAX_PAGE_SIZE; offset < first.totalCount; offset += MAX_PAGE_SIZE) offsets.push(offset);
  const rest = await Promise.all(offsets.map(list));
  const matches = [first, ...rest].flatMap((page) => page.items).filter((line) => matchesSearch(line, search));
  return { totalCount: matches.length, items: matches.slice(window.offset, window.offset + window.limit) };
}
