import type { IncomingMessage } from 'node:http';
import { LegacyFault, type LegacyProtocol, type StandInReply } from '../runtime/server';
import { page } from './checkout-page';
import { checkoutPage, confirmCheckout, createPayment, deleteMethod, getPayment, json, listMethods, listPayments } from './operations';
import type { PaymentsStore } from './store';
import type { CardSetups } from './setups';

/**
 * The payment provider over HTTP: a JSON REST API under `/v1/` for the merchant (`Authorization: Bearer <secret
 * key>`) and the checkout pages under `/checkout/` for the customer's browser (no key: the payment id is the
 * capability). Errors: `{"error":{"code","message"}}` with a 4xx/5xx, HTML on the checkout pages.
 */
type Route = { operation: string; run: () => StandInReply };

const ROUTES: [method: string, path: RegExp, operation: string, run: (store: PaymentsStore, m: string[], req: IncomingMessage, body: Buffer, origin: string) => StandInReply][] = [
  ['GET', /^\/v1\/payments$/, 'payments/list', (s, _m, req, _body, origin) => listPayments(s, new URL(req.url ?? '/', 'http://payments').searchParams, origin)],
  ['POST', /^\/v1\/payments$/, 'payments/create', (s, _m, req, body, origin) => createPayment(s, body, header(req, 'idempotency-key'), origin)],
  ['GET', /^\/v1\/payments\/([^/]+)$/, 'payments/get', (s, m, _req, _body, origin) => getPayment(s, m[1], origin)],
  ['GET', /^\/v1\/customers\/([^/]+)\/methods$/, 'methods/list', (s, m) => listMethods(s, m[1])],
  ['DELETE', /^\/v1\/customers\/([^/]+)\/methods\/([^/]+)$/, 'methods/delete', (s, m) => deleteMethod(s, m[1], m[2])],
  ['GET', /^\/checkout\/([^/]+)$/, 'checkout/page', (s, m) => checkoutPage(s, m[1])],
  ['POST', /^\/checkout\/([^/]+)$/, 'checkout/confirm', (s, m, _req, body) => confirmCheckout(s, m[1], body)],
];

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const isCheckout = (req: IncomingMessage) => (req.url ?? '').startsWith('/checkout/');

/** h-tuopost (issue 12): the card verifications (setups.ts), a resource of their own beside the payments. */
const SETUP_ROUTES: [method: string, path: RegExp, operation: string, run: (setups: CardSetups, id: string, req: IncomingMessage, body: Buffer, origin: string) => StandInReply][] = [
  ['POST', /^\/v1\/setups$/, 'setups/create', (s, _id, req, body, origin) => s.create(body, header(req, 'idempotency-key'), origin)],
  ['GET', /^\/v1\/setups\/([^/]+)$/, 'setups/get', (s, id, _req, _body, origin) => s.get(id, origin)],
  ['GET', /^\/checkout\/setups\/([^/]+)$/, 'checkout/setup-page', (s, id) => s.page(id)],
  ['POST', /^\/checkout\/setups\/([^/]+)$/, 'checkout/setup-confirm', (s, id, _req, body) => s.confirm(id, body)],
];

export function paymentsProtocol(store: PaymentsStore, secretKey: string, setups?: CardSetups): LegacyProtocol {
  return {
    route(req, body): Route {
      const url = new URL(req.url ?? '/', 'http://payments');
      // The provider's own links (the redirect URL) use the address the caller reached it at.
      const origin = `http://${header(req, 'host') ?? '127.0.0.1'}`;
      for (const [method, pattern, operation, run] of setups ? SETUP_ROUTES : []) {
        const m = pattern.exec(url.pathname);
        if (m && method === req.method) return { operation, run: () => run(setups!, decodeURIComponent(m[1] ?? ''), req, body, origin) };
      }
      for (const [method, pattern, operation, run] of ROUTES) {
        const m = pattern.exec(url.pathname);
        if (!m || method !== req.method) continue;
        const parts = m.map((p) => decodeURIComponent(p ?? ''));
        return { operation, run: () => run(store, parts, req, body, origin) };
      }
      throw new LegacyFault(404, 'resource_missing', `no route ${req.method} ${url.pathname}`);
    },

    errorReply: (operation, status, code, text) => (operation.startsWith('checkout/')
      ? page(status, 'Pagamento non disponibile', '<p>Il servizio di pagamento non è al momento disponibile: riprova più tardi.</p>')
      : json(status, { error: { code: code === 'UNAVAILABLE' || code === 'INTERNAL' ? 'api_error' : code, message: text } })),

    malform(reply) {
      const bytes = Buffer.from(reply.body);
      return { ...reply, body: bytes.subarray(0, Math.floor(bytes.length / 2)) };
    },

    authenticate(req) {
      if (isCheckout(req) || header(req, 'authorization') === `Bearer ${secretKey}`) return null;
      return json(401, { error: { code: 'authentication_required', message: 'invalid API key' } });
    },
  };
}
