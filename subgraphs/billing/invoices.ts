import type { Invoice } from '../../adapters/domain';
import { newestFirst } from '../../adapters/ebill/mapping';
import { isWithin } from '../runtime/calendar';
import type { PageNodes, PageWindow } from '../runtime/pagination';
import { emptyPage } from '../runtime/pagination';
import type { SubgraphContext } from '../runtime/server';
import { isInvoiceNumber, matchesCriteria, type InvoiceCriteria } from './arguments';
import { placedIn, viewerAccounts, type BillingAccount, type PlacedInvoice } from './accounts';
import { ceasedCustomerInvoices, ceasedCustomerLookback, invoiceListWindow } from './windows';

/**
 * Mobile and unified invoices (issue 22, "Fatture uniche"): eBill searches and pages them itself, one kind at a time,
 * newest first, across the viewer's mobile contracts.
 */
export async function listEbillInvoices(context: SubgraphContext, kind: 'MOBILE' | 'UNIFIED', criteria: InvoiceCriteria, page: PageWindow): Promise<PageNodes<PlacedInvoice>> {
  const { mobile } = await viewerAccounts(context);
  if (mobile.length === 0) return emptyPage();
  const found = await context.legacy.ebill.searchInvoices({ accountCodes: mobile.map((a) => a.code), kind, ...invoiceListWindow(), ...criteria }, page);
  const byCode = new Map(mobile.map((a) => [a.code, a]));
  return { totalCount: found.totalCount, nodes: found.items.map((invoice) => placedIn(accountOf(byCode, invoice))(invoice)) };
}

/** Fixed invoices: EBPFA only lists per customer code, so the search and the page are cut here. */
export async function listFixedInvoices(context: SubgraphContext, criteria: InvoiceCriteria, page: PageWindow): Promise<PageNodes<PlacedInvoice>> {
  const matching = (await visibleFixedInvoices(context)).filter((invoice) => matchesCriteria(invoice, criteria));
  return { totalCount: matching.length, nodes: matching.slice(page.offset, page.offset + page.limit) };
}

/**
 * An invoice by number, when the viewer may see it: exactly the invoices the lists would show, so a number outside
 * his accounts (or his window) answers null like an unknown one. It also costs what an unknown one costs: eBill is
 * asked for the number (batched by the loader) and EBPFA for the viewer's fixed invoices (it can only list them; the
 * loader caches the list for the rest of the request) whatever eBill answers. Stopping at eBill's answer made a
 * foreign mobile invoice answer faster than a made-up number, so that timing told which numbers exist.
 */
export async function findVisibleInvoice(context: SubgraphContext, number: string): Promise<PlacedInvoice | null> {
  if (!isInvoiceNumber(number)) return null;
  const [{ mobile }, mobileInvoice, fixedInvoices] = await Promise.all([
    viewerAccounts(context), context.loaders.ebill.invoices.load(number), visibleFixedInvoices(context),
  ]);
  if (mobileInvoice) {
    const account = mobile.find((a) => a.code === mobileInvoice.accountCode);
    const listed = mobileInvoice.issuedOn !== null && isWithin(mobileInvoice.issuedOn, invoiceListWindow());
    return account && listed ? placedIn(account)(mobileInvoice) : null;
  }
  return fixedInvoices.find((invoice) => invoice.number === number) ?? null;
}

/** Every fixed invoice the viewer may see, newest first: 12 months, or the last bimesters of a ceased account. */
async function visibleFixedInvoices(context: SubgraphContext): Promise<PlacedInvoice[]> {
  const { fixed } = await viewerAccounts(context);
  const perAccount = await Promise.all(fixed.map(async (account) => {
    const window = account.ceasedCustomerOnly ? ceasedCustomerLookback() : invoiceListWindow();
    const invoices = await context.loaders.ebpfa.invoicesByCustomerCode.load({ customerCode: account.code, ...window });
    return (account.ceasedCustomerOnly ? ceasedCustomerInvoices(invoices) : invoices).map(placedIn(account));
  }));
  // eBill's order, so that both kinds of invoices list alike.
  return perAccount.flat().sort(newestFirst);
}

function accountOf(byCode: Map<string, BillingAccount>, invoice: Invoice): BillingAccount {
  const account = byCode.get(invoice.accountCode);
  // eBill was asked about these contracts only: anything else is a legacy bug, not something to show.
  if (!account) throw new Error(`eBill answered invoice ${invoice.number} of contract ${invoice.accountCode}, which was not asked for`);
  return account;
}
