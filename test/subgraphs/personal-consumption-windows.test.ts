import { afterEach, describe, expect, it } from 'vitest';
import { lastFifteenDays, lastTwoMonths, monthWindow } from '../../subgraphs/consumption/traffic-filter';

/**
 * h-consumption (issue 12): the windows of "Riepilogo consumi personali" (seed 002 §9.2.2) on the legacy calendar,
 * across a year's turn and a short month: the detail's two months start on the 1st of the previous month, the
 * summary's previous month is a whole calendar month, "Tipologia traffico" counts today and the 14 days before.
 */
const pinned = process.env.LEGACY_TODAY;
const on = (day: string) => { process.env.LEGACY_TODAY = day; };
afterEach(() => {
  if (pinned === undefined) delete process.env.LEGACY_TODAY;
  else process.env.LEGACY_TODAY = pinned;
});

describe('personal consumption windows', () => {
  it('on 2027-01-05: December and January so far', () => {
    on('2027-01-05');
    expect(lastTwoMonths()).toEqual({ from: '2026-12-01', to: '2027-01-05' });
    expect(monthWindow('CURRENT')).toEqual({ from: '2027-01-01', to: '2027-01-05' });
    expect(monthWindow('PREVIOUS')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(lastFifteenDays()).toEqual({ from: '2026-12-22', to: '2027-01-05' });
  });

  it('on 2028-03-31: the previous month is a leap February', () => {
    on('2028-03-31');
    expect(lastTwoMonths()).toEqual({ from: '2028-02-01', to: '2028-03-31' });
    expect(monthWindow('PREVIOUS')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('on the 1st of a month: this month is today alone', () => {
    on('2026-11-01');
    expect(monthWindow('CURRENT')).toEqual({ from: '2026-11-01', to: '2026-11-01' });
    expect(lastTwoMonths()).toEqual({ from: '2026-10-01', to: '2026-11-01' });
  });
});
