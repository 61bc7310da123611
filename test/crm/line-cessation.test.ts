import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmClient, type CrmClient } from '../../adapters/crm';
import { crmStandIn } from '../../legacy/crm/standin';
import { PINNED_TODAY, startTestStandIn, type TestStandIn } from '../support/stand-in-admin';

/**
 * MOB-05 and FIX-02 in CRM (legacy/crm/line-cessation.ts), through the real adapter: a cessation is scheduled and the
 * line goes on until its day; from that day CRM prints the line ceased, and the revocation the day has passed is
 * refused. The graph's tests run on one pinned day: the day's passing is seen here by moving the stand-in's clock.
 */
let crm: TestStandIn;
let client: CrmClient;
beforeAll(async () => {
  crm = await startTestStandIn(crmStandIn);
  client = createCrmClient({ url: crm.url });
});
afterAll(async () => {
  process.env.LEGACY_TODAY = PINNED_TODAY;
  await client?.close();
  await crm?.stop();
});

const onLine = (kind: 'MobileLine' | 'FixedLine', id: string, description: string, key: string, parameters?: Record<string, string>) =>
  client.createRequest({ description, withOrder: description === 'Cessazione linea', target: { kind, id }, channel: 'AREA CLIENTI',
    idempotencyKey: key, fingerprint: `fp-${key}`, ...(parameters && { parameters }) });

describe('a line\'s cessation in CRM', () => {
  it('MOB-05 schedules the cessation of a mobile line: an open pratica with its ordine, the line active until the day', async () => {
    const created = await onLine('MobileLine', '3343860505', 'Cessazione linea', 'cease-mobile', { dataEffetto: '20/03/2026' });
    expect(created.request).toMatchObject({ description: 'Cessazione linea', status: 'OPEN' });
    expect(created.order).toMatchObject({ status: 'In lavorazione' });
    expect((await client.getMobileLines(['3343860505']))[0]).toMatchObject({ status: 'ACTIVE', ceasedOn: null, cessationScheduledOn: '2026-03-20' });
  });

  it('FIX-02 schedules the cessation of a fixed line; a second one for the same line is refused', async () => {
    await onLine('FixedLine', '066633987', 'Cessazione linea', 'cease-fixed', { dataEffetto: '20/03/2026' });
    expect((await client.getFixedLines(['066633987']))[0]).toMatchObject({ status: 'ACTIVE', cessationScheduledOn: '2026-03-20' });
    await expect(onLine('FixedLine', '066633987', 'Cessazione linea', 'cease-fixed-again', { dataEffetto: '25/03/2026' }))
      .rejects.toMatchObject({ extensions: { code: 'LEGACY_REJECTED' } });
  });

  it('MOB-05 refuses a cessation that does not name a day after today', async () => {
    await expect(onLine('MobileLine', '3343860902', 'Cessazione linea', 'cease-today', { dataEffetto: '15/03/2026' })).rejects.toThrow();
    expect((await client.getMobileLines(['3343860902']))[0]?.cessationScheduledOn).toBeNull();
  });

  it('MOB-05 and FIX-02 from the day on the lines are ceased, and their cessation can no longer be revoked', async () => {
    process.env.LEGACY_TODAY = '2026-03-20';
    expect((await client.getMobileLines(['3343860505']))[0]).toMatchObject({ status: 'CEASED', ceasedOn: '2026-03-20', cessationScheduledOn: null });
    expect((await client.getFixedLines(['066633987']))[0]).toMatchObject({ status: 'CEASED', cessationScheduledOn: null });
    await expect(onLine('MobileLine', '3343860505', 'Revoca cessazione linea', 'revoke-late'))
      .rejects.toMatchObject({ extensions: { code: 'LEGACY_REJECTED' } });
  });
});
