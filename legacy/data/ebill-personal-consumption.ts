import { unitHash } from './billing-calendar';

/**
 * h-consumption (issue 12). What eBill rates on the CM8 employees' own lines for the "Riepilogo consumi personali"
 * pages (seed 002 §9.2.2, CON-09), and (issue 22) on company A's and B's lines for the customer area's "Traffico e
 * Consumi" (seed 000 "Consumi", CON-01 to CON-03): the line's services with the employee's share of their fee, its traffic options
 * with their erosion, and its traffic events. Dates are days before today (the stand-in's clock), so the events always
 * fall in the pages' two-month window; the seed's sample rows (2021) sit a few days back, the rest is generated
 * deterministically from the line and the day. Personal events only on lines with TIM TUO active (the employee pays
 * them on his personal invoice); called numbers are stored masked, as eBill prints them (3399902***).
 */
export type ConsumptionLineKind = 'ABBONAMENTO' | 'RICARICABILE';
export interface ConsumptionLineSeed {
  lineNumber: string;
  kind: ConsumptionLineKind;
  timTuo: boolean;
  /** Generated events per day: one line goes past the pages' 3,000 events in the window. */
  eventsPerDay: number;
}

export const CONSUMPTION_LINES: readonly ConsumptionLineSeed[] = [
  { lineNumber: '3312548681', kind: 'ABBONAMENTO', timTuo: true, eventsPerDay: 4 }, // pasquale.eu
  { lineNumber: '3312548662', kind: 'ABBONAMENTO', timTuo: true, eventsPerDay: 110 }, // laura.eu: > 3,000 events
  { lineNumber: '3312547883', kind: 'ABBONAMENTO', timTuo: false, eventsPerDay: 4 }, // emanuele.eu
  { lineNumber: '3700034020', kind: 'RICARICABILE', timTuo: true, eventsPerDay: 4 }, // gina.eu
  { lineNumber: '3700801103', kind: 'RICARICABILE', timTuo: true, eventsPerDay: 4 }, // anna.eu
  // Issue 22: company A's prepaid line of the seed's page, its AL's, UT's and UTD's postpaid lines; company B's line.
  { lineNumber: '3343860302', kind: 'RICARICABILE', timTuo: false, eventsPerDay: 3 },
  { lineNumber: '3343860405', kind: 'ABBONAMENTO', timTuo: false, eventsPerDay: 3 }, // sara.neri (AL)
  { lineNumber: '3343860902', kind: 'ABBONAMENTO', timTuo: false, eventsPerDay: 3 }, // giada.mantesi (UT)
  { lineNumber: '3343860505', kind: 'ABBONAMENTO', timTuo: false, eventsPerDay: 3 }, // paolo.verdi (UTD)
  { lineNumber: '3471000001', kind: 'ABBONAMENTO', timTuo: false, eventsPerDay: 3 }, // company B
];

/** How far back the generated events go: past the start of the previous month, whatever today is. */
export const EVENT_DAYS = 65;

/** A service of a postpaid line with the employee's share of its monthly fee (§9.2.2.1 "Servizi attivi"). */
export interface LineServiceSeed { description: string; activatedDaysAgo: number; status: string; employeePercent: number; feeCents: number }

/** The seed's five rows (activated on 06/04/2021, 0 % to the employee, 10 € a month). */
export const EMPLOYEE_SERVICES: readonly LineServiceSeed[] = [
  'RF IN ROAMING', 'RF USCENTE', 'SUPER INTERNET MOBILE LTE VOLTE', 'VOCE VOLTE eSU_abb', 'BLOCCO SATELLITARE',
].map((description) => ({ description, activatedDaysAgo: 600, status: 'ATTIVO', employeePercent: 0, feeCents: 1_000 }));

/** A bundle of a traffic option and how much of it is used (§9.2.2.1 bundle erosion, §9.2.2.1 ricaricabili options). */
export interface OptionSeed { option: string; scope: 'NAZIONALE' | 'ROAMING'; activatedDaysAgo: number; unit: 'MIN' | 'SMS' | 'MB'; included: number }

export const OPTIONS: Record<ConsumptionLineKind, readonly OptionSeed[]> = {
  ABBONAMENTO: [
    { option: 'TIM Senza Limiti Business', scope: 'NAZIONALE', activatedDaysAgo: 600, unit: 'MIN', included: 2_000 },
    { option: 'TIM Senza Limiti Business', scope: 'NAZIONALE', activatedDaysAgo: 600, unit: 'SMS', included: 1_000 },
    { option: 'TIM Senza Limiti Business', scope: 'NAZIONALE', activatedDaysAgo: 600, unit: 'MB', included: 51_200 },
    { option: 'TIM in Viaggio Europa', scope: 'ROAMING', activatedDaysAgo: 300, unit: 'MIN', included: 200 },
    { option: 'TIM in Viaggio Europa', scope: 'ROAMING', activatedDaysAgo: 300, unit: 'MB', included: 10_240 },
  ],
  RICARICABILE: [
    { option: 'TIM Business Prepagata Voce', scope: 'NAZIONALE', activatedDaysAgo: 400, unit: 'MIN', included: 1_000 },
    { option: 'TIM Business Prepagata Internet', scope: 'NAZIONALE', activatedDaysAgo: 400, unit: 'MB', included: 20_480 },
  ],
};

/** What part of an option's bundle the line used: stable per line and bundle. */
export const usedOf = (line: string, o: OptionSeed) => Math.floor(unitHash(`${line}:${o.option}:${o.unit}`) * o.included);

/** One traffic event as eBill rates it. `grossCents`/`netCents` null print "n.d."; net 0 = inside a bundle, free. */
export interface TrafficEventSeed {
  lineNumber: string;
  /** Seconds before today's midnight (UTC), so that the day counts back from the stand-in's today. */
  secondsAgo: number;
  type: string;
  detail: string;
  called: string;
  operator: string;
  durationSeconds: number | null;
  volumeKb: number | null;
  grossCents: number | null;
  netCents: number | null;
  option: string;
  rating: string;
  category: string;
  callType: 'AZIENDALE' | 'PERSONALE';
  scope: 'NAZIONALE' | 'ROAMING';
  /** What the consumption summary adds it to: FONIA, SMS, DATI (ALTRO: neither). */
  kindOfTraffic: 'FONIA' | 'SMS' | 'DATI' | 'ALTRO';
}

type Template = Omit<TrafficEventSeed, 'lineNumber' | 'secondsAgo' | 'callType' | 'scope'>;
const DAY = 86_400;
const at = (days: number, hh: number, mm: number, ss = 0) => days * DAY - (hh * 3_600 + mm * 60 + ss);

/** The seed's postpaid sample (§9.2.2.1 "Dettaglio del tuo traffico online netto bundle", 01-03/09/2021). */
const POSTPAID_SAMPLE: (Template & { secondsAgo: number })[] = [
  { secondsAgo: at(3, 12, 3), type: 'DATI WAP', detail: 'Navigazione Wap', called: '', operator: 'ALTRO', durationSeconds: 7_180, volumeKb: 2_784, grossCents: 0, netCents: 0, option: '', rating: 'Kbyte', category: 'Dati', kindOfTraffic: 'DATI' },
  { secondsAgo: at(4, 18, 34), type: 'A-SMS RICHIESTA SERVIZI', detail: 'Da Provider', called: '3399902***', operator: 'ALTRO', durationSeconds: null, volumeKb: null, grossCents: 0, netCents: 0, option: '', rating: 'Flat', category: 'Servizi interattivi', kindOfTraffic: 'SMS' },
  { secondsAgo: at(4, 18, 31, 30), type: 'A-SMS RICHIESTA SERVIZI', detail: 'Da Provider', called: '3399902***', operator: 'ALTRO', durationSeconds: null, volumeKb: null, grossCents: 0, netCents: 0, option: '', rating: 'Flat', category: 'Servizi interattivi', kindOfTraffic: 'SMS' },
  { secondsAgo: at(4, 18, 31), type: 'DATI WAP', detail: 'Navigazione Wap', called: '', operator: 'ALTRO', durationSeconds: 2_881, volumeKb: 2_079, grossCents: 0, netCents: 0, option: '', rating: 'Kbyte', category: 'Dati', kindOfTraffic: 'DATI' },
  { secondsAgo: at(5, 11, 51), type: 'DATI WAP', detail: 'Navigazione Wap', called: '', operator: 'ALTRO', durationSeconds: 3_579, volumeKb: 2_314, grossCents: 0, netCents: 0, option: '', rating: 'kbyte', category: 'Dati', kindOfTraffic: 'DATI' },
  { secondsAgo: at(5, 11, 21), type: 'A-SMS RICHIESTA SERVIZI', detail: 'Da Provider', called: '3399902***', operator: 'ALTRO', durationSeconds: null, volumeKb: null, grossCents: 0, netCents: 0, option: '', rating: 'Flat', category: 'Servizi interattivi', kindOfTraffic: 'SMS' },
];

/** The seed's prepaid sample (§9.2.2.1 ricaricabili "Dettaglio del tuo traffico dati", 03/05/2021). */
const PREPAID_SAMPLE: (Template & { secondsAgo: number })[] = [
  { secondsAgo: at(3, 0, 0, 1), type: 'MOC', detail: 'n.d.', called: '00**', operator: 'n.d.', durationSeconds: 33_600, volumeKb: null, grossCents: 11_590, netCents: 11_590, option: '', rating: '', category: 'Voce', kindOfTraffic: 'FONIA' },
  { secondsAgo: at(3, 4, 21, 41), type: 'MOC', detail: 'n.d.', called: '3210000***', operator: 'n.d.', durationSeconds: 6_600, volumeKb: null, grossCents: 1_000, netCents: 1_000, option: '', rating: '', category: 'Voce', kindOfTraffic: 'FONIA' },
  { secondsAgo: at(3, 5, 30), type: 'GPRS', detail: 'iboxtimit', called: 'n.d.', operator: 'n.d.', durationSeconds: null, volumeKb: 10_000, grossCents: null, netCents: null, option: '', rating: '', category: 'Dati/Servizi a contenuto', kindOfTraffic: 'DATI' },
  { secondsAgo: at(3, 5, 45), type: 'GPRS', detail: 'iboxtimit', called: 'n.d.', operator: 'n.d.', durationSeconds: null, volumeKb: 10_000, grossCents: null, netCents: null, option: '', rating: '', category: 'Dati/Servizi a contenuto', kindOfTraffic: 'DATI' },
  { secondsAgo: at(3, 5, 51, 25), type: 'MOC', detail: 'n.d.', called: '3210000***', operator: 'n.d.', durationSeconds: 6_600, volumeKb: null, grossCents: 978, netCents: 978, option: '', rating: '', category: 'Voce', kindOfTraffic: 'FONIA' },
];

/** The kinds of event generated per line kind, each with its category as the seed's filters name it. */
const TEMPLATES: Record<ConsumptionLineKind, Template[]> = {
  ABBONAMENTO: [
    { type: 'MOC', detail: 'Chiamata nazionale', called: '3210000***', operator: 'TIM', durationSeconds: 0, volumeKb: null, grossCents: 0, netCents: 0, option: 'TIM Senza Limiti Business', rating: 'Secondi', category: 'Generico', kindOfTraffic: 'FONIA' },
    { type: 'SMS', detail: 'SMS nazionale', called: '3471234***', operator: 'TIM', durationSeconds: null, volumeKb: null, grossCents: 0, netCents: 0, option: 'TIM Senza Limiti Business', rating: 'Flat', category: 'Generico', kindOfTraffic: 'SMS' },
    POSTPAID_SAMPLE[0],
    POSTPAID_SAMPLE[1],
    { type: 'EVENTO', detail: 'Acquisto contenuto', called: '48***', operator: 'ALTRO', durationSeconds: null, volumeKb: null, grossCents: 0, netCents: 0, option: '', rating: 'Evento', category: 'Eventi', kindOfTraffic: 'ALTRO' },
  ],
  RICARICABILE: [
    PREPAID_SAMPLE[1],
    { type: 'SMS', detail: 'n.d.', called: '3471234***', operator: 'n.d.', durationSeconds: null, volumeKb: null, grossCents: 0, netCents: 0, option: '', rating: '', category: 'SMS/MMS', kindOfTraffic: 'SMS' },
    PREPAID_SAMPLE[2],
    { type: 'SERVIZIO', detail: 'Servizio informativo', called: '4916***', operator: 'n.d.', durationSeconds: null, volumeKb: null, grossCents: 0, netCents: 0, option: '', rating: '', category: 'Generico', kindOfTraffic: 'ALTRO' },
  ],
};

/**
 * The generated events of a line: per day `eventsPerDay`, each of a template picked by hash, a tenth in roaming, a
 * third personal on TIM TUO lines (always charged), and one in four of the others charged beyond the bundle (a few
 * cents to a few euro).
 */
function generated(line: ConsumptionLineSeed): TrafficEventSeed[] {
  const events: TrafficEventSeed[] = [];
  const templates = TEMPLATES[line.kind];
  for (let day = 1; day <= EVENT_DAYS; day += 1) {
    for (let n = 0; n < line.eventsPerDay; n += 1) {
      const h = (what: string) => unitHash(`${line.lineNumber}:${day}:${n}:${what}`);
      const template = templates[Math.floor(h('template') * templates.length)];
      // Personal traffic is outside the company's bundles: always charged, on the employee's invoice.
      const personal = line.timTuo && h('personal') < 1 / 3;
      const charged = personal || h('charged') < 0.25;
      const cents = charged ? 10 + Math.floor(h('cents') * 490) : 0;
      events.push({
        ...template,
        lineNumber: line.lineNumber,
        secondsAgo: day * DAY - Math.floor(h('second') * (DAY - 1)),
        durationSeconds: template.durationSeconds === null ? null : 10 + Math.floor(h('duration') * 1_800),
        volumeKb: template.volumeKb === null ? null : 100 + Math.floor(h('volume') * 20_000),
        grossCents: template.grossCents === null ? null : cents,
        netCents: template.netCents === null ? null : cents,
        callType: personal ? 'PERSONALE' : 'AZIENDALE',
        scope: h('roaming') < 0.1 ? 'ROAMING' : 'NAZIONALE',
      });
    }
  }
  return events;
}

/** Every line's events: the seed's sample rows (company, national) and the generated ones. */
export function trafficEvents(): TrafficEventSeed[] {
  return CONSUMPTION_LINES.flatMap((line) => [
    ...(line.kind === 'ABBONAMENTO' ? POSTPAID_SAMPLE : PREPAID_SAMPLE)
      .map((s) => ({ ...s, lineNumber: line.lineNumber, callType: 'AZIENDALE' as const, scope: 'NAZIONALE' as const })),
    ...generated(line),
  ]);
}
