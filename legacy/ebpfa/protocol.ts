import type { IncomingMessage } from 'node:http';
import { LegacyFault, type LegacyProtocol } from '../runtime/server';
import { breakRows, FLOW_CONTENT_TYPE, koFlow } from './flows';
import { customerWindow, invoicePayment, invoicePdf, invoicesFlow } from './operations';
import type { EbpfaStore } from './store';
import { billingAddressesFlow, changeBillingAddress } from './billing-addresses';

/** EBPFA over HTTP GET returning flows. Operations are named after their path below `/ebpfa/`. */
const PDF_PATH = /^\/ebpfa\/flussi\/fatture\/([^/]+)\/pdf$/;
const MERGED_PDF_PATH = /^\/ebpfa\/flussi\/unioni\/([^/]+)\/pdf$/;

export function ebpfaProtocol(store: EbpfaStore, apiKey: string): LegacyProtocol {
  return {
    route(req: IncomingMessage, body: Buffer) {
      const url = new URL(req.url ?? '/', 'http://ebpfa');
      // Issue 22: the one write, an online payment of an invoice.
      if (req.method === 'POST' && url.pathname === '/ebpfa/flussi/pagamenti') {
        return { operation: 'flussi/pagamenti', run: () => invoicePayment(store, body) };
      }
      // Issue 22 (BIL-07): CRM's pratica asks for two invoices merged into one PDF.
      if (req.method === 'POST' && url.pathname === '/ebpfa/flussi/unioni') {
        return { operation: 'flussi/unioni', run: () => store.mergeInvoices(body) };
      }
      // Issue 21: a trasloco's new billing address, once per operation id.
      if (req.method === 'POST' && url.pathname === '/ebpfa/flussi/indirizzi') {
        return { operation: 'flussi/indirizzi', run: () => changeBillingAddress(store.db, body) };
      }
      if (req.method !== 'GET') throw new LegacyFault(405, 'PFA-405', `metodo ${req.method} non ammesso`);
      if (url.pathname === '/ebpfa/flussi/fatture') {
        return { operation: 'flussi/fatture', run: () => invoicesFlow(store, url.searchParams) };
      }
      // Issue 22 (CON-04): the billing reports.
      if (url.pathname === '/ebpfa/flussi/consumi-fatturati') {
        return { operation: 'flussi/consumi-fatturati', run: () => store.billedConsumption(customerWindow(url.searchParams), url.searchParams) };
      }
      if (url.pathname === '/ebpfa/flussi/network-management') {
        return { operation: 'flussi/network-management', run: () => store.networkManagement(customerWindow(url.searchParams)) };
      }
      const merged = MERGED_PDF_PATH.exec(url.pathname);
      if (merged) return { operation: 'flussi/unioni/pdf', run: () => store.mergedPdf(decodeURIComponent(merged[1])) };
      if (url.pathname === '/ebpfa/flussi/indirizzi') {
        return { operation: 'flussi/indirizzi/lettura', run: () => billingAddressesFlow(store.db, url.searchParams) };
      }
      const pdf = PDF_PATH.exec(url.pathname);
      if (pdf) return { operation: 'flussi/fatture/pdf', run: () => invoicePdf(store, decodeURIComponent(pdf[1])) };
      throw new LegacyFault(404, 'PFA-404', `risorsa ${url.pathname} inesistente`);
    },

    errorReply(_operation, status, code, text) {
      // The stand-in runtime names generic failures itself (UNAVAILABLE, INTERNAL); EBPFA prints its own codes.
      return koFlow(status, code.startsWith('PFA-') ? code : status >= 500 ? 'PFA-500' : `PFA-${status}`, text);
    },

    malform(reply) {
      if (reply.headers['content-type'] === FLOW_CONTENT_TYPE) return { ...reply, body: breakRows(Buffer.from(reply.body)) };
      // A PDF cut in half: no trailer.
      const bytes = Buffer.from(reply.body);
      return { ...reply, body: bytes.subarray(0, Math.floor(bytes.length / 2)) };
    },

    authenticate(req) {
      return req.headers['x-api-key'] === apiKey ? null : koFlow(401, 'PFA-401', 'credenziali non valide');
    },
  };
}
