import { createHash } from 'node:crypto';
import { jsonObjectBody } from '../runtime/json-body';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { methodJson, paymentJson } from './answers';
import { checkoutForm, outcomePage } from './checkout-page';
import type { Authorisation, MethodKind, PaymentsStore } from './store';

/**
 * The provider's operations. The API (merchant's secret key) creates payments under an `Idempotency-Key`, reads them
 * and manages a customer's saved methods; the checkout page (the customer's browser, no key) is where a payment is
 * authenticated and charged.
 */
export const json = (status: number, value: unknown): StandInReply => ({
  status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value),
});

const invalid = (what: string) => new LegacyFault(400, 'invalid_request', what);
const missing = (what: string) => new LegacyFault(404, 'resource_missing', `${what} not found`);

const jsonBody = (raw: Buffer) => jsonObjectBody(raw, () => invalid('body must be a JSON object'));

const text = (body: Record<string, unknown>, field: string, pattern: RegExp): string => {
  const value = body[field];
  if (typeof value !== 'string' || !pattern.test(value)) throw invalid(`${field} is missing or malformed`);
  return value;
};

/** The demo bank's strong-authentication code (a real one arrives by SMS or banking app). */
export const DEMO_OTP = '123456';
/** A card the demo bank always declines, for tests of a refused payment. */
const DECLINED_CARD_SUFFIX = '0002';
const PAYMENT_ID = /^pay_[0-9a-f]{24}$/;
const CUSTOMER = /^[A-Za-z0-9-]{1,40}$/;

/** `POST /v1/payments`: a payment waiting for the customer on the checkout page; the same key answers the same payment. */
export function createPayment(store: PaymentsStore, raw: Buffer, idempotencyKey: string | undefined, origin: string): StandInReply {
  if (!idempotencyKey || !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) throw invalid('Idempotency-Key header required');
  const body = jsonBody(raw);
  const cents = body.amount;
  if (!Number.isInteger(cents) || (cents as number) <= 0 || (cents as number) > 1_000_000) throw invalid('amount must be a positive integer of cents');
  if (body.currency !== 'EUR') throw invalid('currency must be EUR');
  const customer = text(body, 'customer', CUSTOMER);
  const reference = text(body, 'reference', /^[A-Za-z0-9-]{1,40}$/);
  const method = (typeof body.method === 'object' && body.method !== null ? body.method : {}) as Record<string, unknown>;
  const returnUrl = body.returnUrl === undefined || body.returnUrl === null ? null : text(body, 'returnUrl', /^https?:\/\/\S{1,500}$/);
  let methodId: string | null = null;
  let methodKind: MethodKind;
  if (typeof method.id === 'string') {
    const saved = store.method(customer, method.id);
    if (!saved) throw missing(`payment method ${method.id}`);
    methodId = saved.id;
    methodKind = saved.kind;
  } else if (method.kind === 'CARD' || method.kind === 'PAYPAL') {
    methodKind = method.kind;
  } else {
    throw invalid('method must name a saved method id or a kind, CARD or PAYPAL');
  }
  const saveMethod = methodId === null && method.save === true;
  const fingerprint = createHash('sha256').update(JSON.stringify([cents, customer, reference, methodId, methodKind, saveMethod, returnUrl])).digest('hex');
  const made = store.createPayment({ idempotencyKey, fingerprint, customer, reference, cents: cents as number, currency: 'EUR', methodId, methodKind, saveMethod, returnUrl });
  if (made === 'conflict') throw new LegacyFault(409, 'idempotency_conflict', 'Idempotency-Key already used with other parameters');
  return json(made.created ? 201 : 200, paymentJson(made.payment, store.charge(made.payment.id), origin));
}

export function getPayment(store: PaymentsStore, id: string, origin: string): StandInReply {
  const payment = PAYMENT_ID.test(id) ? store.payment(id) : undefined;
  if (!payment) throw missing(`payment ${id}`);
  return json(200, paymentJson(payment, store.charge(id), origin));
}

/**
 * issue 22. `GET /v1/payments?reference=…`: the payments of one merchant reference, oldest first (a card processor's
 * list filter). The merchant finds there the payment of an invoice already under way, whoever started it.
 */
export function listPayments(store: PaymentsStore, query: URLSearchParams, origin: string): StandInReply {
  const reference = query.get('reference') ?? '';
  if (!/^[A-Za-z0-9-]{1,40}$/.test(reference)) throw invalid('reference is missing or malformed');
  return json(200, { payments: store.paymentsOf(reference).map((p) => paymentJson(p, store.charge(p.id), origin)) });
}

export const listMethods = (store: PaymentsStore, customer: string): StandInReply =>
  json(200, { methods: store.methods(customer).map(methodJson) });

export function deleteMethod(store: PaymentsStore, customer: string, id: string): StandInReply {
  if (!store.deleteMethod(customer, id)) throw missing(`payment method ${id}`);
  return json(200, { id, deleted: true });
}

function waitingPayment(store: PaymentsStore, id: string) {
  const payment = PAYMENT_ID.test(id) ? store.payment(id) : undefined;
  if (!payment) throw missing(`payment ${id}`);
  const saved = payment.method_id ? store.method(payment.customer, payment.method_id) : undefined;
  return { payment, saved };
}

/** `GET /checkout/{id}`: the page the merchant redirected the customer to. */
export function checkoutPage(store: PaymentsStore, id: string): StandInReply {
  const { payment, saved } = waitingPayment(store, id);
  return payment.status === 'REQUIRES_AUTHENTICATION' ? checkoutForm(payment, saved) : outcomePage(payment);
}

function luhn(pan: string): boolean {
  let sum = 0;
  [...pan].reverse().forEach((c, i) => {
    const d = Number(c) * (i % 2 === 1 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return sum % 10 === 0;
}

const maskedEmail = (email: string) => `${email[0]}***${email.slice(email.indexOf('@'))}`;

/** What the form proves, or why it does not (the page says it again, nothing is counted against the customer). */
export function authorisationOf(form: URLSearchParams, kind: MethodKind, saved: ReturnType<typeof waitingPayment>['saved']): Authorisation | string {
  if (saved) return { savedMethod: saved };
  if (kind === 'PAYPAL') {
    const email = form.get('paypalEmail')?.trim() ?? '';
    return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? { newMethod: { kind, masked: maskedEmail(email), expiry: null } } : 'Account PayPal non valido.';
  }
  const pan = (form.get('pan') ?? '').replace(/\s/g, '');
  const expiry = form.get('expiry')?.trim() ?? '';
  if (!/^\d{13,19}$/.test(pan) || !luhn(pan)) return 'Numero di carta non valido.';
  if (!/^(0[1-9]|1[0-2])\/\d{2}$/.test(expiry)) return 'Scadenza non valida (MM/AA).';
  if (!/^\d{3,4}$/.test(form.get('cvv') ?? '')) return 'CVV non valido.';
  return { newMethod: { kind, masked: `*****${pan.slice(-4)}`, expiry } };
}

/**
 * `POST /checkout/{id}`: the customer confirms. A wrong code counts (the third fails the payment); the demo bank
 * declines cards ending in 0002; otherwise the payment is charged, once, and the browser goes back to the merchant.
 */
export function confirmCheckout(store: PaymentsStore, id: string, raw: Buffer): StandInReply {
  const { payment, saved } = waitingPayment(store, id);
  if (payment.status !== 'REQUIRES_AUTHENTICATION') return outcomePage(payment);
  const form = new URLSearchParams(raw.toString('utf8'));
  const authorisation = authorisationOf(form, payment.method_kind, saved);
  if (typeof authorisation === 'string') return checkoutForm(payment, saved, authorisation);
  if (form.get('otp') !== DEMO_OTP) {
    const after = store.failAttempt(id);
    return after.status === 'FAILED' ? outcomePage(after) : checkoutForm(after, saved, 'Codice di sicurezza errato.');
  }
  const declined = 'newMethod' in authorisation && authorisation.newMethod.kind === 'CARD' && (form.get('pan') ?? '').replace(/\s/g, '').endsWith(DECLINED_CARD_SUFFIX);
  const done = declined ? store.decline(id) : store.capture(id, authorisation);
  if (!done.return_url) return outcomePage(done);
  const back = new URL(done.return_url);
  back.searchParams.set('payment', done.id);
  return { status: 303, headers: { location: back.toString(), 'content-type': 'text/plain; charset=utf-8' }, body: '' };
}
