import { beforeEach, describe, expect, it } from 'vitest';
import { createEbillLoaders } from '../../adapters/ebill';
import { ebillUnderTest } from '../support/ebill-stand-in';

/**
 * h-invoice (issue 12): eBill's personal invoicing of TIM TUO postpaid lines ("La mia fattura", seed 002 §9.2.1.2)
 * through the real adapter against the stand-in.
 */
const standIn = ebillUnderTest();
const client = () => standIn.client();
beforeEach(async () => {
  await standIn.ebill().resetCounters();
});

describe('eBill personal invoicing', () => {
  it('answers the seed\'s page of 3312548662, the six newest of 3312548681\'s eight invoices, and null for a line not billed personally', async () => {
    const [laura, pasquale, company] = await client().getPersonalInvoicing(['3312548662', '3312548681', '3343860505']);
    expect(laura).toEqual({
      lineNumber: '3312548662', service: 'TIM_TUO', invoiceMode: 'WEB_ONLY', trafficDocumentation: 'FULL', notificationEmail: 'collaudo10@timnews.collaudo.tim.it',
      invoices: [{ number: '8T21448662', lineNumber: '3312548662', bimester: 4, year: 2021, issuedOn: '2021-06-10', dueOn: '2021-07-12',
        amount: '33.45', paid: false, paymentStatus: 'Scoperta' }],
    });
    expect(pasquale?.invoices.map((i) => i.issuedOn)).toEqual(['2022-04-10', '2022-02-10', '2021-12-10', '2021-10-10', '2021-08-10', '2021-06-10']);
    expect(company).toBeNull();
  });

  it('BIL-12 tells the Dual Billing of a customer-area company line from a CM8 employee\'s TIM TUO (issue 22)', async () => {
    const [dual, timTuo] = await client().getPersonalInvoicing(['3343860902', '3312548662']);
    expect(dual).toMatchObject({ lineNumber: '3343860902', service: 'DUAL_BILLING' });
    expect(dual?.invoices).toHaveLength(6);
    expect(timTuo?.service).toBe('TIM_TUO');
  });

  it('looks the lines of one request up in one call', async () => {
    const loaders = createEbillLoaders(client());
    await Promise.all(['3312548662', '3312548681', '3700034020'].map((line) => loaders.personalInvoicing.load(line)));
    expect(await standIn.ebill().counters()).toEqual({ 'tim-tuo/fatture-personali': 1 });
  });

  it('sets the notification e-mail once per operation: a replay writes nothing and keeps a later change', async () => {
    expect(await client().setNotificationEmail({ operationId: 'op-1', lineNumber: '3312548681', email: 'a@example.it' })).toBe('a@example.it');
    expect(await client().setNotificationEmail({ operationId: 'op-2', lineNumber: '3312548681', email: 'b@example.it' })).toBe('b@example.it');
    expect(await client().setNotificationEmail({ operationId: 'op-1', lineNumber: '3312548681', email: 'a@example.it' })).toBe('b@example.it');
    const [page] = await client().getPersonalInvoicing(['3312548681']);
    expect(page?.notificationEmail).toBe('b@example.it');
  });

  it('refuses the operation id on another line, and a line eBill does not bill personally, as unavailable (nothing ours to show)', async () => {
    await expect(client().setNotificationEmail({ operationId: 'op-1', lineNumber: '3312548662', email: 'a@example.it' }))
      .rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE', system: 'eBill' } });
    await expect(client().setNotificationEmail({ operationId: 'op-3', lineNumber: '3343860505', email: 'a@example.it' }))
      .rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE' } });
    const [laura] = await client().getPersonalInvoicing(['3312548662']);
    expect(laura?.notificationEmail).toBe('collaudo10@timnews.collaudo.tim.it');
  });
});
