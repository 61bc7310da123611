import type { InvoiceKind } from '../../adapters/domain';
import { EBILL_BATCH_LIMIT } from '../../adapters/ebill/client';
import { invoicesCsvPath } from '../../adapters/ebill/protocol';
import { EBPFA_CUSTOMER_CODE_LIMIT } from '../../adapters/ebpfa/client';
import { invoiceFlowPath } from '../../adapters/ebpfa/protocol';
import { legacyRejected } from '../../adapters/errors';
import { legacyDate } from '../../adapters/legacy-values';
import { currentRequestScope } from '../../observability/request-scope';
import { LIST_FILE_TYPES, type DownloadableFile } from '../runtime/downloads';
import type { SubgraphContext } from '../runtime/server';
import { viewerAccounts } from './accounts';
import { TWELVE_MONTHS, UNPAID_FIVE_YEARS } from './invoices';

/**
 * Issue 22 (seed 000 "Fatture": "esportare l'intera lista"; BIL-05 "exportable like the 12-month list"): a list of
 * invoices as a file, the whole list whatever the page, made by the system that holds the invoices (eBill's CSV,
 * EBPFA's own flow) and handed out as a signed link for the viewer, like the PDFs. Reads nothing to make the link:
 * the accounts are the request's (one CRM call, shared with the lists). Null without an account of that kind.
 */
export async function invoicesFileUrl(args: { kind: InvoiceKind; unpaid?: boolean | null }, context: SubgraphContext): Promise<string | null> {
  const list = args.unpaid ? UNPAID_FIVE_YEARS : TWELVE_MONTHS;
  const accounts = await viewerAccounts(context);
  // A ceased customer's lists are cut to his last bimesters, which a system's file cannot do: his pages have no export.
  const codes = (args.kind === 'FIXED' ? accounts.fixed : accounts.mobile).filter((a) => !a.ceasedCustomerOnly).map((a) => a.code);
  if (codes.length === 0) return null;
  const { from, to } = list.window();
  const [dal, al] = [legacyDate(from), legacyDate(to)];
  const limit = args.kind === 'FIXED' ? EBPFA_CUSTOMER_CODE_LIMIT : EBILL_BATCH_LIMIT;
  if (codes.length > limit) throw legacyRejected(args.kind === 'FIXED' ? 'EBPFA' : 'eBill', `The list of more than ${limit} accounts cannot be exported as one file: search it page by page.`, currentRequestScope()?.correlationId ?? '');
  const name = `fatture_${args.kind.toLowerCase()}${args.unpaid ? '_da_pagare' : ''}.csv`;
  const file: DownloadableFile = args.kind === 'FIXED'
    ? { system: 'EBPFA', path: invoiceFlowPath(codes, dal, al, list.unpaidOnly ? ['DA PAGARE', 'SCADUTA'] : undefined), fileName: name, contentType: 'text/csv; charset=ISO-8859-1' }
    : { system: 'eBill', path: invoicesCsvPath(codes, args.kind, dal, al, list.unpaidOnly), fileName: name, contentType: LIST_FILE_TYPES.CSV };
  return context.downloads.urlFor(file, context.identity.userId);
}
