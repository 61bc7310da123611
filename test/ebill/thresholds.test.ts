import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEbillClient, type EbillClient } from '../../adapters/ebill';
import { ebillStandIn } from '../../legacy/ebill/standin';
import { startTestStandIn, type TestStandIn } from '../support/stand-in-admin';
import { BREAKER_NEVER_OPENS } from '../support/resilience';

/**
 * eBill's spending thresholds (seed 002 §7.5; issue 11) through the real adapter against the stand-in: the seed's
 * shapes, the erosion eBill computes, and its writes, once per operation id (the CRM pratica id the graph sends).
 */
let ebill: TestStandIn;
let client: EbillClient;
beforeAll(async () => {
  ebill = await startTestStandIn(ebillStandIn);
  client = createEbillClient({ url: ebill.url, resilience: BREAKER_NEVER_OPENS });
});
afterAll(async () => {
  await client?.close();
  await ebill?.stop();
});

describe('eBill thresholds', () => {
  it('holds the seed\'s SOGLIA INFO SPESA PA of 3312544025, daily, 50 €, and a blocked dispositive 0 € line', async () => {
    const [seedLine, blocked, none] = await client.getThresholds(['3312544025', '3312548662', '3312547883']);
    expect(seedLine.find((t) => t.kind === 'SPENDING')).toMatchObject({
      description: 'SOGLIA INFO SPESA PA', nature: 'INFORMATIVE', period: 'DAILY', value: '50.00', available: '50.00', erosionPercent: '0.00', active: true, lineBlocked: false,
    });
    expect(blocked.find((t) => t.kind === 'SPENDING')).toMatchObject({ nature: 'DISPOSITIVE', value: '0.00', erosionPercent: '100.00', lineBlocked: true });
    expect(none).toEqual([]);
  });

  it('activates once per operation id: the same id again changes nothing, with another request is refused', async () => {
    const change = { operation: 'ACTIVATE', lineNumber: '3312547883', contractNumber: '888010088938', kind: 'SPENDING', nature: 'INFORMATIVE', period: 'MONTHLY', cents: 6_000 } as const;
    const first = await client.changeThreshold('7-90000000001', change);
    expect(first).toMatchObject({ value: '60.00', spent: '20.00', available: '40.00', erosionPercent: '33.33', active: true });
    expect(await client.changeThreshold('7-90000000001', change)).toEqual(first);
    await expect(client.changeThreshold('7-90000000001', { ...change, cents: 7_000 })).rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE', system: 'eBill' } });
    // A second activation under another id finds the threshold active: eBill refuses it.
    await expect(client.changeThreshold('7-90000000002', change)).rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE' } });
    expect((await ebill.counters())['soglie/attiva']).toBe(4);
  });

  it('changes and ceases, and keeps the ceased threshold with its date', async () => {
    await client.changeThreshold('7-90000000003', { operation: 'CHANGE', lineNumber: '3312547516', kind: 'SPENDING', cents: 10_000 });
    const ceased = await client.changeThreshold('7-90000000004', { operation: 'CEASE', lineNumber: '3312547516', kind: 'SPENDING' });
    expect(ceased).toMatchObject({ value: '100.00', active: false, ceasedOn: '2026-03-15' });
  });

  it('searches a contract\'s thresholds and lists the notification e-mails', async () => {
    const page = await client.searchThresholds({ contractNumbers: ['888010088938'], kind: 'EXTRA_EU_ROAMING_DATA' }, { offset: 0, limit: 10 });
    expect(page.items.map((t) => t.lineNumber)).toEqual(['3312544025', '3312548662']);
    const mails = await client.thresholdNotifications(['888010088938'], '2026-03-01', '2026-03-15');
    expect(mails[0]).toMatchObject({ subject: 'Avanzamento Soglie del 14-03-2026', recipient: 'portalibu@timnews.callaudo.tim.it' });
  });
});
