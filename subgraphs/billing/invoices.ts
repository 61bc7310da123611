import type { Invoice } from '../../adapters/domain';
import { newestFirst } from '../../adapters/ebill/mapping';
import { isWithin, type DayRange } from '../runtime/calendar';
import type { PageNodes, PageWindow } from '../runtime/pagination';
import { emptyPage } from '../runtime/pagination';
import type { SubgraphContext } from '../runtime/server';
import { isInvoiceNumber, matchesCriteria, type InvoiceCriteria } from './arguments';
import { placedIn, viewerAccounts, type BillingAccount, type PlacedInvoice } from './accounts';
import { ceasedCustomerInvoices, ceasedCustomerLookback, invoiceListWindow, unpaidListWindow } from './windows';

/**
 * Which list of invoices a page shows: the last 12 months (BIL-01, BIL-02), or those still to pay of the last 5
 * years (BIL-05, issue 22). A ceased customer's account shows its last billed bimesters in both.
 */
export interface InvoiceList {
  /** The issue dates asked of the billing system. */
  window(): DayRange;
  /** Whether the list holds only the invoices still to pay (eBill filters them itself). */
  unpaidOnly: boolean;
  /** Of the invoices in the window, those the list shows. */
  keeps(invoice: Invoice): boolean;
}

const isUnpaid = (invoice: Invoice) => invoice.paymentStatus !== 'PAID';
const issuedWithin = (range: DayRange) => (invoice: Invoice) => invoice.issuedOn !== null && isWithin(invoice.issuedOn, range);

export const TWELVE_MONTHS: InvoiceList = { window: invoiceListWindow, unpaidOnly: false, keeps: () => true };
export const UNPAID_FIVE_YEARS: InvoiceList = { window: unpaidListWindow, unpaidOnly: true, keeps: isUnpaid };
/** What `invoice(number)` may show (and a payment may pay): an invoice on either list. */
const EITHER_LIST: InvoiceList = { window: unpaidListWindow, unpaidOnly: false, keeps: (i) => isUnpaid(i) || issuedWithin(invoiceListWindow())(i) };

/**
 * Mobile and unified invoices (issue 22, "Fatture uniche"): eBill searches and pages them itself, one kind at a time,
 * newest first, across the viewer's mobile contracts.
 */
export async function listEbillInvoices(
  context: SubgraphContext, kind: 'MOBILE' | 'UNIFIED', criteria: InvoiceCriteria, page: PageWindow, list = TWELVE_MONTHS,
): Promise<PageNodes<PlacedInvoice>> {
  const { mobile } = await viewerAccounts(context);
  if (mobile.length === 0) return emptyPage();
  const found = await context.legacy.ebill.searchInvoices(
    { accountCodes: mobile.map((a) => a.code), kind, ...list.window(), unpaidOnly: list.unpaidOnly, ...criteria }, page);
  const byCode = new Map(mobile.map((a) => [a.code, a]));
  return { totalCount: found.totalCount, nodes: found.items.map((invoice) => placedIn(accountOf(byCode, invoice))(invoice)) };
}

/** Fixed invoices: EBPFA only lists per customer code, so the search and the page are cut here. */
export async function listFixedInvoices(context: SubgraphContext, criteria: InvoiceCriteria, page: PageWindow, list = TWELVE_MONTHS): Promise<PageNodes<PlacedInvoice>> {
  const matching = (await visibleFixedInvoices(context, list)).filter((invoice) => matchesCriteria(invoice, criteria));
  return { totalCount: matching.length, nodes: matching.slice(page.offset, page.offset + page.limit) };
}

/**
 * An invoice by number, when the viewer may see it: exactly the invoices the lists would show (the 12-month list, or
 * the 5-year unpaid list), so a number outside his accounts (or his windows) answers null like an unknown one. It
 * also costs what an unknown one costs: eBill is asked for the number (batched by the loader) and EBPFA for the
 * viewer's fixed invoices (it can only list them; the loader caches the list for the rest of the request) whatever
 * eBill answers. Stopping at eBill's answer made a foreign mobile invoice answer faster than a made-up number, so
 * that timing told which numbers exist.
 */
export async function findVisibleInvoice(context: SubgraphContext, number: string): Promise<PlacedInvoice | null> {
  if (!isInvoiceNumber(number)) return null;
  const [{ mobile }, mobileInvoice, fixedInvoices] = await Promise.all([
    viewerAccounts(context), context.loaders.ebill.invoices.load(number), visibleFixedInvoices(context, EITHER_LIST),
  ]);
  if (mobileInvoice) {
    const account = mobile.find((a) => a.code === mobileInvoice.accountCode);
    const listed = issuedWithin(EITHER_LIST.window())(mobileInvoice) && EITHER_LIST.keeps(mobileInvoice);
    return account && listed ? placedIn(account)(mobileInvoice) : null;
  }
  return fixedInvoices.find((invoice) => invoice.number === number) ?? null;
}

/** Every fixed invoice of one list the viewer may see, newest first. */
async function visibleFixedInvoices(context: SubgraphContext, list: InvoiceList): Promise<PlacedInvoice[]> {
  const { fixed } = await viewerAccounts(context);
  const perAccount = await Promise.all(fixed.map(async (account) => {
    const window = account.ceasedCustomerOnly ? ceasedCustomerLookback() : list.window();
    const invoices = await context.loaders.ebpfa.invoicesByCustomerCode.load({ customerCode: account.code, ...window });
    // A ceased customer's lists are his last billed bimesters, whenever they were issued.
    const shown = account.ceasedCustomerOnly ? ceasedCustomerInvoices(invoices).filter((i) => !list.unpaidOnly || isUnpaid(i)) : invoices.filter(list.keeps);
    return shown.map(placedIn(account));
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
