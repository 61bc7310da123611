import { daysAgo, monthsAgo, today } from '../runtime/clock';
// Issue 21 (MOB-06): company A's roaming data thresholds, the customer area's "Soglie dati roaming a volume".
import { companyARoamingThresholds } from './mobile-services-reference';

/**
 * eBill's spending thresholds (seed 002 §7.5), the money each line spent in the current day and month, and the
 * notification e-mails of the last weeks. Shaped so that every state the monitoring pages show exists: the seed's
 * `3312544025` (SOGLIA INFO SPESA PA, daily, 50 €), a line past 80 % of its threshold, one past 100 %, a dispositive
 * 0 € threshold whose line is blocked, extra-EU roaming data thresholds on postpaid and prepaid lines, and postpaid
 * lines with none (the candidates of §7.5.1).
 */
export type ThresholdKind = 'SPESA' | 'DATI_EXTRA_UE';
export type ThresholdNature = 'INFO' | 'DISPO';
export type ThresholdPeriod = 'GIORNO' | 'MESE';

export interface EbillThresholdRecord {
  lineNumber: string; contract: string; kind: ThresholdKind; nature: ThresholdNature; period: ThresholdPeriod;
  cents: number; activatedOn: Date;
}
/** What a line spent (paid traffic outside its bundles), in cents: today, this month, extra-EU roaming data this month. */
export interface EbillSpendingRecord { lineNumber: string; dayCents: number; monthCents: number; extraEuDataMonthCents: number }
export interface EbillNotificationRecord {
  id: string; contract: string; sentOn: Date; recipient: string; subject: string;
  /** The lines the e-mail is about, with their erosion at the time (the attachment's rows). */
  lines: { lineNumber: string; description: string; erosionPercent: number }[];
}

const POSTPAID = '888010088938';
const PREPAID = '888012234558';
/** The address the seed's notification screen shows (§7.5.6). */
export const NOTIFICATION_RECIPIENT = 'portalibu@timnews.callaudo.tim.it';

export function thresholdFixture(until = today()) {
  const t = (lineNumber: string, contract: string, kind: ThresholdKind, nature: ThresholdNature, period: ThresholdPeriod, euros: number, activatedOn: Date): EbillThresholdRecord =>
    ({ lineNumber, contract, kind, nature, period, cents: euros * 100, activatedOn });
  const thresholds: EbillThresholdRecord[] = [
    t('3312544025', POSTPAID, 'SPESA', 'INFO', 'GIORNO', 50, monthsAgo(7, 26, until)),
    t('3312544025', POSTPAID, 'DATI_EXTRA_UE', 'INFO', 'MESE', 50, monthsAgo(7, 26, until)),
    // Past 80 %: 42 € of 50.
    t('3312547899', POSTPAID, 'SPESA', 'INFO', 'MESE', 50, monthsAgo(6, 11, until)),
    // Past 100 %: 46 € of 40.
    t('3312547516', POSTPAID, 'SPESA', 'INFO', 'MESE', 40, monthsAgo(6, 3, until)),
    // Dispositive at 0 €: the line is blocked at its first paid event (seed 002 §7.5.1).
    t('3312548662', POSTPAID, 'SPESA', 'DISPO', 'MESE', 0, monthsAgo(6, 17, until)),
    t('3312548662', POSTPAID, 'DATI_EXTRA_UE', 'DISPO', 'MESE', 30, monthsAgo(6, 17, until)),
    // Prepaid lines have only extra-EU roaming data thresholds (§7.5.3).
    t('3700801103', PREPAID, 'DATI_EXTRA_UE', 'INFO', 'MESE', 50, monthsAgo(5, 2, until)),
    t('3346076607', PREPAID, 'DATI_EXTRA_UE', 'DISPO', 'MESE', 30, monthsAgo(5, 2, until)),
    ...companyARoamingThresholds(until),
  ];
  const spending: EbillSpendingRecord[] = [
    { lineNumber: '3312544025', dayCents: 0, monthCents: 1_250, extraEuDataMonthCents: 0 },
    { lineNumber: '3312547899', dayCents: 310, monthCents: 4_200, extraEuDataMonthCents: 0 },
    { lineNumber: '3312547516', dayCents: 500, monthCents: 4_600, extraEuDataMonthCents: 0 },
    { lineNumber: '3312548662', dayCents: 0, monthCents: 0, extraEuDataMonthCents: 0 },
    { lineNumber: '3312547883', dayCents: 120, monthCents: 2_000, extraEuDataMonthCents: 0 },
    { lineNumber: '3700801103', dayCents: 0, monthCents: 0, extraEuDataMonthCents: 1_000 },
    { lineNumber: '3346076607', dayCents: 0, monthCents: 0, extraEuDataMonthCents: 0 },
  ];
  // One "Avanzamento Soglie" e-mail a day for the last 18 days (seed 002 §7.5.6: "Tot. email inviate 18").
  const notifications: EbillNotificationRecord[] = Array.from({ length: 18 }, (_, i) => {
    const sentOn = daysAgo(18 - i, until);
    const stamp = sentOn.toISOString().slice(0, 10).split('-').reverse().join('-');
    return {
      id: `NTF-${POSTPAID}-${String(i + 1).padStart(3, '0')}`, contract: POSTPAID, sentOn, recipient: NOTIFICATION_RECIPIENT,
      subject: `Avanzamento Soglie del ${stamp}`,
      lines: [
        { lineNumber: '3312547899', description: 'SOGLIA INFO SPESA PA', erosionPercent: 80 + (i % 5) },
        { lineNumber: '3312547516', description: 'SOGLIA INFO SPESA PA', erosionPercent: 100 + i },
      ],
    };
  });
  return { thresholds, spending, notifications };
}
