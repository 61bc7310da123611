import { describe, expect, it } from 'vitest';
import { maskedNumber, trafficFilePath, type TrafficCriteria } from '../../adapters/ebill/personal-consumption';
import { ebillUnderTest } from '../support/ebill-stand-in';

/**
 * h-consumption (issue 12): eBill's rating of the employees' own lines (seed 002 §9.2.2, CON-09) through the real
 * adapter against the stand-in (today pinned to 2026-03-15): the seed's sample rows, the 3,000 events a search
 * reaches, the file of a search.
 */
const under = ebillUnderTest();

const PASQUALE = '3312548681';
const LAURA = '3312548662';
const all = (lineNumber: string, from: string, to: string): TrafficCriteria => ({ lineNumber, from, to, categories: [], callType: null, chargedOnly: false });

describe('eBill personal consumption', () => {
  it('lists the seed\'s five services of a postpaid line, 0 % to the employee and 10 € a month, and none of a prepaid one', async () => {
    const [postpaid, prepaid] = await under.client().getEmployeeServices([PASQUALE, '3700034020']);
    expect(postpaid.map((s) => s.description)).toEqual(['RF IN ROAMING', 'RF USCENTE', 'SUPER INTERNET MOBILE LTE VOLTE', 'VOCE VOLTE eSU_abb', 'BLOCCO SATELLITARE']);
    expect(postpaid[0]).toMatchObject({ status: 'ACTIVE', employeeSharePercent: 0, monthlyFee: '10.00' });
    expect(prepaid).toEqual([]);
  });

  it('shows the seed\'s sample events, masked, among the newest of the window', async () => {
    const page = await under.client().searchTrafficEvents({ ...all(PASQUALE, '2026-03-10', '2026-03-12'), categories: ['DATA', 'INTERACTIVE_SERVICES'], callType: 'COMPANY' }, { offset: 0, limit: 100 });
    const sample = page.items.filter((e) => e.type === 'DATI WAP' || e.calledNumber === '3399902***');
    expect(sample.find((e) => e.at === '2026-03-12T12:03:00Z')).toMatchObject({ type: 'DATI WAP', detail: 'Navigazione Wap', duration: '01:59:40', volumeKb: 2784, netAmount: '0.00', rating: 'Kbyte' });
    expect(sample.find((e) => e.at === '2026-03-11T18:34:00Z')).toMatchObject({ type: 'A-SMS RICHIESTA SERVIZI', detail: 'Da Provider', calledNumber: '3399902***', rating: 'Flat' });
    expect(page.items.every((e) => e.callType === 'COMPANY' && ['DATA', 'INTERACTIVE_SERVICES'].includes(e.category))).toBe(true);
  });

  it('counts every event that matched but pages through the newest 3,000 only', async () => {
    const window = all(LAURA, '2026-02-01', '2026-03-15');
    const first = await under.client().searchTrafficEvents(window, { offset: 0, limit: 1_000 });
    expect(first.totalCount).toBeGreaterThan(3_000);
    expect(first.reachable).toBe(3_000);
    expect((await under.client().searchTrafficEvents(window, { offset: 2_000, limit: 1_000 })).items).toHaveLength(1_000);
    expect((await under.client().searchTrafficEvents(window, { offset: 3_000, limit: 1_000 })).items).toEqual([]);
  });

  it('serves a search as a CSV file of at most 3,000 events', async () => {
    const res = await fetch(`${under.ebill().url}${trafficFilePath(all(LAURA, '2026-02-01', '2026-03-15'), 'CSV')}`, { headers: { 'x-api-key': 'onegraph-ebill' } });
    expect(res.status).toBe(200);
    const rows = (await res.text()).split('\r\n');
    expect(rows[0]).toContain('"Tipologia";"Dettaglio";"Chiamato"');
    expect(rows).toHaveLength(3_001);
  });

  it('hides the last digits of a called number', () => {
    expect(maskedNumber('3399902123')).toBe('3399902***');
    expect(maskedNumber('3399902***')).toBe('3399902***');
    expect(maskedNumber('0044')).toBe('00**');
    expect(maskedNumber(null)).toBeNull();
  });
});
