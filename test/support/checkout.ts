import { DEMO_OTP } from '../../legacy/payments/operations';

/**
 * h-employee (issue 12): what the customer's browser does on the payment provider's checkout page (seed 002 §9.1.2):
 * posts the form with a new card (or PayPal account) if the payment has no saved method, and the bank's code.
 */
export interface CheckoutEntry { pan?: string; paypalEmail?: string; otp?: string }

export async function confirmOnCheckoutPage(redirectUrl: string, entry: CheckoutEntry): Promise<Response> {
  const form = new URLSearchParams({ otp: entry.otp ?? DEMO_OTP });
  if (entry.pan) form.set('pan', entry.pan), form.set('expiry', '12/29'), form.set('cvv', '123');
  if (entry.paypalEmail) form.set('paypalEmail', entry.paypalEmail);
  return fetch(redirectUrl, { method: 'POST', body: form, redirect: 'manual' });
}

/** The seed's example card (the confirmation shows *****0119); Luhn-valid, accepted by the demo bank. */
export const DEMO_CARD = '4111111111070119';

export const START_TOP_UP = `mutation($input: StartPersonalTopUpInput!) {
  startPersonalTopUp(input: $input) { id orderNumber status amount redirectUrl line { number } } }`;

/**
 * A personal top-up paid as the employee pays it: started through the graph (a new card, or `paymentMethodId`),
 * confirmed on the provider's page. Answers the payment id completePersonalTopUp takes.
 */
export async function paidTopUp(
  stack: { gatewayUrl: string }, token: string, top: { number: string; amount: string; key: string; paymentMethodId?: string },
): Promise<string> {
  const method = top.paymentMethodId ? { paymentMethodId: top.paymentMethodId } : { newMethod: 'CARD', saveMethod: true };
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: START_TOP_UP, variables: { input: { number: top.number, amount: top.amount, idempotencyKey: top.key, ...method } } }),
  });
  const body = (await res.json()) as { data?: { startPersonalTopUp: { id: string; redirectUrl: string } }; errors?: unknown[] };
  if (!body.data?.startPersonalTopUp) throw new Error(`startPersonalTopUp failed: ${JSON.stringify(body.errors)}`);
  const { id, redirectUrl } = body.data.startPersonalTopUp;
  const confirmed = await confirmOnCheckoutPage(redirectUrl, top.paymentMethodId ? {} : { pan: DEMO_CARD });
  if (confirmed.status !== 200) throw new Error(`the checkout page answered ${confirmed.status}`);
  return id;
}

/** Issue 22 (BIL-04): starting an invoice's online payment. */
export const START_INVOICE_PAYMENT = `mutation($input: StartInvoicePaymentInput!) {
  startInvoicePayment(input: $input) { id orderNumber status amount redirectUrl invoice { number paymentStatus } } }`;

export const COMPLETE_INVOICE_PAYMENT = `mutation($input: CompleteInvoicePaymentInput!) { completeInvoicePayment(input: $input) {
  request { id description } order { id } payment { paymentId orderNumber amount paidWith invoice { number kind paymentStatus amount } } } }`;

/**
 * An invoice paid as the customer pays it: its payment started through the graph, confirmed on the provider's page with
 * the demo card (or a PayPal account). Answers the payment id completeInvoicePayment takes.
 */
export async function paidInvoice(stack: { gatewayUrl: string }, token: string, number: string, method: 'CARD' | 'PAYPAL' = 'CARD'): Promise<string> {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: START_INVOICE_PAYMENT, variables: { input: { number, method } } }),
  });
  const body = (await res.json()) as { data?: { startInvoicePayment: { id: string; redirectUrl: string } }; errors?: unknown[] };
  if (!body.data?.startInvoicePayment) throw new Error(`startInvoicePayment failed: ${JSON.stringify(body.errors)}`);
  const { id, redirectUrl } = body.data.startInvoicePayment;
  const confirmed = await confirmOnCheckoutPage(redirectUrl, method === 'CARD' ? { pan: DEMO_CARD } : { paypalEmail: 'amministrazione@example.com' });
  if (confirmed.status !== 200) throw new Error(`the checkout page answered ${confirmed.status}`);
  return id;
}

/** The provider's own record of an invoice's payments, read with the merchant's key: how many charges it made. */
export async function chargesForInvoice(providerUrl: string, number: string): Promise<number> {
  const res = await fetch(`${providerUrl}/v1/payments?reference=${number}`, { headers: { authorization: 'Bearer onegraph-payments' } });
  return ((await res.json()) as { payments: { charges: unknown[] }[] }).payments.reduce((sum, p) => sum + p.charges.length, 0);
}

/**
 * Any payment the graph starts and the provider's page confirms (issue 22: an invoice, another customer's invoice, a
 * line's credit): `start` is the mutation that answers `{ id redirectUrl }`, confirmed with the demo card. Answers
 * the payment id the completing mutation takes.
 */
export async function paidThrough(
  stack: { gatewayUrl: string }, token: string, start: { mutation: string; inputType: string }, input: Record<string, unknown>,
): Promise<string> {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `mutation($input: ${start.inputType}!) { ${start.mutation}(input: $input) { id redirectUrl } }`, variables: { input } }),
  });
  const body = (await res.json()) as { data?: Record<string, { id: string; redirectUrl: string }>; errors?: unknown[] };
  const payment = body.data?.[start.mutation];
  if (!payment) throw new Error(`${start.mutation} failed: ${JSON.stringify(body.errors)}`);
  const confirmed = await confirmOnCheckoutPage(payment.redirectUrl, { pan: DEMO_CARD });
  if (confirmed.status !== 200) throw new Error(`the checkout page answered ${confirmed.status}`);
  return payment.id;
}

