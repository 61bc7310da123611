import { legacyAmount } from '../runtime/amount';
import type { StandInReply } from '../runtime/server';
import type { MethodRow, PaymentRow } from './store';

/**
 * The provider's checkout page, server-rendered: where the customer, redirected by the merchant, enters a new card
 * or PayPal account (or uses a saved one) and confirms with the strong-authentication code his bank sends (PSD2,
 * seed 002 §9.1.2). The merchant never sees the card number.
 */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(status: number, title: string, body: string): StandInReply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>${escape(title)}</title></head>`
      + `<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`,
  };
}

function newMethodFields(payment: PaymentRow): string {
  return payment.method_kind === 'PAYPAL'
    ? '<label>Account PayPal <input name="paypalEmail" type="email" autocomplete="email" required></label>'
    : '<label>Numero carta <input name="pan" inputmode="numeric" autocomplete="cc-number" required></label>'
      + '<label>Scadenza (MM/AA) <input name="expiry" autocomplete="cc-exp" required></label>'
      + '<label>CVV <input name="cvv" inputmode="numeric" autocomplete="cc-csc" required></label>';
}

/** The form while the payment waits for the customer; `error` after a wrong entry. */
export function checkoutForm(payment: PaymentRow, saved: MethodRow | undefined, error?: string): StandInReply {
  const paying = `<p>Ordine <b>${escape(payment.order_number)}</b>: ricarica della linea ${escape(payment.reference)}, `
    + `importo <b>${legacyAmount(payment.amount_cent)} €</b>${saved ? `, pagato con ${escape(saved.masked)}` : ''}.</p>`;
  return page(error ? 400 : 200, 'Conferma il pagamento', `${paying}${error ? `<p role="alert">${escape(error)}</p>` : ''}`
    + `<form method="post" action="/checkout/${escape(payment.id)}">${saved ? '' : newMethodFields(payment)}`
    + '<label>Codice di sicurezza ricevuto dalla tua banca <input name="otp" inputmode="numeric" autocomplete="one-time-code" required></label>'
    + '<button type="submit">Conferma</button></form>');
}

/** The page of a payment that no longer waits: paid or failed. */
export function outcomePage(payment: PaymentRow): StandInReply {
  return payment.status === 'SUCCEEDED'
    ? page(200, 'Pagamento autorizzato', `<p>Ordine <b>${escape(payment.order_number)}</b> pagato. Torna al sito del venditore.</p>`)
    : page(200, 'Pagamento non riuscito', `<p>Ordine <b>${escape(payment.order_number)}</b>: nessun addebito.</p>`);
}
