import { randomBytes } from 'node:crypto';
import { openDatabase } from '../runtime/db';

/**
 * The payment provider's books: payments (one per idempotency key), their charges (at most one each: the primary key
 * is the payment) and the customers' saved methods. Amounts are integer cents; times ISO text.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS payments (
  id TEXT PRIMARY KEY, order_number TEXT NOT NULL UNIQUE, idempotency_key TEXT NOT NULL UNIQUE, fingerprint TEXT NOT NULL,
  customer TEXT NOT NULL, reference TEXT NOT NULL, amount_cent INTEGER NOT NULL, currency TEXT NOT NULL,
  method_id TEXT, method_kind TEXT NOT NULL, save_method INTEGER NOT NULL, return_url TEXT,
  status TEXT NOT NULL, failed_attempts INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS charges (
  payment_id TEXT PRIMARY KEY REFERENCES payments (id), amount_cent INTEGER NOT NULL, method_masked TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS methods (
  id TEXT PRIMARY KEY, customer TEXT NOT NULL, kind TEXT NOT NULL, masked TEXT NOT NULL, expiry TEXT,
  created_at TEXT NOT NULL, deleted_at TEXT);
CREATE INDEX IF NOT EXISTS methods_customer ON methods (customer);
`;

export type PaymentStatus = 'REQUIRES_AUTHENTICATION' | 'SUCCEEDED' | 'FAILED';
export type MethodKind = 'CARD' | 'PAYPAL';

export interface PaymentRow {
  id: string; order_number: string; idempotency_key: string; fingerprint: string; customer: string; reference: string;
  amount_cent: number; currency: string; method_id: string | null; method_kind: MethodKind; save_method: number;
  return_url: string | null; status: PaymentStatus; failed_attempts: number; created_at: string;
}
export interface ChargeRow { payment_id: string; amount_cent: number; method_masked: string; at: string }
export interface MethodRow { id: string; customer: string; kind: MethodKind; masked: string; expiry: string | null; created_at: string; deleted_at: string | null }

export interface NewPayment {
  idempotencyKey: string; fingerprint: string; customer: string; reference: string; cents: number; currency: string;
  methodId: string | null; methodKind: MethodKind; saveMethod: boolean; returnUrl: string | null;
}

/** What the customer proved on the checkout page: the method used (a saved one, or a new one to record). */
export type Authorisation = { savedMethod: MethodRow } | { newMethod: { kind: MethodKind; masked: string; expiry: string | null } };

/** Strong authentication allows this many wrong codes; the next one fails the payment. */
export const MAX_FAILED_ATTEMPTS = 3;

const hex = (bytes: number) => randomBytes(bytes).toString('hex').toUpperCase();

export function openPaymentsStore(dataDir: string) {
  const db = openDatabase(dataDir, 'payments', SCHEMA, () => undefined);
  const now = () => new Date().toISOString();

  const payment = (id: string) => db.prepare('SELECT * FROM payments WHERE id = ?').get(id) as PaymentRow | undefined;
  const method = (customer: string, id: string) =>
    db.prepare('SELECT * FROM methods WHERE id = ? AND customer = ? AND deleted_at IS NULL').get(id, customer) as MethodRow | undefined;

  return {
    payment,
    /** issue 22: the payments of one merchant reference (an invoice), oldest first, as a card processor's list filter. */
    paymentsOf: (reference: string) => db.prepare('SELECT * FROM payments WHERE reference = ? ORDER BY created_at, rowid').all(reference) as PaymentRow[],
    charge: (paymentId: string) => db.prepare('SELECT * FROM charges WHERE payment_id = ?').get(paymentId) as ChargeRow | undefined,
    method,
    methods: (customer: string) =>
      db.prepare('SELECT * FROM methods WHERE customer = ? AND deleted_at IS NULL ORDER BY created_at, id').all(customer) as MethodRow[],
    /** Soft delete: a charge keeps naming the method it used. False when the customer has no such method. */
    deleteMethod: (customer: string, id: string) =>
      db.prepare('UPDATE methods SET deleted_at = ? WHERE id = ? AND customer = ? AND deleted_at IS NULL').run(now(), id, customer).changes === 1,

    /**
     * The payment under this key: the one created by the first request with it, or a new one. `conflict` when the key
     * was used for another request (another fingerprint).
     */
    createPayment(p: NewPayment): { payment: PaymentRow; created: boolean } | 'conflict' {
      return db.transaction(() => {
        const previous = db.prepare('SELECT * FROM payments WHERE idempotency_key = ?').get(p.idempotencyKey) as PaymentRow | undefined;
        if (previous) return previous.fingerprint === p.fingerprint ? { payment: previous, created: false } : 'conflict' as const;
        const id = `pay_${hex(12).toLowerCase()}`;
        db.prepare(`INSERT INTO payments (id, order_number, idempotency_key, fingerprint, customer, reference, amount_cent, currency,
          method_id, method_kind, save_method, return_url, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUIRES_AUTHENTICATION', ?)`)
          .run(id, hex(5), p.idempotencyKey, p.fingerprint, p.customer, p.reference, p.cents, p.currency,
            p.methodId, p.methodKind, p.saveMethod ? 1 : 0, p.returnUrl, now());
        return { payment: payment(id)!, created: true };
      })();
    },

    /**
     * Charges a payment the customer authenticated, once: the payment, its charge and (if asked) the saved method are
     * written together. A payment no longer waiting for authentication is left as it is.
     */
    capture(id: string, authorisation: Authorisation): PaymentRow {
      return db.transaction(() => {
        const current = payment(id)!;
        if (current.status !== 'REQUIRES_AUTHENTICATION') return current;
        let methodId = current.method_id;
        let masked: string;
        if ('savedMethod' in authorisation) {
          masked = authorisation.savedMethod.masked;
        } else {
          masked = authorisation.newMethod.masked;
          if (current.save_method) {
            methodId = `pm_${hex(8).toLowerCase()}`;
            db.prepare('INSERT INTO methods VALUES (?, ?, ?, ?, ?, ?, NULL)')
              .run(methodId, current.customer, authorisation.newMethod.kind, masked, authorisation.newMethod.expiry, now());
          }
        }
        db.prepare("UPDATE payments SET status = 'SUCCEEDED', method_id = ? WHERE id = ?").run(methodId, id);
        db.prepare('INSERT INTO charges VALUES (?, ?, ?, ?)').run(id, current.amount_cent, masked, now());
        return payment(id)!;
      })();
    },

    /** A wrong code: counted; the last allowed one fails the payment (nothing charged). */
    failAttempt(id: string): PaymentRow {
      db.prepare(`UPDATE payments SET failed_attempts = failed_attempts + 1,
        status = CASE WHEN failed_attempts + 1 >= ? THEN 'FAILED' ELSE status END
        WHERE id = ? AND status = 'REQUIRES_AUTHENTICATION'`).run(MAX_FAILED_ATTEMPTS, id);
      return payment(id)!;
    },

    /** The bank refused the card: the payment fails, nothing is charged. */
    decline(id: string): PaymentRow {
      db.prepare("UPDATE payments SET status = 'FAILED' WHERE id = ? AND status = 'REQUIRES_AUTHENTICATION'").run(id);
      return payment(id)!;
    },
    close: () => db.close(),
  };
}
export type PaymentsStore = ReturnType<typeof openPaymentsStore>;
