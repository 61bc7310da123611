import type { MobileLine } from '../../adapters/domain';
import { priceListPath, type InventoryDetail } from '../../adapters/crm/inventory';
import type { InventorySearch } from '../../adapters/inventory-domain';
import { workingContract } from '../runtime/cm8-contract';
import { pageNodes, pageWindow } from '../runtime/pagination';
import { profilesAllowed } from '../runtime/policy/directives';
import type { SubgraphContext } from '../runtime/server';
import { isCompleteMobileNumber, parseSearch } from './search';

/**
 * The CM8 inventory and price list (seed 002 §7.2; MOB-07, MOB-08). `mobileInventory` only settles the contract
 * (no legacy call); each field then costs its own CRM call: the aggregates one `GetConsistenzeAggregate` for every
 * contract of the request, a detail list one `ListaConsistenze` page, the IMEIs one `GetImeiLinee` for the lines
 * that ask for it.
 */
interface InventoryRoot { contractNumber: string }
interface PageArgs { first: number; offset: number }

/** The contract the viewer works on, with the profiles the Query field itself allows (the SDL's @allow). */
const contractFor = (field: string, contractNumber: string | null | undefined, context: SubgraphContext) =>
  workingContract(context, profilesAllowed(context.policy, 'Query', field), contractNumber);

/** "Linea": a complete mobile number, or else the ICCID of one of the line's SIMs. */
function lineSearch(raw: string | null | undefined): InventorySearch {
  const search = parseSearch(raw);
  if (!search) return {};
  return isCompleteMobileNumber(search) ? { lineNumber: search } : { iccid: search };
}

/** One detail list as a paginated field: the page asked for, the search its arguments make. */
function detailField<A extends PageArgs>(kind: InventoryDetail, search: (args: A) => InventorySearch) {
  return async (root: InventoryRoot, args: A, { legacy }: SubgraphContext) =>
    pageNodes(await legacy.crm.inventory.listDetail(kind, root.contractNumber, search(args), pageWindow(args.first, args.offset)));
}

const EMPTY_AGGREGATES = { lines: [], lineServices: [], timTuoPostpaid: [], timTuoPrepaid: [], devices: [], contractServices: [] };

export const inventoryQueries = {
  mobileInventory: async (_root: unknown, { contractNumber }: { contractNumber?: string | null }, context: SubgraphContext) => {
    const contract = await contractFor('mobileInventory', contractNumber, context);
    return contract && { contractNumber: contract };
  },
  priceList: async (_root: unknown, { contractNumber }: { contractNumber?: string | null }, context: SubgraphContext) => {
    const contract = await contractFor('priceList', contractNumber, context);
    if (!contract) return null;
    const file = { system: 'CRM' as const, path: priceListPath(contract), fileName: `listino-${contract}.pdf`, contentType: 'application/pdf' };
    return { fileName: file.fileName, contentType: file.contentType, url: await context.downloads.urlFor(file, context.identity.userId) };
  },
};

export const mobileInventoryFields = {
  // Grants come from CRM, so a contract granted is one CRM holds; should it not answer for it, the lists are empty.
  aggregates: async ({ contractNumber }: InventoryRoot, _args: unknown, { loaders }: SubgraphContext) =>
    (await loaders.crm.inventories.load(contractNumber)) ?? EMPTY_AGGREGATES,
  lines: async (root: InventoryRoot, args: PageArgs & { search?: string | null }, context: SubgraphContext) => {
    const page = await detailField<typeof args>('lines', (a) => lineSearch(a.search))(root, args, context);
    // Later look-ups of these lines in the same request (entity fetches) are free.
    for (const line of page.nodes as MobileLine[]) context.loaders.crm.mobileLines.prime(line.number, line);
    return page;
  },
  lineServices: detailField<PageArgs & { lineNumber?: string | null }>('lineServices', (a) => ({ lineNumber: a.lineNumber ?? undefined })),
  timTuoPostpaid: detailField<PageArgs & { lineNumber?: string | null; lastName?: string | null; employeeCode?: string | null; taxCode?: string | null }>(
    'timTuoPostpaid', (a) => ({
      lineNumber: a.lineNumber ?? undefined, lastName: a.lastName?.trim().toUpperCase() || undefined,
      employeeCode: a.employeeCode ?? undefined, taxCode: a.taxCode?.trim().toUpperCase() || undefined,
    })),
  devices: detailField<PageArgs>('devices', () => ({})),
  contractServices: detailField<PageArgs>('contractServices', () => ({})),
};

/** MobileLine.imei: asked for explicitly ("Richiedi"), looked up for every line of the response in one call. */
export const imeiField = (line: MobileLine, _args: unknown, { loaders }: SubgraphContext) => loaders.crm.imeis.load(line.number);
