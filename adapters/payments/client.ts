import type { Dispatcher } from 'undici';
import { legacyUnavailable } from '../errors';
import { createLegacyHttp, type LegacyResponse } from '../http';
import { readAnswer, UnusableAnswer } from '../legacy-answer';
import type { ResilienceSettings } from '../resilience/settings';

/**
 * h-employee (issue 12). The payment provider of the personal top-ups (seed 002 §9.1.2), over its JSON REST API
 * (legacy/payments/): a payment is created under an idempotency key and waits for the customer on the provider's
 * checkout page (strong authentication); the graph reads its outcome there. Amounts in cents; the card number never
 * reaches the graph, only the provider's masked form.
 */
export type PaymentMethodKind = 'CARD' | 'PAYPAL';

/** The provider's payment ids, e.g. pay_3f9c…: anything else names no payment. */
export const PAYMENT_ID = /^pay_[0-9a-f]{24}$/;
export type PaymentStatus = 'REQUIRES_AUTHENTICATION' | 'SUCCEEDED' | 'FAILED';

export interface SavedPaymentMethod { id: string; kind: PaymentMethodKind; masked: string; expiry: string | null }

export interface Payment {
  id: string;
  /** The provider's order number, which the seed's confirmation shows ("N° ordine C2E2AE1CE9"). */
  orderNumber: string;
  status: PaymentStatus;
  cents: number;
  /** The merchant's reference: the line topped up, or the invoice paid (issue 22). */
  reference: string;
  /** The merchant's customer: the CRM user id of the employee who pays. */
  customer: string;
  /** Where the customer confirms; null once the payment no longer waits. */
  redirectUrl: string | null;
  /** The charge, once the payment succeeded: at most one. */
  charge: { cents: number; maskedMethod: string; at: string } | null;
}

export interface NewPayment {
  idempotencyKey: string;
  cents: number;
  customer: string;
  reference: string;
  /** A saved method by id, or a new one of this kind (entered on the provider's page, saved if asked). */
  method: { id: string } | { kind: PaymentMethodKind; save: boolean };
  returnUrl: string | null;
}

export interface PaymentsClientOptions { url: string; secretKey?: string; dispatcher?: Dispatcher; resilience?: ResilienceSettings }

export interface PaymentsClient {
  /** The payment under this key (the same key answers the first payment); `conflict` when the key was used otherwise. */
  createPayment(payment: NewPayment): Promise<Payment | 'conflict' | 'unknown method'>;
  /** `null` when the provider has no such payment. */
  getPayment(id: string): Promise<Payment | null>;
  /** issue 22: the payments of one merchant reference (an invoice number), oldest first. */
  listPayments(reference: string): Promise<Payment[]>;
  listMethods(customer: string): Promise<SavedPaymentMethod[]>;
  /** False when the customer has no such method. */
  deleteMethod(customer: string, id: string): Promise<boolean>;
  /** h-tuopost (issue 12): a zero-amount card verification under this key (the same key answers the first); `conflict` otherwise. */
  createCardSetup(setup: { idempotencyKey: string; customer: string; reference: string; returnUrl: string | null }): Promise<CardSetup | 'conflict'>;
  /** `null` when the provider has no such verification. */
  getCardSetup(id: string): Promise<CardSetup | null>;
  close(): Promise<void>;
}

/**
 * h-tuopost (issue 12). A card verification (seed 002 §9.2.1.1.1, "Domiciliazione su carta di credito"): the
 * employee enters his card on the provider's page (strong authentication); nothing is charged; the merchant learns
 * the masked card once it is verified.
 */
export interface CardSetup {
  id: string;
  status: PaymentStatus;
  customer: string;
  reference: string;
  redirectUrl: string | null;
  card: { masked: string; expiry: string } | null;
}

function setupOf(r: Json): CardSetup {
  const status = str(r, 'status') as PaymentStatus;
  if (!STATUSES.includes(status)) throw new UnusableAnswer(`unknown setup status ${status}`);
  const card = isRecord(r.card) ? { masked: str(r.card, 'masked'), expiry: str(r.card, 'expiry') } : null;
  return { id: str(r, 'id'), status, customer: str(r, 'customer'), reference: str(r, 'reference'), redirectUrl: typeof r.redirectUrl === 'string' ? r.redirectUrl : null, card };
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function body(res: LegacyResponse): Json {
  let value: unknown;
  try {
    value = JSON.parse(res.body.toString('utf8'));
  } catch {
    throw new UnusableAnswer(`HTTP ${res.status}: body is not JSON (${res.body.length} bytes)`);
  }
  if (!isRecord(value)) throw new UnusableAnswer(`HTTP ${res.status}: body is not a JSON object`);
  return value;
}

/** The provider's error code of a 4xx answer (`resource_missing`, `idempotency_conflict`, …). */
const errorCode = (b: Json) => (isRecord(b.error) && typeof b.error.code === 'string' ? b.error.code : '?');

function ok(res: LegacyResponse): Json {
  const b = body(res);
  if (res.status !== 200 && res.status !== 201) throw new UnusableAnswer(`HTTP ${res.status}: ${errorCode(b)}`);
  return b;
}

function str(r: Json, field: string): string {
  if (typeof r[field] !== 'string') throw new UnusableAnswer(`field "${field}" missing`);
  return r[field] as string;
}

function int(r: Json, field: string): number {
  if (!Number.isInteger(r[field])) throw new UnusableAnswer(`field "${field}" is not an integer`);
  return r[field] as number;
}

const STATUSES: readonly PaymentStatus[] = ['REQUIRES_AUTHENTICATION', 'SUCCEEDED', 'FAILED'];

function paymentOf(r: Json): Payment {
  const status = str(r, 'status') as PaymentStatus;
  if (!STATUSES.includes(status)) throw new UnusableAnswer(`unknown payment status ${status}`);
  const charges = Array.isArray(r.charges) ? r.charges.filter(isRecord) : [];
  const [charge] = charges;
  return {
    id: str(r, 'id'), orderNumber: str(r, 'orderNumber'), status, cents: int(r, 'amount'), reference: str(r, 'reference'), customer: str(r, 'customer'),
    redirectUrl: typeof r.redirectUrl === 'string' ? r.redirectUrl : null,
    charge: charge ? { cents: int(charge, 'amount'), maskedMethod: str(charge, 'maskedMethod'), at: str(charge, 'at') } : null,
  };
}

const methodOf = (r: Json): SavedPaymentMethod => {
  const kind = str(r, 'kind');
  if (kind !== 'CARD' && kind !== 'PAYPAL') throw new UnusableAnswer(`unknown method kind ${kind}`);
  return { id: str(r, 'id'), kind, masked: str(r, 'masked'), expiry: typeof r.expiry === 'string' ? r.expiry : null };
};

const segment = encodeURIComponent;

export function createPaymentsClient(options: PaymentsClientOptions): PaymentsClient {
  if (!options.url) return unconfigured();
  const http = createLegacyHttp({
    system: 'Payments',
    url: options.url,
    headers: { authorization: `Bearer ${options.secretKey ?? 'onegraph-payments'}` },
    dispatcher: options.dispatcher,
    resilience: options.resilience,
  });
  const read = <T>(operation: string, res: LegacyResponse, f: (res: LegacyResponse) => T) => readAnswer('Payments', operation, res, f);

  return {
    createPayment: (p) => http.call({
      method: 'POST', path: '/v1/payments', operation: 'payments/create', kind: 'write',
      headers: { 'content-type': 'application/json', 'idempotency-key': p.idempotencyKey },
      body: JSON.stringify({ amount: p.cents, currency: 'EUR', customer: p.customer, reference: p.reference, method: p.method, returnUrl: p.returnUrl }),
    }, (res) => read('payments/create', res, (r) => {
      if (res.status === 409) return 'conflict' as const;
      if (res.status === 404 && errorCode(body(r)) === 'resource_missing') return 'unknown method' as const;
      return paymentOf(ok(r));
    })),

    getPayment: (id) => http.call({ method: 'GET', path: `/v1/payments/${segment(id)}`, operation: 'payments/get', kind: 'read' },
      (res) => read('payments/get', res, (r) => (r.status === 404 ? null : paymentOf(ok(r))))),

    listPayments: (reference) => http.call({ method: 'GET', path: `/v1/payments?reference=${segment(reference)}`, operation: 'payments/list', kind: 'read' },
      (res) => read('payments/list', res, (r) => {
        const list = ok(r).payments;
        if (!Array.isArray(list)) throw new UnusableAnswer('"payments" is not a list');
        return list.filter(isRecord).map(paymentOf);
      })),

    listMethods: (customer) => http.call({ method: 'GET', path: `/v1/customers/${segment(customer)}/methods`, operation: 'methods/list', kind: 'read' },
      (res) => read('methods/list', res, (r) => {
        const list = ok(r).methods;
        if (!Array.isArray(list)) throw new UnusableAnswer('"methods" is not a list');
        return list.filter(isRecord).map(methodOf);
      })),

    // A DELETE of a saved method is idempotent at the provider: sent once, like every write.
    deleteMethod: (customer, id) => http.call({
      method: 'DELETE', path: `/v1/customers/${segment(customer)}/methods/${segment(id)}`, operation: 'methods/delete', kind: 'write',
    }, (res) => read('methods/delete', res, (r) => (r.status === 404 ? false : (ok(r), true)))),

    // h-tuopost (issue 12): card verifications.
    createCardSetup: (s) => http.call({
      method: 'POST', path: '/v1/setups', operation: 'setups/create', kind: 'write',
      headers: { 'content-type': 'application/json', 'idempotency-key': s.idempotencyKey },
      body: JSON.stringify({ customer: s.customer, reference: s.reference, returnUrl: s.returnUrl }),
    }, (res) => read('setups/create', res, (r) => (res.status === 409 ? 'conflict' as const : setupOf(ok(r))))),
    getCardSetup: (id) => http.call({ method: 'GET', path: `/v1/setups/${segment(id)}`, operation: 'setups/get', kind: 'read' },
      (res) => read('setups/get', res, (r) => (r.status === 404 ? null : setupOf(ok(r))))),

    close: () => http.close(),
  };
}

/** A process without PAYMENTS_URL: every call is the provider being unavailable. */
function unconfigured(): PaymentsClient {
  const fail = async (): Promise<never> => {
    throw legacyUnavailable('Payments', '');
  };
  return { createPayment: fail, getPayment: fail, listPayments: fail, listMethods: fail, deleteMethod: fail, createCardSetup: fail, getCardSetup: fail, close: async () => undefined };
}
