import type { Dispatcher } from 'undici';
import iconv from 'iconv-lite';
import type { Address, Invoice, InvoicePayment, IsoDate, PdfDocument } from '../domain';
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

/** Where EBPFA sends a billing customer code's fixed invoices, and the operation that last set it (null: as seeded). */
export interface BillingAddress { customerCode: string; address: Address; operationId: string | null }

const ADDRESS_COLUMNS = ['COD_CLIENTE', 'INDIRIZZO', 'CAP', 'COMUNE', 'PROVINCIA', 'ID_OPERAZIONE'] as const;
const billingAddressFromEbpfa = (r: Record<(typeof ADDRESS_COLUMNS)[number], string>): BillingAddress => ({
  customerCode: r.COD_CLIENTE,
  address: { street: r.INDIRIZZO, postalCode: r.CAP, city: r.COMUNE, province: r.PROVINCIA },
  operationId: r.ID_OPERAZIONE || null,
});

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
  /**
   * Issue 21 (FIX-03): sets the billing address of a fixed billing customer code, once per operation id (the pratica's:
   * the same id again changes nothing). Answers the address as EBPFA now has it.
   */
  setBillingAddress(operationId: string, change: { customerCode: string; address: Address }): Promise<BillingAddress>;
  /** Issue 21: the billing addresses of some customer codes (more than 20 are split into several calls). */
  getBillingAddresses(customerCodes: readonly string[]): Promise<BillingAddress[]>;
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

    async setBillingAddress(operationId, { customerCode, address: a }) {
      const operation = 'flussi/indirizzi';
      const flow = iconv.encode(`COD_CLIENTE;ID_OPERAZIONE;INDIRIZZO;CAP;COMUNE;PROVINCIA\n${[customerCode, operationId, a.street, a.postalCode, a.city, a.province].join(';')}\n`, 'latin1');
      const [address] = await http.call({
        method: 'POST', path: '/ebpfa/flussi/indirizzi', operation, kind: 'write',
        headers: { 'content-type': 'text/csv; charset=ISO-8859-1' }, body: flow,
      }, (res) => readAnswer('EBPFA', operation, res, (r) => flowRows(r, ADDRESS_COLUMNS).map(billingAddressFromEbpfa)));
      if (!address) throw new Error(`EBPFA answered no row for the billing address of ${customerCode}`);
      return address;
    },

    async getBillingAddresses(customerCodes) {
      const operation = 'flussi/indirizzi/lettura';
      const batches = batchesOf(customerCodes, EBPFA_CUSTOMER_CODE_LIMIT);
      return (await Promise.all(batches.map((codes) => http.call({
        method: 'GET', path: `/ebpfa/flussi/indirizzi?${new URLSearchParams({ codiciCliente: codes.join(',') })}`, operation, kind: 'read', batchSize: codes.length,
      }, (res) => readAnswer('EBPFA', operation, res, (r) => flowRows(r, ADDRESS_COLUMNS).map(billingAddressFromEbpfa)))))).flat();
    },

    close: () => http.close(),
  };
}
