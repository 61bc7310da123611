import type { Invoice } from '../domain';
import { bimester, decimal, isoDate, optionalIsoDate, paymentStatus, year } from '../legacy-values';

/** The columns of EBPFA's invoice flow, in order. */
export const INVOICE_COLUMNS = [
  'COD_CLIENTE', 'NUM_FATTURA', 'NUM_LINEA', 'BIMESTRE', 'ANNO', 'TIPO', 'STATO_PAG', 'IMPORTO', 'DATA_EMISSIONE', 'DATA_SCADENZA',
] as const;
export type InvoiceFlowRow = Record<(typeof INVOICE_COLUMNS)[number], string>;

/** Fixed invoices are keyed by the billing customer code (`COD_CLIENTE`). */
export function invoiceFromEbpfa(row: InvoiceFlowRow): Invoice {
  return {
    number: row.NUM_FATTURA,
    kind: 'FIXED',
    accountCode: row.COD_CLIENTE,
    lineNumber: row.NUM_LINEA || null,
    bimester: bimester(row.BIMESTRE),
    year: year(row.ANNO),
    type: row.TIPO || null,
    paymentStatus: paymentStatus(row.STATO_PAG),
    amount: decimal(row.IMPORTO),
    issuedOn: isoDate(row.DATA_EMISSIONE),
    dueOn: optionalIsoDate(row.DATA_SCADENZA),
  };
}
