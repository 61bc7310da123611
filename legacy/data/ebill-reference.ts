import { today } from '../runtime/clock';
import { claimPeriods, generatedCents, generatedPayment, issuedPeriods, periodYearsBack, unitHash, type BillingPeriod, type GeneratedPayment } from './billing-calendar';
import { isPrepaidLargeLine, largeCustomer } from './large';

/**
 * eBill's share of spec/reference-data.md: mobile invoices per contract (2 years, one per bimester, with the
 * reference invoices in place), residual credit of prepaid lines, traffic bundles of postpaid lines.
 * Generated customers (legacy/data/large.ts) get the same shapes so that benchmarks see realistic volumes.
 */
export type EbillPaymentWord = 'PAGATA' | 'DA_PAGARE' | 'SCADUTA';
/** eBill's kinds of invoice: mobile, and unified ("Fattura unica": the customer's fixed and mobile services on one). */
export type EbillInvoiceKind = 'MOBILE' | 'UNICA';

export interface EbillInvoiceRecord {
  number: string;
  contract: string;
  customerCode: string;
  bimester: number;
  year: number;
  issuedOn: Date;
  dueOn: Date;
  cents: number;
  status: EbillPaymentWord;
  kind: EbillInvoiceKind;
}
export interface EbillCreditRecord { lineNumber: string; cents: number; updatedAt: Date }
/** GB in hundredths, so that "20,00 GB" stays exact. */
export interface EbillTrafficRecord {
  lineNumber: string;
  gbTotalHundredths: number; gbLeftHundredths: number;
  minutesTotal: number; minutesLeft: number;
  smsTotal: number; smsLeft: number;
}
export interface EbillFixture { invoices: EbillInvoiceRecord[]; credits: EbillCreditRecord[]; traffic: EbillTrafficRecord[] }

interface PinnedInvoice { number: string; bimester: number; cents: number; status: EbillPaymentWord }
interface MobileContract {
  number: string;
  customerCode: string;
  /** Reference invoices; each takes the newest issued bimester of its number. */
  pinned: PinnedInvoice[];
  invoiced: boolean;
  /** Issue 22: also billed by unified invoices (seed 000 "Fatture uniche"), one per bimester, numbered 7U…. */
  unified?: boolean;
  /** Lines with a traffic bundle: the postpaid ones (every line of a generated customer). */
  trafficLines: string[];
  /** Prepaid lines with a residual credit; without `cents` the amount is generated. */
  creditLines: { number: string; cents?: number }[];
}

const REFERENCE_CONTRACTS: MobileContract[] = [
  {
    number: '888012170373', customerCode: '1-VALL01', invoiced: true, unified: true,
    pinned: [
      { number: '7X00412066', bimester: 2, cents: 22_112, status: 'DA_PAGARE' },
      { number: '7X04127467', bimester: 1, cents: 7_263, status: 'DA_PAGARE' },
    ],
    trafficLines: ['3343860505', '3343860902', '3316779290', '3343860405'],
    creditLines: [{ number: '3343860302', cents: 980 }],
  },
  {
    number: '888012999001', customerCode: '1-NOME01', invoiced: true, pinned: [],
    trafficLines: ['3471000001', '3471000002', '3471000003'], creditLines: [],
  },
  {
    number: '888010088938', customerCode: '1-KRSH01', invoiced: true,
    pinned: [{ number: '7X00000311', bimester: 4, cents: 17_862, status: 'DA_PAGARE' }],
    trafficLines: ['3312547228', '3312545213', '3312545395', '3312547516', '3312547883', '3312547899', '3312548662',
      '3312544025', '3312548681', '3312547310'],
    creditLines: [],
  },
  {
    // Prepaid company lines: credit, no company invoices.
    number: '888012234558', customerCode: '1-KRSH01', invoiced: false, pinned: [], trafficLines: [],
    creditLines: [{ number: '3700034020', cents: 13_500 }, { number: '3700801103' }, { number: '3700801105' },
      { number: '3351050823' }, { number: '3346076607' }, { number: '3346075368' }],
  },
  {
    number: '888010077777', customerCode: '1-ENTE02', invoiced: true, pinned: [],
    trafficLines: ['3319000001', '3319000002', '3319000003', '3319000004', '3319000005'], creditLines: [],
  },
];

/** Two years of bimonthly invoices per contract. */
const INVOICED_PERIODS = 12;

const PAYMENT_WORD: Record<GeneratedPayment, EbillPaymentWord> = { PAID: 'PAGATA', TO_PAY: 'DA_PAGARE', OVERDUE: 'SCADUTA' };

function contractInvoices(contract: MobileContract, numberOf: (slot: number) => string, periods: BillingPeriod[], until: Date, kind: EbillInvoiceKind = 'MOBILE'): EbillInvoiceRecord[] {
  const claims = kind === 'MOBILE' ? claimPeriods(periods, contract.pinned) : [];
  return periods.map((period, slot) => {
    const pinned = claims[slot];
    const number = pinned?.number ?? numberOf(slot);
    return {
      number, contract: contract.number, customerCode: contract.customerCode,
      bimester: period.bimester, year: period.year, issuedOn: period.issuedOn, dueOn: period.dueOn,
      cents: pinned?.cents ?? generatedCents(number, 40, 900),
      status: pinned?.status ?? PAYMENT_WORD[generatedPayment(period, number, until)],
      kind,
    };
  });
}

function creditOf(lineNumber: string, until: Date, cents?: number): EbillCreditRecord {
  const minutes = Math.floor(unitHash(`${lineNumber}:at`) * 300);
  const updatedAt = new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth(), until.getUTCDate(), 6, minutes));
  return { lineNumber, cents: cents ?? generatedCents(lineNumber, 0, 80), updatedAt };
}

const GB_BUNDLES = [10, 20, 50, 100];
const MINUTE_BUNDLES = [500, 1_000, 3_000];
const SMS_BUNDLES = [100, 500, 1_000];

function trafficOf(lineNumber: string): EbillTrafficRecord {
  const pick = (options: number[], salt: string) => options[Math.floor(unitHash(`${lineNumber}:${salt}`) * options.length)];
  const left = (total: number, salt: string) => Math.floor(total * unitHash(`${lineNumber}:${salt}:left`));
  const gbTotalHundredths = pick(GB_BUNDLES, 'gb') * 100;
  const minutesTotal = pick(MINUTE_BUNDLES, 'min');
  const smsTotal = pick(SMS_BUNDLES, 'sms');
  return {
    lineNumber,
    gbTotalHundredths, gbLeftHundredths: left(gbTotalHundredths, 'gb'),
    minutesTotal, minutesLeft: left(minutesTotal, 'min'),
    smsTotal, smsLeft: left(smsTotal, 'sms'),
  };
}

/** Every large customer's mobile contract: all lines get traffic, the prepaid share also gets credit. */
function largeContracts(large: { id: string; lines: number }[]): { contract: MobileContract; numberOf: (slot: number) => string }[] {
  return large.flatMap(({ id, lines }) => {
    const customer = largeCustomer(id, lines);
    return customer.mobileContracts.map((c) => ({
      contract: {
        number: c.number, customerCode: customer.companyId, invoiced: true, pinned: [],
        trafficLines: c.lineNumbers,
        creditLines: c.lineNumbers.filter(isPrepaidLargeLine).map((number) => ({ number })),
      },
      // Contract numbers are unique across generated customers, so their tail makes unique invoice numbers.
      numberOf: (slot: number) => `7L${c.number.slice(4)}${String(slot).padStart(2, '0')}`,
    }));
  });
}

export function ebillFixture(large: { id: string; lines: number }[], until = today()): EbillFixture {
  const periods = issuedPeriods(INVOICED_PERIODS, until);
  const contracts = [
    ...REFERENCE_CONTRACTS.map((contract, i) => ({
      contract,
      numberOf: (slot: number) => `7X1${String(i).padStart(3, '0')}${String(slot).padStart(4, '0')}`,
    })),
    ...largeContracts(large),
  ];
  const fixture: EbillFixture = { invoices: [], credits: [], traffic: [] };
  for (const { contract, numberOf } of contracts) {
    if (contract.invoiced) fixture.invoices.push(...contractInvoices(contract, numberOf, periods, until));
    if (contract.unified) fixture.invoices.push(...contractInvoices(contract, (slot) => `7U${numberOf(slot).slice(2)}`, periods, until, 'UNICA'));
    for (const line of contract.creditLines) fixture.credits.push(creditOf(line.number, until, line.cents));
    for (const line of contract.trafficLines) fixture.traffic.push(trafficOf(line));
  }
  // Issue 22 (BIL-05): company A left two mobile invoices unpaid long ago, one within the 5-year unpaid list, one beyond.
  for (const [number, years, cents] of [['7X00231188', 3, 4_870], ['7X00170042', 6, 3_105]] as const) {
    const { bimester, year, issuedOn, dueOn } = periodYearsBack(years, until);
    fixture.invoices.push({ number, contract: '888012170373', customerCode: '1-VALL01', bimester, year, issuedOn, dueOn, cents, status: 'SCADUTA', kind: 'MOBILE' });
  }
  return fixture;
}
