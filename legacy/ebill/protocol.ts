import type { IncomingMessage } from 'node:http';
import { LegacyFault, type LegacyProtocol, type StandInReply } from '../runtime/server';
import { availableTraffic, invoiceDetails, invoicePdf, residualCredit, searchInvoices, topUpCredit } from './operations';
import type { EbillStore } from './store';
import {
  changeThreshold, contractThresholdsCsv, notificationAttachment, notifications, requestSummary, thresholdsOfContracts, thresholdsOfLines,
} from './threshold-operations';
import { onlineTraffic } from './online-traffic';
import { timTuoOptions } from './tim-tuo-options';
import { invoicesCsv } from './invoice-file';

/**
 * eBill over HTTP + JSON. Operations are named after their path below `/ebill/v1/` (`linee/credito`, ...), which is
 * what the admin counters show.
 */
const PDF_PATH = /^\/ebill\/v1\/fatture\/([^/]+)\/pdf$/;
/** issue 11: the files of the thresholds' pages (threshold-operations.ts). */
const NOTIFICATION_ATTACHMENT_PATH = /^\/ebill\/v1\/soglie\/notifiche\/([^/]+)\/allegato$/;

function koReply(status: number, code: string, text: string): StandInReply {
  // The stand-in runtime names generic failures itself (UNAVAILABLE, INTERNAL); eBill prints its own codes.
  const cdErr = code.startsWith('EB-') ? code : status >= 500 ? 'EB-500' : `EB-${status}`;
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ esito: 'KO', cdErr, dsErr: text }),
  };
}

/** A GET of a file eBill serves besides the invoice PDFs: its path, its operation name, its answer. */
export interface EbillFileRoute { path: RegExp; operation: string; run(match: string[], query: URLSearchParams): StandInReply | Promise<StandInReply> }

/**
 * `more` and `fileRoutes`: operations kept outside EbillStore, served alike (h-employee: the personal baskets and the
 * service SMS file, personal.ts).
 */
export function ebillProtocol(store: EbillStore, apiKey: string, more: Record<string, (body: Buffer) => StandInReply> = {},
  fileRoutes: readonly EbillFileRoute[] = []): LegacyProtocol {
  const posts: Record<string, (body: Buffer) => StandInReply> = {
    ...more,
    'fatture/ricerca': (body) => searchInvoices(store, body),
    'fatture/dettaglio': (body) => invoiceDetails(store, body),
    'linee/credito': (body) => residualCredit(store, body),
    'linee/traffico': (body) => availableTraffic(store, body),
    'linee/ricarica': (body) => topUpCredit(store, body),
    // issue 11: spending thresholds (seed 002 §7.5).
    'soglie/ricerca': (body) => thresholdsOfLines(store.thresholds, body),
    'soglie/contratto': (body) => thresholdsOfContracts(store.thresholds, body),
    'soglie/attiva': (body) => changeThreshold(store.thresholds, 'attiva', body),
    'soglie/varia': (body) => changeThreshold(store.thresholds, 'varia', body),
    'soglie/cessa': (body) => changeThreshold(store.thresholds, 'cessa', body),
    'soglie/notifiche': (body) => notifications(store.thresholds, body),
    'linee/traffico-online': (body) => onlineTraffic(store, body),
    'linee/opzioni-tim-tuo': (body) => timTuoOptions(store.db, body),
  };
  const files: Record<string, (query: URLSearchParams) => StandInReply> = {
    'soglie/csv': (query) => contractThresholdsCsv(store.thresholds, query),
    'soglie/riepilogo': (query) => requestSummary(store.thresholds, query),
    'fatture/csv': (query) => invoicesCsv(store, query), // issue 22: the invoice lists as files
  };

  return {
    route(req: IncomingMessage, body: Buffer) {
      const url = new URL(req.url ?? '/', 'http://ebill');
      const path = url.pathname;
      for (const file of req.method === 'GET' ? fileRoutes : []) {
        const match = file.path.exec(path);
        if (match) return { operation: file.operation, run: () => file.run([...match], url.searchParams) };
      }
      const pdf = PDF_PATH.exec(path);
      if (pdf && req.method === 'GET') {
        return { operation: 'fatture/pdf', run: () => invoicePdf(store, decodeURIComponent(pdf[1])) };
      }
      const attachment = NOTIFICATION_ATTACHMENT_PATH.exec(path);
      if (attachment && req.method === 'GET') {
        return { operation: 'soglie/notifiche/allegato', run: () => notificationAttachment(store.thresholds, decodeURIComponent(attachment[1])) };
      }
      const file = files[path.replace(/^\/ebill\/v1\//, '')];
      if (file && req.method === 'GET') return { operation: path.replace(/^\/ebill\/v1\//, ''), run: () => file(url.searchParams) };
      const operation = path.replace(/^\/ebill\/v1\//, '');
      const handler = path.startsWith('/ebill/v1/') ? posts[operation] : undefined;
      if (!handler) throw new LegacyFault(404, 'EB-404', `risorsa ${path} inesistente`);
      if (req.method !== 'POST') throw new LegacyFault(405, 'EB-405', `metodo ${req.method} non ammesso`);
      return { operation, run: () => handler(body) };
    },

    errorReply: (_operation, status, code, text) => koReply(status, code, text),

    malform(reply) {
      // A truncated answer: the JSON does not parse and the PDF has no trailer.
      const bytes = Buffer.from(reply.body);
      return { ...reply, body: bytes.subarray(0, Math.floor(bytes.length / 2)) };
    },

    authenticate(req) {
      if (req.headers['x-api-key'] === apiKey) return null;
      return koReply(401, 'EB-401', 'chiave API mancante o non valida');
    },
  };
}
