import type { Decimal } from '../domain';
import { count, decimal } from '../legacy-values';
import { UnusableAnswer } from '../legacy-answer';
import { text, type EbillRecord } from './protocol';

/** Traffic not yet billed, per month and traffic type (seed 002 §7.4.3, §7.4.4; CON-04; issue 11). */
export type TrafficType = 'VOICE' | 'DATA' | 'SMS' | 'EXTRA_EU_ROAMING_DATA';
export interface OnlineTraffic {
  lineNumber: string;
  /** `YYYY-MM`. */
  month: string;
  type: TrafficType;
  quantity: number;
  /** MIN, MB or SMS. */
  unit: string;
  /** What it cost beyond the bundles, in euro. */
  amount: Decimal;
}

const TYPES: Record<string, TrafficType> = { VOCE: 'VOICE', DATI: 'DATA', SMS: 'SMS', ROAMING_EXTRA_UE: 'EXTRA_EU_ROAMING_DATA' };

export function onlineTrafficFromEbill(r: EbillRecord): OnlineTraffic {
  const type = TYPES[text(r, 'tipoTraffico')];
  if (!type) throw new UnusableAnswer(`unknown traffic type ${text(r, 'tipoTraffico')}`);
  const month = text(r, 'mese');
  if (!/^\d{4}-\d{2}$/.test(month)) throw new UnusableAnswer(`month ${month}`);
  return { lineNumber: text(r, 'nrLinea'), month, type, quantity: count(text(r, 'quantita')), unit: text(r, 'unita'), amount: decimal(text(r, 'imp')) };
}
