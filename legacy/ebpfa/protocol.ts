import type { IncomingMessage } from 'node:http';
import { LegacyFault, type LegacyProtocol } from '../runtime/server';
import { breakRows, FLOW_CONTENT_TYPE, koFlow } from './flows';
import { invoicePayment, invoicePdf, invoicesFlow } from './operations';
import type { EbpfaStore } from './store';
import { billingAddressesFlow, changeBillingAddress } from './billing-addresses';

/** EBPFA over HTTP GET returning flows. Operations are named after their path below `/ebpfa/`. */
const PDF_PATH = /^\/ebpfa\/flussi\/fatture\/([^/]+)\/pdf$/;

export function ebpfaProtocol(store: EbpfaStore, apiKey: string): LegacyProtocol {
  return {
    route(req: IncomingMessage, body: Buffer) {
      const url = new URL(req.url ?? '/', 'http://ebpfa');
      // Issue 22: the one write, an online payment of an invoice.
      if (req.method === 'POST' && url.pathname === '/ebpfa/flussi/pagamenti') {
        return { operation: 'flussi/pagamenti', run: () => invoicePayment(store, body) };
      }
      // Issue 21: a trasloco's new billing address, once per operation id.
      if (req.method === 'POST' && url.pathname === '/ebpfa/flussi/indirizzi') {
        return { operation: 'flussi/indirizzi', run: () => changeBillingAddress(store.db, body) };
      }
      if (req.method !== 'GET') throw new LegacyFault(405, 'PFA-405', `metodo ${req.method} non ammesso`);
      if (url.pathname === '/ebpfa/flussi/fatture') {
        return { operation: 'flussi/fatture', run: () => invoicesFlow(store, url.searchParams) };
      }
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
