import { monthsAgo, today } from '../runtime/clock';
import { claimPeriods, generatedCents, generatedPayment, issuedPeriods, periodYearsBack, type GeneratedPayment } from './billing-calendar';
import { largeCustomer } from './large';

/**
 * EBPFA's share of spec/reference-data.md: fixed-line invoices keyed by the fixed contract's billing customer code,
 * one per bimester, with the reference invoices in place. Generated customers get two years of them.
 */
export type EbpfaPaymentWord = 'PAGATA' | 'DA PAGARE' | 'SCADUTA';
export type EbpfaInvoiceType = 'Fonia' | 'Fonia-Dati';

export interface EbpfaInvoiceRecord {
  customerCode: string;
  number: string;
  lineNumber: string;
  bimester: number;
  year: number;
  type: EbpfaInvoiceType;
  status: EbpfaPaymentWord;
  cents: number;
  issuedOn: Date;
  dueOn: Date;
}

interface PinnedInvoice { number: string; bimester: number; cents: number; status: EbpfaPaymentWord }
interface FixedAccount {
  customerCode: string;
  lineNumber: string;
  type: EbpfaInvoiceType;
  pinned: PinnedInvoice[];
  /** How many bimesters were invoiced, newest first. */
  periods: number;
  /** Invoicing stopped here (a ceased contract). */
  invoicedUntil?: Date;
  numberOf: (slot: number) => string;
}

const PAYMENT_WORD: Record<GeneratedPayment, EbpfaPaymentWord> = { PAID: 'PAGATA', TO_PAY: 'DA PAGARE', OVERDUE: 'SCADUTA' };
/** Two years of bimonthly invoices. */
const INVOICED_PERIODS = 12;

const referenceNumber = (account: number) => (slot: number) => `8W1${String(account).padStart(3, '0')}${String(slot).padStart(4, '0')}`;

function referenceAccounts(until: Date): FixedAccount[] {
  return [
    {
      // Company A: fixed contract 066633987.
      customerCode: '99318457198', lineNumber: '066633987', type: 'Fonia', periods: INVOICED_PERIODS, numberOf: referenceNumber(0),
      pinned: [
        { number: '8W00038521', bimester: 2, cents: 19_264, status: 'PAGATA' },
        { number: '8W00492000', bimester: 1, cents: 557, status: 'DA PAGARE' },
      ],
    },
    {
      // Company B: fixed contract 021234567.
      customerCode: '99318000002', lineNumber: '021234567', type: 'Fonia-Dati', periods: INVOICED_PERIODS, numberOf: referenceNumber(1), pinned: [],
    },
    {
      // The ceased customer: 8 bimesters invoiced before the contract ceased 3 months ago (only the last 6 are shown).
      customerCode: '99318000003', lineNumber: '0516000001', type: 'Fonia', periods: 8, numberOf: referenceNumber(2), pinned: [],
      invoicedUntil: monthsAgo(3, undefined, until),
    },
  ];
}

function largeAccounts(large: { id: string; lines: number }[]): FixedAccount[] {
  return large.map(({ id, lines }) => {
    const { billingCustomerCode, lineNumbers } = largeCustomer(id, lines).fixedContract;
    return {
      customerCode: billingCustomerCode, lineNumber: lineNumbers[0], type: 'Fonia-Dati', periods: INVOICED_PERIODS, pinned: [],
      // Billing codes are unique across generated customers, so their tail makes unique invoice numbers.
      numberOf: (slot: number) => `8L${billingCustomerCode.slice(3)}${String(slot).padStart(2, '0')}`,
    };
  });
}

function accountInvoices(account: FixedAccount, until: Date): EbpfaInvoiceRecord[] {
  const periods = issuedPeriods(account.periods, account.invoicedUntil ?? until);
  const claims = claimPeriods(periods, account.pinned);
  return periods.map((period, slot) => {
    const pinned = claims[slot];
    const number = pinned?.number ?? account.numberOf(slot);
    return {
      customerCode: account.customerCode, number, lineNumber: account.lineNumber,
      bimester: period.bimester, year: period.year, type: account.type,
      status: pinned?.status ?? PAYMENT_WORD[generatedPayment(period, number, until)],
      cents: pinned?.cents ?? generatedCents(number, 5, 400),
      issuedOn: period.issuedOn, dueOn: period.dueOn,
    };
  });
}

export function ebpfaFixture(large: { id: string; lines: number }[], until = today()): EbpfaInvoiceRecord[] {
  const invoices = [...referenceAccounts(until), ...largeAccounts(large)].flatMap((a) => accountInvoices(a, until));
  // Company A also has a Fonia-Dati invoice in the bimester of 8W00038521, so two invoices can be merged (BIL-07).
  const paid = invoices.find((i) => i.number === '8W00038521');
  if (paid) invoices.push({ ...paid, number: '8W00038522', type: 'Fonia-Dati', cents: 4_518 });
  // Issue 22 (BIL-05): and two fixed invoices left unpaid long ago, one within the 5-year unpaid list, one beyond.
  for (const [number, years, cents] of [['8W00231190', 3, 2_214], ['8W00170043', 6, 1_980]] as const) {
    const { bimester, year, issuedOn, dueOn } = periodYearsBack(years, until);
    invoices.push({ customerCode: '99318457198', number, lineNumber: '066633987', bimester, year, type: 'Fonia', status: 'SCADUTA', cents, issuedOn, dueOn });
  }
  return invoices;
}
