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
