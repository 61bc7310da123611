import { daysAgo, monthsAgo } from '../runtime/clock';
import { isPrepaidLargeLine, largeCustomer } from './large';
import { DEMO_USERS, type DemoUser } from './users';
// h-invoice (issue 12): the seed's ICCIDs of §9.1.1's screens (3312548681, 3700034020's One Number group).
import { SEED_SIMS } from './sim-devices';
// Issue 21: company A's fixed lines on a second site, of several services, and its Numero Verde.
import { COMPANY_A_FIXED_LINES } from './fixed-services';
// Issue 21 (MOB-17): company A's second mobile contract, a line's destination.
import { COMPANY_A_SECOND_CONTRACT } from './mobile-services-reference';

/**
 * CRM's share of spec/reference-data.md, in CRM's own vocabulary (Italian statuses, legacy kinds): customers,
 * contracts, mobile and fixed lines, orders and requests (pratiche), plus the demo users with their grants.
 * Seed dates that the capabilities read through a window (6 months of orders, 10 days of CM8 requests) are rebased
 * on "today"; activation dates stay as the seed screens show them.
 */
export type CrmLineStatus = 'ATTIVO' | 'CONGELATO' | 'SOSPESO' | 'CESSATO';
export type CrmRequestStatus = 'Aperto' | 'In lavorazione' | 'Chiuso';

export interface CrmAddress { street: string; postalCode: string; city: string; province: string }
export interface CrmCompanyRecord {
  customerCode: string;
  name: string;
  taxCode: string;
  legalSeat: CrmAddress;
  /** With his contacts where CRM has them (seed 002 §7.1.1). */
  legalRepresentative: { firstName: string; lastName: string; taxCode: string; email?: string; mobile?: string } | null;
  fixedCommunicationEmail: string | null;
  group: string | null;
}
export interface CrmContractRecord {
  number: string;
  type: 'MOBILE' | 'FISSO';
  customerCode: string;
  billingCustomerCode: string | null;
  status: 'ATTIVO' | 'SOSPESO' | 'CESSATO';
  activatedOn: Date;
  ceasedOn: Date | null;
  sdiCode: string | null;
  agreement: string | null;
}
export interface CrmMobileLineRecord {
  number: string;
  contract: string;
  customerCode: string;
  iccid: string;
  status: CrmLineStatus;
  tariffPlan: string;
  kind: 'ABBONAMENTO' | 'RICARICABILE';
  activatedOn: Date;
  ceasedOn: Date | null;
  oneNumber: { role: 'PRIMARIA' | 'SECONDARIA'; iccids: string[] } | null;
  /**
   * Prepaid lines: the standing mode of the company's monthly automatic recharge (seed 002 §7.3.3): RINUNCIA (made
   * every month, can be waived for next month) or CONFERMA (never made, can be confirmed for next month).
   */
  automaticRecharge?: 'CONFERMA' | 'RINUNCIA';
  /** A timed (TEMPO) or threshold (SOGLIA) company recharge already active on a prepaid line (seed 002 §7.3.4). */
  companyRecharge?: { tipo: 'TEMPO' | 'SOGLIA'; importoCent: number; giorni?: number; sogliaCent?: number };
}
export interface CrmFixedLineRecord {
  number: string;
  contract: string;
  customerCode: string;
  status: CrmLineStatus;
  type: 'FONIA' | 'FONIA_DATI' | 'RETE_INTELLIGENTE';
  site: CrmAddress;
}
export interface CrmOrderRecord {
  id: string;
  contract: string | null;
  line: string | null;
  customerCode: string;
  type: string;
  description: string;
  channel: string;
  status: string;
  shipmentStatus: string | null;
  createdOn: Date;
  requestId: string | null;
  items: { description: string; status: string }[];
}
export interface CrmRequestRecord {
  id: string;
  type: string;
  description: string;
  contract: string | null;
  line: string | null;
  customerCode: string;
  origin: string;
  status: CrmRequestStatus;
  openedOn: Date;
  closedOn: Date | null;
  orderId: string | null;
}
export interface CrmFixture {
  users: DemoUser[];
  companies: CrmCompanyRecord[];
  contracts: CrmContractRecord[];
  mobileLines: CrmMobileLineRecord[];
  fixedLines: CrmFixedLineRecord[];
  orders: CrmOrderRecord[];
  requests: CrmRequestRecord[];
}

const date = (iso: string) => new Date(`${iso}T12:00:00Z`);

/** A 19-digit ICCID derived from the line number (Italian prefix 8939), so that every SIM has a stable one. */
const iccidOf = (lineNumber: string, sim = 0) => `8939${String(sim)}${lineNumber.padStart(14, '0')}`;

const VALL = '1-VALL01';
const NOME = '1-NOME01';
const CESS = '1-CESS01';
const KRSH = '1-KRSH01';
const ENTE = '1-ENTE02';
const PA8 = 'CONVENZIONE PA 8';
const NUOV = '1-NUOV01';

const COMPANIES: CrmCompanyRecord[] = [
  {
    customerCode: VALL, name: 'VALLISNERI GINEVRA', taxCode: 'VLLGVR7NE4ZDS48G',
    legalSeat: { street: 'VIA PAVIA 2', postalCode: '20136', city: 'MILANO', province: 'MI' },
    legalRepresentative: { firstName: 'GINEVRA', lastName: 'VALLISNERI', taxCode: 'VLLGVR74E42D548G', email: 'ginevra.vallisneri@example.it', mobile: '3485180611' },
    fixedCommunicationEmail: 'comunicazioni.fisso@vallisneri.it', group: null,
  },
  {
    customerCode: NOME, name: 'NOME AZIENDA SPA', taxCode: '0000000060819790',
    legalSeat: { street: 'VIA DEL CORSO 10', postalCode: '00186', city: 'ROMA', province: 'RM' },
    legalRepresentative: { firstName: 'MARIO', lastName: 'ROSSI', taxCode: 'RSSMRA66A02F839E' },
    fixedCommunicationEmail: null, group: null,
  },
  {
    customerCode: CESS, name: 'CESSATI CARLO', taxCode: 'CSSCRL60A01A944K',
    legalSeat: { street: 'VIA INDIPENDENZA 5', postalCode: '40121', city: 'BOLOGNA', province: 'BO' },
    legalRepresentative: { firstName: 'CARLO', lastName: 'CESSATI', taxCode: 'CSSCRL60A01A944K' },
    fixedCommunicationEmail: null, group: null,
  },
  {
    customerCode: KRSH, name: 'ENTE KRISHNA', taxCode: '0000003160470831',
    legalSeat: { street: 'V. DELLE SCUOLE 2/D', postalCode: '40132', city: 'BOLOGNA', province: 'BO' },
    legalRepresentative: { firstName: 'VINCENZO', lastName: 'MANDATARIO', taxCode: 'MNDVCN65A01A944B', email: 'portalibu@timnews.collaudo.tim.it', mobile: '3284150683' },
    fixedCommunicationEmail: null, group: null,
  },
  {
    customerCode: ENTE, name: 'ENTE SECONDO', taxCode: '0000008012345678',
    legalSeat: { street: 'PIAZZA DEL COMUNE 1', postalCode: '06121', city: 'PERUGIA', province: 'PG' },
    legalRepresentative: null, fixedCommunicationEmail: null, group: null,
  },
  // issue 20: an SME customer whose legal representative has no user yet: the one who registers (seed 000).
  {
    customerCode: NUOV, name: 'NUOVA IMPRESA SRL', taxCode: '09876543210',
    legalSeat: { street: 'VIA ROMA 1', postalCode: '10121', city: 'TORINO', province: 'TO' },
    legalRepresentative: { firstName: 'ANNA', lastName: 'NUOVI', taxCode: 'NVUNNA80A41L219X' },
    fixedCommunicationEmail: null, group: null,
  },
];

function contracts(): CrmContractRecord[] {
  const contract = (c: Partial<CrmContractRecord> & Pick<CrmContractRecord, 'number' | 'type' | 'customerCode' | 'activatedOn'>): CrmContractRecord => ({
    billingCustomerCode: null, status: 'ATTIVO', ceasedOn: null, sdiCode: null, agreement: null, ...c,
  });
  return [
    contract({ number: '888012170373', type: 'MOBILE', customerCode: VALL, activatedOn: date('2020-11-16'), sdiCode: '1234567891' }),
    contract({ number: '066633987', type: 'FISSO', customerCode: VALL, billingCustomerCode: '99318457198', activatedOn: date('2019-02-19'), sdiCode: '1234567891' }),
    contract({ number: '888012999001', type: 'MOBILE', customerCode: NOME, activatedOn: date('2021-03-01'), sdiCode: 'M5UXCR1' }),
    contract({ number: '021234567', type: 'FISSO', customerCode: NOME, billingCustomerCode: '99318000002', activatedOn: date('2018-06-12'), sdiCode: 'M5UXCR1' }),
    contract({ number: '0516000001', type: 'FISSO', customerCode: CESS, billingCustomerCode: '99318000003', activatedOn: date('2017-09-04'),
      status: 'CESSATO', ceasedOn: monthsAgo(3) }),
    contract({ number: '888010088938', type: 'MOBILE', customerCode: KRSH, activatedOn: date('2021-02-01'), agreement: PA8 }),
    contract({ number: '888012234558', type: 'MOBILE', customerCode: KRSH, activatedOn: date('2021-02-01'), agreement: PA8 }),
    contract({ number: '888010077777', type: 'MOBILE', customerCode: ENTE, activatedOn: date('2020-10-01'), agreement: PA8 }),
    contract({ number: '888012555001', type: 'MOBILE', customerCode: NUOV, activatedOn: date('2024-05-02'), sdiCode: 'KRRH6B9' }),
    COMPANY_A_SECOND_CONTRACT,
  ];
}

function mobileLines(): CrmMobileLineRecord[] {
  const line = (number: string, contract: string, customerCode: string, tariffPlan: string, extra: Partial<CrmMobileLineRecord> = {}): CrmMobileLineRecord => ({
    number, contract, customerCode, iccid: iccidOf(number), status: 'ATTIVO', tariffPlan, kind: 'ABBONAMENTO',
    activatedOn: date('2020-11-16'), ceasedOn: null, oneNumber: null, ...extra,
  });
  const a = (n: string, extra: Partial<CrmMobileLineRecord> = {}) => line(n, '888012170373', VALL, 'TIM BUSINESS MOBILE', extra);
  const k = (n: string, plan: string, extra: Partial<CrmMobileLineRecord> = {}) =>
    line(n, '888010088938', KRSH, plan, { activatedOn: date('2021-02-01'), ...extra });
  const kp = (n: string, extra: Partial<CrmMobileLineRecord> = {}) =>
    line(n, '888012234558', KRSH, 'RICARICABILE Business VOLTE', { kind: 'RICARICABILE', activatedOn: date('2021-02-01'), automaticRecharge: 'RINUNCIA', ...extra });
  return [
    a('3343860302', { kind: 'RICARICABILE', tariffPlan: 'TIM BUSINESS RICARICABILE', automaticRecharge: 'RINUNCIA' }),
    a('3343860505'), a('3343860902'), a('3316779290'), a('3343860405'),
    ...['3471000001', '3471000002', '3471000003'].map((n) => line(n, '888012999001', NOME, 'TIM BUSINESS MOBILE', { activatedOn: date('2021-03-01') })),
    k('3312547228', 'M2M PA 8', { oneNumber: { role: 'PRIMARIA', iccids: [iccidOf('3312547228'), iccidOf('3312547228', 1)] } }),
    k('3312545213', 'PA 8'), k('3312545395', 'PA 8'), k('3312547516', 'PA 8', { status: 'CONGELATO' }),
    k('3312547883', 'PA 8'), k('3312547899', 'PA 8'), k('3312548662', 'PA 8 PACCHETTO'), k('3312544025', 'PA 8'),
    k('3312548681', 'TIM TUO', { iccid: SEED_SIMS['3312548681'][0] }), k('3312547310', 'TIM TUO'),
    kp('3700801103', { automaticRecharge: 'CONFERMA' }), kp('3700801105', { status: 'SOSPESO' }),
    kp('3700034020', { iccid: SEED_SIMS['3700034020'][0], oneNumber: { role: 'PRIMARIA', iccids: [...SEED_SIMS['3700034020']] } }),
    // 3351050823's "Richiesta ricarica aziendale" of the history left a timed recharge active on it.
    kp('3351050823', { companyRecharge: { tipo: 'TEMPO', importoCent: 1_000, giorni: 30 } }), kp('3346076607'), kp('3346075368'),
    ...[1, 2, 3, 4, 5].map((i) => line(`331900000${i}`, '888010077777', ENTE, 'PA 8', { activatedOn: date('2020-10-01') })),
  ];
}

const FIXED_LINES: CrmFixedLineRecord[] = [
  { number: '066633987', contract: '066633987', customerCode: VALL, status: 'ATTIVO', type: 'FONIA_DATI',
    site: { street: 'VIA PAVIA 2', postalCode: '20136', city: 'MILANO', province: 'MI' } },
  { number: '021234567', contract: '021234567', customerCode: NOME, status: 'ATTIVO', type: 'FONIA',
    site: { street: 'VIA DEL CORSO 10', postalCode: '00186', city: 'ROMA', province: 'RM' } },
  { number: '0516000001', contract: '0516000001', customerCode: CESS, status: 'CESSATO', type: 'FONIA',
    site: { street: 'VIA INDIPENDENZA 5', postalCode: '40121', city: 'BOLOGNA', province: 'BO' } },
];

/**
 * Ente KRISHNA's CM8 history (seed 002 §7.3.1-2, screens of 01/08 and 05/08/2021) moved to the last 10 days, and
 * company A's customer-area history spread over the last 6 months.
 */
function history(): Pick<CrmFixture, 'orders' | 'requests'> {
  const order = (o: Partial<CrmOrderRecord> & Pick<CrmOrderRecord, 'id' | 'customerCode' | 'description' | 'createdOn'>): CrmOrderRecord => ({
    contract: null, line: null, type: 'Modifica', channel: 'Web', status: 'Lavorato', shipmentStatus: null, requestId: null,
    items: [{ description: o.description, status: 'Lavorato' }], ...o,
  });
  const request = (r: Partial<CrmRequestRecord> & Pick<CrmRequestRecord, 'id' | 'customerCode' | 'description' | 'openedOn'>): CrmRequestRecord => ({
    type: r.description.toUpperCase(), contract: null, line: null, origin: 'CONSIP8', status: 'Chiuso', closedOn: null, orderId: null, ...r,
  });
  const krishnaPrepaid = { customerCode: KRSH, contract: '888012234558' };
  const companyA = { customerCode: VALL, contract: '888012170373' };
  return {
    requests: [
      request({ id: '7-64436898334', ...krishnaPrepaid, description: 'Rinuncia ricarica aziendale', openedOn: daysAgo(5), closedOn: daysAgo(3), orderId: '74443784358' }),
      request({ id: '7-64381938074', ...krishnaPrepaid, line: '3351050823', description: 'Richiesta ricarica aziendale', openedOn: daysAgo(9), closedOn: daysAgo(1), orderId: '74458098909' }),
      request({ id: '7-64381931654', ...krishnaPrepaid, line: '3346076607', description: 'Richiesta ricarica aziendale', openedOn: daysAgo(9), closedOn: daysAgo(8), orderId: '74440467686' }),
      request({ id: '7-64381940224', ...krishnaPrepaid, line: '3346075368', description: 'Richiesta ricarica aziendale', openedOn: daysAgo(9), closedOn: daysAgo(8) }),
      request({ id: '7-63120044571', ...companyA, line: '3343860902', origin: 'AREA CLIENTI', description: 'Cambio SIM', openedOn: monthsAgo(4, 10), closedOn: monthsAgo(4, 14), orderId: '73310245871' }),
      request({ id: '7-63877100234', ...companyA, line: '3343860505', origin: 'AREA CLIENTI', description: 'Modif abilit over-ext bundle', openedOn: monthsAgo(2, 3), closedOn: monthsAgo(2, 4), orderId: '73902277410' }),
      request({ id: '7-64501200987', ...companyA, line: '3343860405', origin: 'AREA CLIENTI', description: 'Servizi di rete', status: 'In lavorazione', openedOn: daysAgo(6) }),
      request({ id: '7-64519988001', customerCode: VALL, origin: 'AREA CLIENTI', description: 'Richiesta contatto', status: 'Aperto', openedOn: daysAgo(2) }),
    ],
    orders: [
      order({ id: '74458098909', ...krishnaPrepaid, line: '3351050823', description: 'Richiesta ricarica aziendale', createdOn: daysAgo(1), requestId: '7-64381938074' }),
      order({ id: '74443784358', ...krishnaPrepaid, description: 'Rinuncia ricarica aziendale', createdOn: daysAgo(9), requestId: '7-64436898334' }),
      order({ id: '74440467686', ...krishnaPrepaid, line: '3346076607', description: 'Richiesta ricarica aziendale', channel: '', createdOn: daysAgo(10), requestId: '7-64381931654' }),
      order({ id: '73310245871', ...companyA, line: '3343860902', type: 'Sostituzione', description: 'Cambio SIM', shipmentStatus: 'Consegnato',
        createdOn: monthsAgo(4, 10), requestId: '7-63120044571',
        items: [{ description: 'SIM TIM Business 128K', status: 'Lavorato' }, { description: 'Spedizione SIM', status: 'Consegnato' }] }),
      order({ id: '73902277410', ...companyA, line: '3343860505', description: 'Modif abilit over-ext bundle', createdOn: monthsAgo(2, 3), requestId: '7-63877100234' }),
      order({ id: '74020031556', ...companyA, line: '3343860302', type: 'Attivazione', description: 'Attivazione opzione Giga Extra', status: 'In lavorazione',
        createdOn: daysAgo(20), items: [{ description: 'Opzione Giga Extra 10 GB', status: 'In lavorazione' }] }),
    ],
  };
}

/** Generated customers: every line ATTIVO except one in fifty SOSPESO; one in five prepaid, as eBill agrees. */
function largeRecords(large: { id: string; lines: number }[]): Omit<CrmFixture, 'orders' | 'requests'> {
  const fixture: Omit<CrmFixture, 'orders' | 'requests'> = { users: [], companies: [], contracts: [], mobileLines: [], fixedLines: [] };
  for (const { id, lines } of large) {
    const customer = largeCustomer(id, lines);
    const seat = { street: `VIA GRANDE ${lines}`, postalCode: '00100', city: 'ROMA', province: 'RM' };
    fixture.users.push(...customer.users);
    fixture.companies.push({ customerCode: customer.companyId, name: customer.name, taxCode: customer.taxCode, legalSeat: seat,
      legalRepresentative: null, fixedCommunicationEmail: null, group: null });
    for (const c of customer.mobileContracts) {
      fixture.contracts.push({ number: c.number, type: 'MOBILE', customerCode: customer.companyId, billingCustomerCode: null, status: 'ATTIVO',
        activatedOn: date('2022-01-10'), ceasedOn: null, sdiCode: null, agreement: null });
      c.lineNumbers.forEach((number, i) => fixture.mobileLines.push({
        number, contract: c.number, customerCode: customer.companyId, iccid: iccidOf(number),
        status: i % 50 === 49 ? 'SOSPESO' : 'ATTIVO',
        tariffPlan: isPrepaidLargeLine(number) ? 'TIM BUSINESS RICARICABILE' : 'TIM BUSINESS MOBILE',
        kind: isPrepaidLargeLine(number) ? 'RICARICABILE' : 'ABBONAMENTO',
        activatedOn: daysAgo(30 + (i % 700), date('2026-01-01')), ceasedOn: null, oneNumber: null,
      }));
    }
    const f = customer.fixedContract;
    fixture.contracts.push({ number: f.number, type: 'FISSO', customerCode: customer.companyId, billingCustomerCode: f.billingCustomerCode,
      status: 'ATTIVO', activatedOn: date('2020-05-04'), ceasedOn: null, sdiCode: null, agreement: null });
    for (const number of f.lineNumbers) {
      fixture.fixedLines.push({ number, contract: f.number, customerCode: customer.companyId, status: 'ATTIVO', type: 'FONIA_DATI', site: seat });
    }
  }
  return fixture;
}

/** Built when the store is seeded (not at import), so that a pinned LEGACY_TODAY is honoured. */
export function crmFixture(large: { id: string; lines: number }[] = []): CrmFixture {
  const generated = largeRecords(large);
  return {
    users: [...DEMO_USERS, ...generated.users],
    companies: [...COMPANIES, ...generated.companies],
    contracts: [...contracts(), ...generated.contracts],
    mobileLines: [...mobileLines(), ...generated.mobileLines],
    fixedLines: [...FIXED_LINES, ...COMPANY_A_FIXED_LINES, ...generated.fixedLines],
    ...history(),
  };
}
