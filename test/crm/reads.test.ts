import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCrmClient, createCrmLoaders, type CrmClient } from '../../adapters/crm';
import { largeCustomer } from '../../legacy/data/large';
import { crmStandIn } from '../../legacy/crm/standin';
import { startTestStandIn, type TestStandIn } from '../support/stand-in-admin';

/** CRM reads through the real adapter against the stand-in, clock pinned to 2026-03-15. */
const COMPANY_A = '1-VALL01';
const KRISHNA = '1-KRSH01';
const big = largeCustomer('BIG300', 300);
const bigLines = big.mobileContracts[0].lineNumbers;

let crm: TestStandIn;
let client: CrmClient;
beforeAll(async () => {
  crm = await startTestStandIn(crmStandIn, { LARGE_CUSTOMERS: 'BIG300:300' });
  client = createCrmClient({ url: crm.url });
});
afterAll(async () => {
  await client?.close();
  await crm?.stop();
});
beforeEach(async () => {
  await crm.resetCounters();
});

describe('CRM customers and users', () => {
  it('reads a user by id (the IdP subject) with grants in domain words, and null for an unknown one', async () => {
    const sara = await client.getUserProfile('1-U0003');
    expect(sara).toMatchObject({ id: '1-U0003', username: 'sara.neri', firstName: 'SARA', enabled: true, mobile: '3343860405' });
    expect(sara?.grants).toEqual([
      { profile: 'AL', scope: { kind: 'COMPANY', id: COMPANY_A } },
      { profile: 'AL', scope: { kind: 'LINE', id: '3343860405' } },
    ]);
    expect((await client.getUserProfile('1-U0006'))?.enabled).toBe(false);
    expect(await client.getUserProfile('1-U9999')).toBeNull();
    // A username is not an id: looking a user up by it finds nobody.
    expect(await client.getUserProfile('sara.neri')).toBeNull();
  });

  it('reads companies and contracts aligned with the request, null where missing', async () => {
    const [a, unknown, ente] = await client.getCompanies([COMPANY_A, '1-NOPE', '1-ENTE02']);
    expect(a).toEqual({
      id: COMPANY_A, name: 'VALLISNERI GINEVRA', taxCode: 'VLLGVR7NE4ZDS48G',
      legalSeat: { street: 'VIA PAVIA 2', postalCode: '20136', city: 'MILANO', province: 'MI' },
      legalRepresentative: { firstName: 'GINEVRA', lastName: 'VALLISNERI', taxCode: 'VLLGVR74E42D548G', email: 'ginevra.vallisneri@example.it', mobile: '3485180611' },
      fixedCommunicationEmail: expect.any(String), groupId: null,
    });
    expect(unknown).toBeNull();
    expect(ente?.legalRepresentative).toBeNull();

    const [mobile, fixed, ceased] = await client.getContracts(['888012170373', '066633987', '0516000001']);
    expect(mobile).toEqual({
      number: '888012170373', type: 'MOBILE', companyId: COMPANY_A, billingCustomerCode: null, status: 'ACTIVE',
      activatedOn: '2020-11-16', ceasedOn: null, linesCount: 5, sdiRecipientCode: '1234567891', agreement: null,
    });
    // Issue 21: the fixed contract holds four lines on two sites, its Numero Verde among them (legacy/data/fixed-services.ts).
    expect(fixed).toMatchObject({ type: 'FIXED', billingCustomerCode: '99318457198', activatedOn: '2019-02-19', linesCount: 4, sdiRecipientCode: '1234567891' });
    expect(ceased).toMatchObject({ status: 'CEASED', ceasedOn: '2025-12-15' });
  });

  it('lists the contracts a filter reaches, including through a line', async () => {
    const ofA = await client.listContracts({ companyIds: [COMPANY_A] });
    // Issue 21 (MOB-17): company A's second mobile contract, without lines, a line's destination.
    expect(ofA.map((c) => c.number)).toEqual(['066633987', '888012170373', '888012170381']);
    const throughLine = await client.listContracts({ lineNumbers: ['3700034020'] });
    expect(throughLine.map((c) => c.number)).toEqual(['888012234558']);
    expect(await client.listContracts({})).toEqual([]);
  });
});

describe('CRM lines', () => {
  it("maps company A's mobile lines: the prepaid one, statuses, ISO dates", async () => {
    const page = await client.listMobileLines({ companyIds: [COMPANY_A] }, { offset: 0, limit: 10 }, 'NUMBER');
    expect(page.totalCount).toBe(5);
    expect(page.items.map((l) => l.number)).toEqual(['3316779290', '3343860302', '3343860405', '3343860505', '3343860902']);
    expect(page.items.every((l) => l.status === 'ACTIVE' && l.contractNumber === '888012170373' && l.activatedOn === '2020-11-16')).toBe(true);
    expect(page.items.filter((l) => l.kind === 'PREPAID').map((l) => l.number)).toEqual(['3343860302']);
    expect(page.items[1]).toMatchObject({ iccid: expect.stringMatching(/^8939\d{15}$/), ceasedOn: null, oneNumber: null });
  });

  it("maps Ente KRISHNA's statuses and One Number SIMs", async () => {
    const [frozen, suspended, oneNumber] = await client.getMobileLines(['3312547516', '3700801105', '3700034020']);
    expect(frozen?.status).toBe('FROZEN');
    expect(suspended).toMatchObject({ status: 'SUSPENDED', kind: 'PREPAID' });
    expect(oneNumber?.oneNumber).toMatchObject({ role: 'PRIMARY' });
    expect(oneNumber?.oneNumber?.iccids).toHaveLength(3);
  });

  it('reads fixed lines, including the ceased customer', async () => {
    const [a, ceased, unknown] = await client.getFixedLines(['066633987', '0516000001', '0000000000']);
    expect(a).toEqual({
      number: '066633987', contractNumber: '066633987', companyId: COMPANY_A, status: 'ACTIVE', type: 'VOICE_DATA',
      site: { street: 'VIA PAVIA 2', postalCode: '20136', city: 'MILANO', province: 'MI' }, cessationScheduledOn: null, pendingMove: null,
    });
    expect(ceased).toMatchObject({ status: 'CEASED', type: 'VOICE' });
    expect(unknown).toBeNull();
    const page = await client.listFixedLines({ contractNumbers: ['021234567'] }, { offset: 0, limit: 10 }, 'NUMBER');
    expect(page).toMatchObject({ totalCount: 1, items: [{ number: '021234567', companyId: '1-NOME01' }] });
  });

  it('sorts and pages through CRM, in calls of 100 when the page is larger', async () => {
    const byStatus = await client.listMobileLines({ companyIds: [big.companyId] }, { offset: 290, limit: 10 }, 'STATUS');
    expect(byStatus.totalCount).toBe(300);
    expect(byStatus.items.map((l) => l.status)).toEqual([...Array(4).fill('ACTIVE'), ...Array(6).fill('SUSPENDED')]);
    await crm.resetCounters();
    const wide = await client.listMobileLines({ contractNumbers: [big.mobileContracts[0].number] }, { offset: 50, limit: 200 }, 'NUMBER');
    expect(wide.items.map((l) => l.number)).toEqual(bigLines.slice(50, 250));
    expect(await crm.counters()).toEqual({ ListaLineeMobili: 3 });
  });
});

describe('CRM history', () => {
  it("lists company A's orders and requests of the last 6 months, newest first", async () => {
    const orders = await client.listOrders({ companyIds: [COMPANY_A] }, '2025-09-15', '2026-03-15');
    expect(orders.map((o) => o.id)).toEqual(['74530000001', '74020031556', '73902277410', '73310245871']);
    expect(orders[0]).toMatchObject({ lineNumber: '066633987', requestId: '7-64530000001', shipmentStatus: 'In transito' });
    expect(orders[3]).toMatchObject({ description: 'Cambio SIM', shipmentStatus: 'Consegnato', createdOn: '2025-11-10', requestId: '7-63120044571' });
    expect(orders[3].items).toHaveLength(2);
    const requests = await client.listRequests({ companyIds: [COMPANY_A] }, '2025-09-15', '2026-03-15');
    expect(requests.map((r) => r.status)).toEqual(['OPEN', 'IN_PROGRESS', 'IN_PROGRESS', 'CLOSED', 'CLOSED']);
  });

  it("lists Ente KRISHNA's CM8 requests and orders of the last 10 days", async () => {
    const requests = await client.listRequests({ companyIds: [KRISHNA] }, '2026-03-05', '2026-03-15');
    // The first is the all-risk ticket of legacy/data/tracking-reference.ts; then the four of seed 002 §7.3.1's screen.
    expect(requests.map((r) => r.id)).toEqual(['7-64520000001', '7-64436898334', '7-64381940224', '7-64381938074', '7-64381931654']);
    expect(requests[1]).toEqual({
      id: '7-64436898334', type: 'RINUNCIA RICARICA AZIENDALE', description: 'Rinuncia ricarica aziendale', contractNumber: '888012234558',
      lineNumber: null, companyId: KRISHNA, origin: 'CONSIP8', status: 'CLOSED', openedOn: '2026-03-10', closedOn: '2026-03-12', orderId: '74443784358',
    });
    const orders = await client.listOrders({ contractNumbers: ['888012234558'] }, '2026-03-05', '2026-03-15');
    expect(orders.map((o) => [o.id, o.channel, o.status])).toEqual([
      // 74461200001 ships spare SIMs (tracking-reference.ts); the other three are seed 002 §7.3.2's screen.
      ['74458098909', 'Web', 'Lavorato'], ['74461200001', 'Web', 'Lavorato'], ['74443784358', 'Web', 'Lavorato'], ['74440467686', '', 'Lavorato'],
    ]);
    const [order, missing] = await client.getOrders(['74458098909', '99999999999']);
    expect(order?.requestId).toBe('7-64381938074');
    expect(missing).toBeNull();
    const [request] = await client.getRequests(['7-64381938074']);
    expect(request?.lineNumber).toBe('3351050823');
  });
});

describe('CRM batching', () => {
  it('looks 250 lines up in 3 GetLineeMobili calls of at most 100', async () => {
    const numbers = bigLines.slice(0, 250);
    const lines = await client.getMobileLines(numbers);
    expect(lines.map((l) => l?.number)).toEqual(numbers);
    expect(await crm.counters()).toEqual({ GetLineeMobili: 3 });
  });

  it('collects 250 loader loads of one tick into 3 calls, and caches within the request', async () => {
    const loaders = createCrmLoaders(client);
    const numbers = bigLines.slice(0, 250);
    const lines = await Promise.all(numbers.map((n) => loaders.mobileLines.load(n)));
    expect(lines.map((l) => l?.companyId)).toEqual(numbers.map(() => big.companyId));
    await loaders.mobileLines.load(numbers[0]);
    expect(await crm.counters()).toEqual({ GetLineeMobili: 3 });
  });
});

// h-contract (issue 10): the CM8 contract data and the grants CRM derives from referent records.
describe('CRM contract data of the CM8 portal (seed 002 §7.1.2-§7.1.3)', () => {
  it("reads a contract's referents and delivery addresses, null for an unknown contract", async () => {
    const [krishna, unknown] = await client.getContractData(['888010088938', '888000000000']);
    expect(unknown).toBeNull();
    expect(krishna).toMatchObject({
      contractNumber: '888010088938', updatedOn: '2021-06-11',
      invoiceDeliveryAddress: { attentionOf: 'PASQUALE', street: 'V. NAPOLI', houseNumber: '2', postalCode: '80100', city: 'NAPOLI', province: 'NA' },
      trafficDocumentationAddress: { attentionOf: null, street: 'V. DELLE SCUOLE', houseNumber: '2/D', postalCode: '40132', city: 'BOLOGNA', province: 'BO' },
    });
    expect(krishna!.referents.map((r) => [r.id, r.profile, r.mobile])).toEqual([
      ['888010088938-EBILL', 'REF_EBILL', '3357410021'],
      ['888010088938-LEGAL_REPRESENTATIVE', null, '3284150683'],
      ['888010088938-MASTER', 'ROA', '3335617891'],
      ['888010088938-MESSAGING', 'REF_MESSAGING', '3357410023'],
      ['888010088938-TRAFFIC_MANAGER', 'TRAFFIC_MANAGER', '3357410022'],
    ]);
  });

  it("answers a CM8 referent's grants from the referent records of his mobile line", async () => {
    const pasquale = await client.getUserProfile('1-U0034');
    expect(pasquale?.grants).toEqual([
      { profile: 'EU', scope: { kind: 'LINE', id: '3312548681' } },
      { profile: 'ROA', scope: { kind: 'CONTRACT', id: '888012234558' } },
    ]);
    const lucia = await client.getUserProfile('1-U0036');
    expect(lucia?.grants).toEqual([{ profile: 'REF_MESSAGING', scope: { kind: 'CONTRACT', id: '888010088938' } }]);
  });
});
