import type { Dispatcher } from 'undici';
import type { Invoice, IsoDate, PdfDocument } from '../domain';
import { createLegacyHttp } from '../http';
import type { ResilienceSettings } from '../resilience/settings';
import { batchesOf } from '../batches';
import { pdfDocument, readAnswer } from '../legacy-answer';
import { legacyDate } from '../legacy-values';
import { ebpfaFailure, ebpfaHeaders, flowRows, invoicePdfPath } from './protocol';
import { INVOICE_COLUMNS, invoiceFromEbpfa } from './mapping';

/** EBPFA answers for at most 20 customer codes per call. */
export const EBPFA_CUSTOMER_CODE_LIMIT = 20;

export interface EbpfaClientOptions { url: string; apiKey?: string; dispatcher?: Dispatcher; resilience?: ResilienceSettings }

export interface EbpfaClient {
  /**
   * Fixed invoices of the billing customer codes issued between `from` and `to` (inclusive), per customer newest
   * first. More than 20 codes are split into several calls.
   */
  listInvoices(customerCodes: readonly string[], from: IsoDate, to: IsoDate): Promise<Invoice[]>;
  getInvoicePdf(number: string): Promise<PdfDocument | null>;
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
    const query = new URLSearchParams({ codiciCliente: codes.join(','), dal: legacyDate(from), al: legacyDate(to) });
    return http.call({ method: 'GET', path: `/ebpfa/flussi/fatture?${query}`, operation, kind: 'read' },
      (res) => readAnswer('EBPFA', operation, res, (r) => flowRows(r, INVOICE_COLUMNS).map(invoiceFromEbpfa)));
  }

  return {
    async listInvoices(customerCodes, from, to) {
      const batches = batchesOf(customerCodes, EBPFA_CUSTOMER_CODE_LIMIT);
      return (await Promise.all(batches.map((codes) => invoicesOf(codes, from, to)))).flat();
    },

    async getInvoicePdf(number) {
      const operation = 'flussi/fatture/pdf';
      return http.call({ method: 'GET', path: invoicePdfPath(number), operation, kind: 'read' },
        (res) => readAnswer('EBPFA', operation, res, (r) => pdfDocument(r, `${number}.pdf`, ebpfaFailure)));
    },

    close: () => http.close(),
  };
}
