import type { ChargeRow, MethodRow, PaymentRow } from './store';

/**
 * The provider's JSON, shaped like a card processor's REST API: amounts in minor units (`1000` = 10,00 €), ISO
 * times, lower-camel names, the redirect URL of its checkout page while the customer still has to confirm.
 */
export const methodJson = (m: MethodRow) => ({ id: m.id, kind: m.kind, masked: m.masked, expiry: m.expiry });

export const paymentJson = (p: PaymentRow, charge: ChargeRow | undefined, origin: string) => ({
  id: p.id,
  orderNumber: p.order_number,
  status: p.status,
  amount: p.amount_cent,
  currency: p.currency,
  reference: p.reference,
  customer: p.customer,
  method: { id: p.method_id, kind: p.method_kind },
  redirectUrl: p.status === 'REQUIRES_AUTHENTICATION' ? `${origin}/checkout/${p.id}` : null,
  charges: charge ? [{ amount: charge.amount_cent, maskedMethod: charge.method_masked, at: charge.at }] : [],
  createdAt: p.created_at,
});
