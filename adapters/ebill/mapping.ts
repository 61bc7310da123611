import type { AvailableTraffic, Invoice, InvoiceSearch, PaymentStatus, ResidualCredit } from '../domain';
import { bimester, count, decimal, isoDate, isoDateTime, legacyDate, optionalIsoDate, paymentStatus, year } from '../legacy-values';
import { text, type EbillRecord } from './protocol';

/** eBill records ↔ domain types. Mobile invoices are keyed by contract number (`cdCtr`). */
export function invoiceFromEbill(r: EbillRecord): Invoice {
  return {
    number: text(r, 'nrFatt'),
    // Issue 22: eBill names its unified invoices UNICA; an answer without the field is a mobile invoice.
    kind: r.tipoFatt === 'UNICA' ? 'UNIFIED' : 'MOBILE',
    accountCode: text(r, 'cdCtr'),
    lineNumber: null,
    bimester: bimester(text(r, 'bim')),
    year: year(text(r, 'anno')),
    type: null,
    paymentStatus: paymentStatus(text(r, 'stPag')),
    amount: decimal(text(r, 'imp')),
    issuedOn: isoDate(text(r, 'dtEm')),
    dueOn: optionalIsoDate(text(r, 'dtScad')),
  };
}

export function residualCreditFromEbill(r: EbillRecord): ResidualCredit {
  return { lineNumber: text(r, 'nrLinea'), amount: decimal(text(r, 'credRes')), updatedAt: isoDateTime(text(r, 'dtAgg')) };
}

export function availableTrafficFromEbill(r: EbillRecord): AvailableTraffic {
  return {
    lineNumber: text(r, 'nrLinea'),
    dataGbTotal: decimal(text(r, 'gbTot')), dataGbLeft: decimal(text(r, 'gbRes')),
    minutesTotal: count(text(r, 'minTot')), minutesLeft: count(text(r, 'minRes')),
    smsTotal: count(text(r, 'smsTot')), smsLeft: count(text(r, 'smsRes')),
  };
}

const PAYMENT_WORD: Record<PaymentStatus, string> = { PAID: 'PAGATA', TO_PAY: 'DA_PAGARE', OVERDUE: 'SCADUTA' };

/** The body of `fatture/ricerca` for one batch of contracts; `pag` is 1-based. */
export function searchRequest(search: InvoiceSearch, contracts: string[], pag: number, dimPag: number) {
  return {
    cdCtr: contracts,
    dtDa: legacyDate(search.from),
    dtA: legacyDate(search.to),
    tipoFatt: search.kind === 'UNIFIED' ? 'UNICA' : 'MOBILE',
    ...(search.number !== undefined && { nrFatt: search.number }),
    ...(search.bimester !== undefined && { bim: String(search.bimester) }),
    ...(search.paymentStatus !== undefined ? { stPag: PAYMENT_WORD[search.paymentStatus] } : search.unpaidOnly && { stPag: [PAYMENT_WORD.TO_PAY, PAYMENT_WORD.OVERDUE] }),
    pag,
    dimPag,
  };
}

/** eBill's own order: newest issue date first, then the higher invoice number. */
export function newestFirst(a: Invoice, b: Invoice): number {
  return (b.issuedOn ?? '').localeCompare(a.issuedOn ?? '') || b.number.localeCompare(a.number);
}
