import { describe, expect, it } from 'vitest';
import { paymentStandIns } from '../support/payment-stand-ins';
import { confirmOnCheckoutPage, DEMO_CARD } from '../support/checkout';

/**
 * h-tuopost (issue 12, seed 002 §9.2.1.1): the two stand-in parts TIM TUO's employee pages add, through the graph's
 * adapters: the provider's card verification (zero amount, strong authentication, only the masked card comes back)
 * and eBill's personal billing account (once per operation id; a direct debit the bank does not confirm is discarded).
 */
const standIns = paymentStandIns();

const setup = (key: string, reference = '3312547883') => ({ idempotencyKey: key, customer: '1-U0037', reference, returnUrl: null });

describe('card verification at the payment provider', () => {
  it('verifies a card once the customer confirms with his bank\'s code, and answers only its masked form', async () => {
    const started = await standIns.payments.createCardSetup(setup('setup-1'));
    if (started === 'conflict') throw new Error('conflict');
    expect(started).toMatchObject({ status: 'REQUIRES_AUTHENTICATION', card: null, redirectUrl: `${standIns.provider.url}/checkout/setups/${started.id}` });
    expect(await standIns.payments.createCardSetup(setup('setup-1'))).toEqual(started);
    expect(await standIns.payments.createCardSetup(setup('setup-1', '3312547899'))).toBe('conflict');

    expect((await confirmOnCheckoutPage(started.redirectUrl!, { pan: DEMO_CARD, otp: '000000' })).status).toBe(400);
    expect(await standIns.payments.getCardSetup(started.id)).toMatchObject({ status: 'REQUIRES_AUTHENTICATION', card: null });
    expect((await confirmOnCheckoutPage(started.redirectUrl!, { pan: DEMO_CARD })).status).toBe(200);
    expect(await standIns.payments.getCardSetup(started.id)).toMatchObject({ status: 'SUCCEEDED', card: { masked: '*****0119', expiry: '12/29' }, redirectUrl: null });
  });

  it('fails on a declined card, and knows no made-up verification', async () => {
    const started = await standIns.payments.createCardSetup(setup('setup-declined'));
    if (started === 'conflict') throw new Error('conflict');
    await confirmOnCheckoutPage(started.redirectUrl!, { pan: '4000000000000002' });
    expect(await standIns.payments.getCardSetup(started.id)).toMatchObject({ status: 'FAILED', card: null });
    expect(await standIns.payments.getCardSetup(`seti_${'0'.repeat(24)}`)).toBeNull();
  });
});

describe('eBill personal billing accounts', () => {
  const address = { street: 'VIA TOLEDO', houseNumber: '15', postalCode: '80134', city: 'NAPOLI', province: 'NA' };
  const emanuele = { firstName: 'EMANUELE', lastName: 'MANCINI', taxCode: 'MNCMNL83C12A944Q' };

  it('reads the seeded accounts, the IBAN masked', async () => {
    const [pasquale, none] = await standIns.ebillClient.getPersonalAccounts(['3312548681', '3312547883']);
    expect(pasquale).toMatchObject({ paymentMethod: 'DIRECT_DEBIT', directDebitStatus: 'ACTIVE', maskedIban: 'IT60X******************3456' });
    expect(none).toBeNull();
  });

  it('keeps a direct debit the bank confirms, once per operation id; another body under the same id is refused', async () => {
    const change = { lineNumber: '3312547883', holder: emanuele, invoiceAddress: address,
      payment: { method: 'DIRECT_DEBIT' as const, iban: 'IT66A0306909606100000012345', accountHolder: { ...emanuele, address } } };
    const account = await standIns.ebillClient.setPersonalAccount('7-1001', change);
    expect(account).toMatchObject({ paymentMethod: 'DIRECT_DEBIT', directDebitStatus: 'ACTIVE', maskedIban: 'IT66A******************2345' });
    expect(await standIns.ebillClient.setPersonalAccount('7-1001', change)).toEqual(account);
    await expect(standIns.ebillClient.setPersonalAccount('7-1001', { ...change, payment: { method: 'POSTAL_SLIP' } })).rejects.toThrow();
  });

  it('discards a direct debit whose holder is not the bank\'s: SCARTATA, paid by postal slip; a partial change keeps the rest', async () => {
    const account = await standIns.ebillClient.setPersonalAccount('7-1002', { lineNumber: '3312547883',
      payment: { method: 'DIRECT_DEBIT', iban: 'IT66A0306909606100000012345', accountHolder: { ...emanuele, lastName: 'ROSSI', address } } });
    expect(account).toMatchObject({ paymentMethod: 'POSTAL_SLIP', directDebitStatus: 'DISCARDED', holder: emanuele, invoiceAddress: address });
  });
});
