import { describe, expect, it } from 'vitest';
import type { NewPayment } from '../../adapters/payments';
import { paymentStandIns } from '../support/payment-stand-ins';
import { confirmOnCheckoutPage } from '../support/checkout';

/**
 * Issue 12 (seed 002 §9.1.2): the payment provider's stand-in through the graph's adapter, and the customer's side
 * of it, the checkout page, as a browser fills it; then eBill's personal basket, which a top-up credits once.
 */
const standIns = paymentStandIns();

const newCard = (key: string, extra: Partial<NewPayment> = {}): NewPayment => ({
  idempotencyKey: key, cents: 1_000, customer: '1-U0035', reference: '3700034020', method: { kind: 'CARD', save: true }, returnUrl: null, ...extra,
});

describe('payment provider', () => {
  it('creates one payment per key, waiting on its checkout page; the key with another request is a conflict', async () => {
    const first = await standIns.payments.createPayment(newCard('key-create-1'));
    if (typeof first === 'string') throw new Error(first);
    expect(first).toMatchObject({ status: 'REQUIRES_AUTHENTICATION', cents: 1_000, reference: '3700034020', charge: null });
    expect(first.orderNumber).toMatch(/^[0-9A-F]{10}$/);
    expect(first.redirectUrl).toBe(`${standIns.provider.url}/checkout/${first.id}`);
    expect(await standIns.payments.createPayment(newCard('key-create-1'))).toEqual(first);
    expect(await standIns.payments.createPayment(newCard('key-create-1', { cents: 2_000 }))).toBe('conflict');
    const page = await fetch(first.redirectUrl!);
    expect(await page.text()).toContain('Numero carta');
  });

  it('charges once after strong authentication, saves the card masked, and a wrong code counts', async () => {
    const created = await standIns.payments.createPayment(newCard('key-charge-1'));
    if (typeof created === 'string') throw new Error(created);
    const wrong = await confirmOnCheckoutPage(created.redirectUrl!, { pan: '4111111111070119', otp: '000000' });
    expect(wrong.status).toBe(400);
    expect(await standIns.payments.getPayment(created.id)).toMatchObject({ status: 'REQUIRES_AUTHENTICATION', charge: null });

    await confirmOnCheckoutPage(created.redirectUrl!, { pan: '4111111111070119' });
    await confirmOnCheckoutPage(created.redirectUrl!, { pan: '4111111111070119' });
    const paid = await standIns.payments.getPayment(created.id);
    expect(paid).toMatchObject({ status: 'SUCCEEDED', redirectUrl: null, charge: { cents: 1_000, maskedMethod: '*****0119' } });
    const methods = await standIns.payments.listMethods('1-U0035');
    expect(methods).toEqual([expect.objectContaining({ kind: 'CARD', masked: '*****0119', expiry: '12/29' })]);
    expect(await standIns.payments.listMethods('1-U0034')).toEqual([]);

    // A second payment with the saved card asks only for the code.
    const again = await standIns.payments.createPayment(newCard('key-charge-2', { method: { id: methods[0].id } }));
    if (typeof again === 'string') throw new Error(again);
    expect(await (await fetch(again.redirectUrl!)).text()).not.toContain('Numero carta');
    await confirmOnCheckoutPage(again.redirectUrl!, {});
    expect(await standIns.payments.getPayment(again.id)).toMatchObject({ status: 'SUCCEEDED', charge: { maskedMethod: '*****0119' } });

    expect(await standIns.payments.deleteMethod('1-U0034', methods[0].id)).toBe(false);
    expect(await standIns.payments.deleteMethod('1-U0035', methods[0].id)).toBe(true);
    expect(await standIns.payments.listMethods('1-U0035')).toEqual([]);
    expect(await standIns.payments.createPayment(newCard('key-charge-3', { method: { id: methods[0].id } }))).toBe('unknown method');
  });

  it('charges nothing when the bank declines the card or the code is wrong three times', async () => {
    const declined = await standIns.payments.createPayment(newCard('key-decline-1', { method: { kind: 'CARD', save: false } }));
    if (typeof declined === 'string') throw new Error(declined);
    await confirmOnCheckoutPage(declined.redirectUrl!, { pan: '4000000000000002' });
    expect(await standIns.payments.getPayment(declined.id)).toMatchObject({ status: 'FAILED', charge: null });

    const locked = await standIns.payments.createPayment(newCard('key-otp-1', { method: { kind: 'PAYPAL', save: false } }));
    if (typeof locked === 'string') throw new Error(locked);
    for (let i = 0; i < 3; i++) await confirmOnCheckoutPage(locked.redirectUrl!, { paypalEmail: 'gina@example.com', otp: '999999' });
    expect(await standIns.payments.getPayment(locked.id)).toMatchObject({ status: 'FAILED', charge: null });
  });

  it('sends the browser back to the merchant\'s return URL with the payment id', async () => {
    const created = await standIns.payments.createPayment(newCard('key-return-1', { returnUrl: 'https://portal.example/topup/done' }));
    if (typeof created === 'string') throw new Error(created);
    const back = await confirmOnCheckoutPage(created.redirectUrl!, { pan: '4111111111070119' });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`https://portal.example/topup/done?payment=${created.id}`);
  });

  it('refuses the API without the secret key, and knows no made-up payment', async () => {
    const res = await fetch(`${standIns.provider.url}/v1/payments/pay_000000000000000000000000`);
    expect(res.status).toBe(401);
    expect(await standIns.payments.getPayment('pay_000000000000000000000000')).toBeNull();
  });
});

describe('eBill personal basket', () => {
  it('lists the service SMS of a line over a window, newest first (seed 002 §9.2.3)', async () => {
    const sms = await standIns.ebillClient.listServiceSms('3700034020', '2025-09-15', '2026-03-15');
    expect(sms.map((m) => [m.sender, m.kind, m.status])).toEqual([
      ['TIMBusiness', 'SMS Area Clienti H24', 'CONSEGNATO'], ['TIMBusiness', 'SMS Area Clienti H24', 'CONSEGNATO'],
    ]);
    expect(sms[0].text).toContain('RICARICA ONE SHOT 7 EBU');
    expect(sms[0].sentAt > sms[1].sentAt).toBe(true);
  });

  it('holds the personal credit apart from the company credit: 3700034020 has 135,00 €', async () => {
    expect(await standIns.ebillClient.getPersonalCredit(['3700034020', '3700801103'])).toEqual([
      expect.objectContaining({ lineNumber: '3700034020', amount: '135.00' }), null,
    ]);
  });

  it('credits a personal top-up once per operation id, and lists it with the seed\'s top-ups of the last 6 months', async () => {
    const top = { lineNumber: '3700034020', cents: 2_000, operationId: 'pay_0123456789abcdef01234567' };
    expect(await standIns.ebillClient.creditPersonalTopUp(top)).toMatchObject({ amount: '155.00' });
    expect(await standIns.ebillClient.creditPersonalTopUp(top)).toMatchObject({ amount: '155.00' });
    await expect(standIns.ebillClient.creditPersonalTopUp({ ...top, cents: 5_000 })).rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE' } });
    const history = await standIns.ebillClient.listPersonalTopUps('3700034020', '2025-09-15', '2026-03-15');
    expect(history.map((t) => [t.amount, t.kind, t.detail])).toEqual([
      ['20.00', 'Ricarica da altri canali', 'Ricarica da WEB'],
      ['10.00', 'Ricarica da altri canali', 'Ricarica da WEB'],
      ['25.00', 'Ricarica da altri canali', 'Ricarica da WEB'],
    ]);
  });
});
