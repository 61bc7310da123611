/**
 * h-prepaid (issue 12). The TIM TUO prepaid traffic options of seed 002 §9.2.1.3 ("Pacchetti/Plafond"), as eBill
 * bills them on the employee's personal credit, and the options already active on the demo lines.
 *
 * THE PRICES AND ALLOWANCES ARE OURS: the seed names the options (S1 … L20, 1GB/4GB/20GB Plus, the extra-EU roaming
 * daily package and 500MB plafond, each with its "Exclusive") and refers to the Convenzione's price list for the rest.
 * The figures below are plausible stand-ins, to be replaced by the Convenzione's when known.
 *
 * Families (eBill's words), one active option each:
 * - PACCHETTO_NAZ: monthly national + EU package (GB, minutes, SMS);
 * - PLAFOND_DATI: extra data plafond, usable only in the calendar month it was requested, one request a month;
 * - PACCHETTO_EXTRA_UE: extra-EU roaming daily package (needs the line's TIM TUO option ROAMING_EXTRA_UE);
 * - PLAFOND_EXTRA_UE: extra-EU roaming 500MB monthly data plafond (likewise).
 */
export type PrepaidFamily = 'PACCHETTO_NAZ' | 'PLAFOND_DATI' | 'PACCHETTO_EXTRA_UE' | 'PLAFOND_EXTRA_UE';

export interface PrepaidOptionSeed {
  code: string;
  family: PrepaidFamily;
  /** The name the page shows. */
  name: string;
  cents: number;
  /** Allowance: data in MB, minutes, SMS (0 when the option has none of it). */
  mb: number;
  minutes: number;
  sms: number;
}

const option = (code: string, family: PrepaidFamily, name: string, cents: number, mb: number, minutes = 0, sms = 0): PrepaidOptionSeed =>
  ({ code, family, name, cents, mb, minutes, sms });

export const PREPAID_OPTIONS: readonly PrepaidOptionSeed[] = [
  option('S1', 'PACCHETTO_NAZ', 'S1', 300, 1_024, 100, 100),
  option('S4', 'PACCHETTO_NAZ', 'S4', 500, 4_096, 200, 100),
  option('M4', 'PACCHETTO_NAZ', 'M4', 700, 4_096, 500, 200),
  option('M20', 'PACCHETTO_NAZ', 'M20', 1_000, 20_480, 500, 200),
  option('L4', 'PACCHETTO_NAZ', 'L4', 900, 4_096, 2_000, 500),
  option('L20', 'PACCHETTO_NAZ', 'L20', 1_300, 20_480, 2_000, 500),
  option('PLUS_1GB', 'PLAFOND_DATI', '1GB Plus', 200, 1_024),
  option('PLUS_4GB', 'PLAFOND_DATI', '4GB Plus', 500, 4_096),
  option('PLUS_20GB', 'PLAFOND_DATI', '20GB Plus', 1_000, 20_480),
  option('GIORNALIERO_EXTRA_UE', 'PACCHETTO_EXTRA_UE', 'Pacchetto giornaliero roaming extra UE', 600, 100, 30, 0),
  option('GIORNALIERO_EXTRA_UE_EXCLUSIVE', 'PACCHETTO_EXTRA_UE', 'Pacchetto giornaliero roaming extra UE Exclusive', 1_000, 500, 60, 0),
  option('PLAFOND_500MB_EXTRA_UE', 'PLAFOND_EXTRA_UE', 'Plafond mensile 500MB dati roaming extra UE', 1_500, 500),
  option('PLAFOND_500MB_EXTRA_UE_EXCLUSIVE', 'PLAFOND_EXTRA_UE', 'Plafond mensile 500MB dati roaming extra UE Exclusive', 2_500, 500),
];

/**
 * An option active on a demo line since before the fixture's today, already charged, with what was used of it:
 * anna.eu's 3700801103 has M4 (the counters of "La mia SIM" show it; the cessation of row 46 can act on it).
 */
export interface ActivePrepaidOptionSeed { operationId: string; lineNumber: string; code: string; daysAgo: number; usedMb: number; usedMinutes: number; usedSms: number }

export const ACTIVE_PREPAID_OPTIONS: readonly ActivePrepaidOptionSeed[] = [
  { operationId: 'TTR-3700801103-1', lineNumber: '3700801103', code: 'M4', daysAgo: 40, usedMb: 1_536, usedMinutes: 120, usedSms: 15 },
];
