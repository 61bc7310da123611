import type { InvoiceKind, InvoiceSearch, PaymentStatus } from '../../adapters/domain';
import { badUserInput } from '../../adapters/errors';
import { pageWindow, type PageWindow } from '../runtime/pagination';

/** One invoices page is at most what eBill answers for a batch: 50. */
export const MAX_INVOICES_PAGE = 50;

/** Invoice numbers are a two-character series and digits: 7X00412066 (eBill), 8W00038521 (EBPFA), 7L… (generated). */
export const INVOICE_NUMBER = /^[0-9A-Z]{2}\d{6,12}$/;

export const isInvoiceNumber = (value: string) => INVOICE_NUMBER.test(value);

export interface InvoicesArgs {
  kind: InvoiceKind;
  first: number | null;
  offset: number | null;
  number?: string | null;
  bimester?: number | null;
  paymentStatus?: PaymentStatus | null;
}

/** The search part of `InvoiceSearch`: absent criteria are left out (never null), as the adapters expect. */
export type InvoiceCriteria = Pick<InvoiceSearch, 'number' | 'bimester' | 'paymentStatus'>;

/** Checks the arguments of Query.invoices before any legacy call; BAD_USER_INPUT names the argument at fault. */
export function parseInvoicesArgs(args: InvoicesArgs): { page: PageWindow; criteria: InvoiceCriteria } {
  const page = pageWindow(args.first, args.offset, MAX_INVOICES_PAGE);
  const criteria: InvoiceCriteria = {};
  if (args.number != null) {
    if (!isInvoiceNumber(args.number)) throw badUserInput('number', 'must be an invoice number like 7X00412066');
    criteria.number = args.number;
  }
  if (args.bimester != null) {
    if (!Number.isInteger(args.bimester) || args.bimester < 1 || args.bimester > 6) {
      throw badUserInput('bimester', 'must be between 1 and 6');
    }
    criteria.bimester = args.bimester;
  }
  if (args.paymentStatus != null) criteria.paymentStatus = args.paymentStatus;
  return { page, criteria };
}

/** The same criteria applied to invoices already in memory (EBPFA has no search of its own). */
export function matchesCriteria(invoice: { number: string; bimester: number; paymentStatus: PaymentStatus }, criteria: InvoiceCriteria): boolean {
  return (criteria.number === undefined || invoice.number === criteria.number)
    && (criteria.bimester === undefined || invoice.bimester === criteria.bimester)
    && (criteria.paymentStatus === undefined || invoice.paymentStatus === criteria.paymentStatus);
}
