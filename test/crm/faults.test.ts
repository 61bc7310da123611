import { beforeEach, describe, expect, it } from 'vitest';
import { createCrmClient } from '../../adapters/crm';
import { crmUnderTest } from '../support/crm-clients';

/** CRM's failures as the graph sees them: one vocabulary, the system named, no legacy text. */
const { crm, client } = crmUnderTest();
beforeEach(async () => {
  await crm().setFaults({ '*': { errorRate: 0, malformed: false, down: false }, GetLineeMobili: null });
});

const unavailable = { extensions: { code: 'LEGACY_UNAVAILABLE', system: 'CRM', correlationId: expect.any(String) } };

describe('CRM failures', () => {
  it('turns SOAP faults into LEGACY_UNAVAILABLE without the legacy text', async () => {
    await crm().setFaults({ '*': { errorRate: 1 } });
    const failure = await client().getMobileLines(['3343860505']).catch((e: unknown) => e);
    expect(failure).toMatchObject(unavailable);
    expect((failure as Error).message).toBe('CRM is not available right now; try again later.');
    await expect(client().createRequest({ description: 'Ritrovamento SIM', withOrder: true, target: { kind: 'MobileLine', id: '3343860505' }, channel: 'AREA CLIENTI', idempotencyKey: 'f-1', fingerprint: 'f-1' }))
      .rejects.toMatchObject(unavailable);
  });

  it('turns malformed answers into LEGACY_UNAVAILABLE', async () => {
    await crm().setFaults({ '*': { malformed: true } });
    await expect(client().listMobileLines({ companyIds: ['1-VALL01'] }, { offset: 0, limit: 10 }, 'NUMBER')).rejects.toMatchObject(unavailable);
    await expect(client().getUserProfile('1-U0001')).rejects.toMatchObject(unavailable);
  });

  it('fails only the operation a fault is set on', async () => {
    await crm().setFaults({ GetLineeMobili: { errorRate: 1 } });
    await expect(client().getMobileLines(['3343860505'])).rejects.toMatchObject(unavailable);
    expect((await client().getCompanies(['1-VALL01']))[0]?.name).toBe('VALLISNERI GINEVRA');
  });

  it('turns a system that is down into LEGACY_UNAVAILABLE', async () => {
    await crm().setFaults({ '*': { down: true } });
    await expect(client().getContracts(['888012170373'])).rejects.toMatchObject(unavailable);
  });

  it('refuses wrong credentials, which the graph sees as LEGACY_UNAVAILABLE', async () => {
    const wrong = createCrmClient({ url: crm().url, password: 'wrong' });
    try {
      await expect(wrong.getCompanies(['1-VALL01'])).rejects.toMatchObject(unavailable);
    } finally {
      await wrong.close();
    }
  });

  it('refuses more than 100 ids per kind in a list filter before calling CRM', async () => {
    const lines = Array.from({ length: 101 }, (_, i) => `33900${String(i).padStart(5, '0')}`);
    await crm().resetCounters();
    await expect(client().listContracts({ lineNumbers: lines })).rejects.toMatchObject({ extensions: { code: 'INTERNAL' } });
    expect(await crm().counters()).toEqual({});
  });
});
