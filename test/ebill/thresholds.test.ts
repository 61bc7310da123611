import { describe, expect, it } from 'vitest';
import { ebillUnderTest } from '../support/ebill-stand-in';

/**
 * eBill's spending thresholds (seed 002 §7.5; issue 11) through the real adapter against the stand-in: the seed's
 * shapes, the erosion eBill computes, and its writes, once per operation id (the CRM pratica id the graph sends).
 */
const under = ebillUnderTest();

describe('eBill thresholds', () => {
  it('holds the seed\'s SOGLIA INFO SPESA PA of 3312544025, daily, 50 €, and a blocked dispositive 0 € line', async () => {
    const [seedLine, blocked, none] = await under.client().getThresholds(['3312544025', '3312548662', '3312547883']);
    expect(seedLine.find((t) => t.kind === 'SPENDING')).toMatchObject({
      description: 'SOGLIA INFO SPESA PA', nature: 'INFORMATIVE', period: 'DAILY', value: '50.00', available: '50.00', erosionPercent: '0.00', active: true, lineBlocked: false,
    });
    expect(blocked.find((t) => t.kind === 'SPENDING')).toMatchObject({ nature: 'DISPOSITIVE', value: '0.00', erosionPercent: '100.00', lineBlocked: true });
    expect(none).toEqual([]);
  });

  it('activates once per operation id: the same id again changes nothing, with another request is refused', async () => {
    const change = { operation: 'ACTIVATE', lineNumber: '3312547883', contractNumber: '888010088938', kind: 'SPENDING', nature: 'INFORMATIVE', period: 'MONTHLY', cents: 6_000 } as const;
    const first = await under.client().changeThreshold('7-90000000001', change);
    expect(first).toMatchObject({ value: '60.00', spent: '20.00', available: '40.00', erosionPercent: '33.33', active: true });
    expect(await under.client().changeThreshold('7-90000000001', change)).toEqual(first);
    await expect(under.client().changeThreshold('7-90000000001', { ...change, cents: 7_000 })).rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE', system: 'eBill' } });
    // A second activation under another id finds the threshold active: eBill refuses it.
    await expect(under.client().changeThreshold('7-90000000002', change)).rejects.toMatchObject({ extensions: { code: 'LEGACY_UNAVAILABLE' } });
    expect((await under.ebill().counters())['soglie/attiva']).toBe(4);
  });

  it('changes and ceases, and keeps the ceased threshold with its date', async () => {
    await under.client().changeThreshold('7-90000000003', { operation: 'CHANGE', lineNumber: '3312547516', kind: 'SPENDING', cents: 10_000 });
    const ceased = await under.client().changeThreshold('7-90000000004', { operation: 'CEASE', lineNumber: '3312547516', kind: 'SPENDING' });
    expect(ceased).toMatchObject({ value: '100.00', active: false, ceasedOn: '2026-03-15' });
  });

  it('keeps a version per line and kind: a write asked against an older one is refused, a replay of the applied one is not', async () => {
    const line = '3312544025';
    const [[before]] = await under.client().getThresholds([line]).then((all) => all.map((t) => t.filter((x) => x.kind === 'SPENDING')));
    const change = { operation: 'CHANGE', lineNumber: line, kind: 'SPENDING', cents: 4_000, version: before.version } as const;
    const changed = await under.client().changeThreshold('7-90000000005', change);
    expect(changed).toMatchObject({ value: '40.00', version: before.version + 1 });
    // Another tab's change asked against the same version, under its own pratica: the threshold moved since.
    await expect(under.client().changeThreshold('7-90000000006', { ...change, cents: 3_000 })).rejects.toMatchObject({ extensions: { system: 'eBill' } });
    // The first pratica's replay reads the next version: the operation id answers it, nothing changes twice.
    expect(await under.client().changeThreshold('7-90000000005', { ...change, version: changed.version })).toEqual(changed);
  });

  it('searches a contract\'s thresholds and lists the notification e-mails', async () => {
    const page = await under.client().searchThresholds({ contractNumbers: ['888010088938'], kind: 'EXTRA_EU_ROAMING_DATA' }, { offset: 0, limit: 10 });
    expect(page.items.map((t) => t.lineNumber)).toEqual(['3312544025', '3312548662']);
    const mails = await under.client().thresholdNotifications(['888010088938'], '2026-03-01', '2026-03-15');
    expect(mails[0]).toMatchObject({ subject: 'Avanzamento Soglie del 14-03-2026', recipient: 'portalibu@timnews.callaudo.tim.it' });
  });
});
