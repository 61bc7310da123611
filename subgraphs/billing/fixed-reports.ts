import { EBPFA_CUSTOMER_CODE_LIMIT, type BilledConsumptionItem, type BilledService, type CostCentreSpend } from '../../adapters/ebpfa';
import { batchesOf } from '../../adapters/batches';
import { badUserInput } from '../../adapters/errors';
import { emptyPage, pageWindow, type PageNodes } from '../runtime/pagination';
import type { SubgraphContext } from '../runtime/server';
import { viewerAccounts } from './accounts';
import { invoiceListWindow } from './windows';

/**
 * Issue 22 (CON-04; seed 000 "Consumi", Report fisso): EBPFA's reports of what the fixed invoices of the last 12 months
 * billed, for the customer codes the viewer's invoices are listed from (the same accounts, one CRM call per request).
 * EBPFA sends a whole flow per call of up to 20 codes; the page is cut here. A ceased customer's accounts are left out
 * (his lists are cut to his last bimesters, which a flow cannot do; CC does not enter "Report" anyway).
 */
async function reportCodes(context: SubgraphContext): Promise<string[][]> {
  const { fixed } = await viewerAccounts(context);
  return batchesOf(fixed.filter((a) => !a.ceasedCustomerOnly).map((a) => a.code), EBPFA_CUSTOMER_CODE_LIMIT);
}

export async function billedConsumption(
  args: { service: BilledService; bimester?: number | null; first: number | null; offset: number | null }, context: SubgraphContext,
): Promise<PageNodes<BilledConsumptionItem>> {
  const page = pageWindow(args.first, args.offset);
  if (args.bimester != null && !(Number.isInteger(args.bimester) && args.bimester >= 1 && args.bimester <= 6)) throw badUserInput('bimester', 'must be 1 to 6');
  const batches = await reportCodes(context);
  if (batches.length === 0) return emptyPage();
  const { from, to } = invoiceListWindow();
  const items = (await Promise.all(batches.map((codes) => context.legacy.ebpfa.billedConsumption(codes, args.service, from, to)))).flat()
    .filter((item) => args.bimester == null || item.bimester === args.bimester);
  return { totalCount: items.length, nodes: items.slice(page.offset, page.offset + page.limit) };
}

export async function networkManagement(context: SubgraphContext): Promise<CostCentreSpend[] | null> {
  const batches = await reportCodes(context);
  const { from, to } = invoiceListWindow();
  const spend = (await Promise.all(batches.map((codes) => context.legacy.ebpfa.networkManagement(codes, from, to)))).flat();
  // EBPFA has rows only for the customers that subscribed Internet Cost Administration (each has cost centres).
  return spend.length > 0 ? spend : null;
}
