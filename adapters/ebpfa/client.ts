import type { Dispatcher } from 'undici';
import iconv from 'iconv-lite';
import type { Invoice, InvoicePayment, IsoDate, PdfDocument } from '../domain';
import { createLegacyHttp } from '../http';
import type { ResilienceSettings } from '../resilience/settings';
import { batchesOf } from '../batches';
import { pdfDocument, readAnswer } from '../legacy-answer';
import { legacyCents, legacyDate } from '../legacy-values';
import { ebpfaFailure, ebpfaHeaders, flowRows, invoiceByNumberPath, invoiceFlowPath, invoicePdfPath } from './protocol';
import { INVOICE_COLUMNS, invoiceFromEbpfa } from './mapping';
import { ebpfaReportCalls, type EbpfaReportCalls } from './reports';

/** EBPFA answers for at most 20 customer codes per call. */
export const EBPFA_CUSTOMER_CODE_LIMIT = 20;

export interface EbpfaClientOptions { url: string; apiKey?: string; dispatcher?: Dispatcher; resilience?: ResilienceSettings }

/** Issue 22: the billing reports (CON-04) and the merge of two invoices (BIL-07) are reports.ts's. */
export interface EbpfaClient extends EbpfaReportCalls {
  /**
   * Fixed invoices of the billing customer codes issued between `from` and `to` (inclusive), per customer newest
   * first. More than 20 codes are split into several calls.
   */
  listInvoices(customerCodes: readonly string[], from: IsoDate, to: IsoDate): Promise<Invoice[]>;
  /** Issue 22 (BIL-06): one invoice by its number, whoever's it is; null when EBPFA has none. */
  findInvoice(number: string): Promise<Invoice | null>;
  getInvoicePdf(number: string): Promise<PdfDocument | null>;
  /**
   * Issue 22 (BIL-04): records a charged online payment of a fixed invoice, which turns paid; once per payment id
   * (the same id again answers the invoice as it is). Answers the invoice as EBPFA now has it.
   */
  payInvoice(payment: InvoicePayment): Promise<Invoice>;
  close(): Promise<void>;
}

export function createEbpfaClient(options: EbpfaClientOptions): EbpfaClient {
  const http = createLegacyHttp({
    system: 'EBPFA',
    url: options.url,
    headers: ebpfaHeaders(options.apiKey),
    dispatcher: options.dispatcher,
    resilience: options.resilience,
  });

  async function invoicesOf(codes: string[], from: IsoDate, to: IsoDate): Promise<Invoice[]> {
    const operation = 'flussi/fatture';
    return http.call({ method: 'GET', path: invoiceFlowPath(codes, legacyDate(from), legacyDate(to)), operation, kind: 'read', batchSize: codes.length },
      (res) => readAnswer('EBPFA', operation, res, (r) => flowRows(r, INVOICE_COLUMNS).map(invoiceFromEbpfa)));
  }

  return {
    ...ebpfaReportCalls(http),
    async listInvoices(customerCodes, from, to) {
      const batches = batchesOf(customerCodes, EBPFA_CUSTOMER_CODE_LIMIT);
      return (await Promise.all(batches.map((codes) => invoicesOf(codes, from, to)))).flat();
    },

    async findInvoice(number) {
      const operation = 'flussi/fatture';
      return http.call({ method: 'GET', path: invoiceByNumberPath(number), operation, kind: 'read' },
        (res) => readAnswer('EBPFA', operation, res, (r) => flowRows(r, INVOICE_COLUMNS).map(invoiceFromEbpfa)[0] ?? null));
    },

    async getInvoicePdf(number) {
      const operation = 'flussi/fatture/pdf';
      return http.call({ method: 'GET', path: invoicePdfPath(number), operation, kind: 'read' },
        (res) => readAnswer('EBPFA', operation, res, (r) => pdfDocument(r, `${number}.pdf`, ebpfaFailure)));
    },

    async payInvoice({ number, paymentId, cents }) {
      const operation = 'flussi/pagamenti';
      const flow = iconv.encode(`NUM_FATTURA;ID_PAGAMENTO;IMPORTO\n${number};${paymentId};${legacyCents(cents)}\n`, 'latin1');
      const [invoice] = await http.call({
        method: 'POST', path: '/ebpfa/flussi/pagamenti', operation, kind: 'write',
        headers: { 'content-type': 'text/csv; charset=ISO-8859-1' }, body: flow,
      }, (res) => readAnswer('EBPFA', operation, res, (r) => flowRows(r, INVOICE_COLUMNS).map(invoiceFromEbpfa)));
      if (!invoice) throw new Error(`EBPFA answered no row for the payment of ${number}`);
      return invoice;
    },

    close: () => http.close(),
  };
}
