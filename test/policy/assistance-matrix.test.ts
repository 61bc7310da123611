import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { conformanceMatrix, D, E, F, type Capability, type Matrix } from '../support/conformance';
import { sendChange } from '../support/change-summary';
import { graphql } from '../support/stack';

/**
 * Issue 13, item 6: assistance and contacts for every profile of both portals (spec/profiles.md §2 "Assistance",
 * §3 §7.7.1–7.7.4); technical assistance, tickets, service points, manuals and advanced services for the CM8 ROA
 * (§3 §7.6, §7.7.5–7.7.10). Then what the pages do with what they get.
 */
const CAPABILITIES: Capability[] = [
  { id: 'TRK-07', what: 'contacts of the portal', query: '{ assistanceContacts { portal chatUrl channels { kind label value } } }', path: ['assistanceContacts'] },
  { id: 'TRK-07', what: 'FAQ', query: '{ faq { section question answer } }', path: ['faq'] },
  { id: 'TRK-07', what: 'booked call backs', query: '{ callBacks { id status } }', path: ['callBacks'] },
  { id: 'TRK-06', what: 'ticket monitoring', query: '{ tickets { id status event imei } }', path: ['tickets'] },
  { id: 'TRK-07', what: 'service points', query: '{ servicePoints(province: "RM") { id name town } }', path: ['servicePoints'] },
  { id: 'TRK-07', what: 'manuals', query: '{ manuals { code title documentUrl } }', path: ['manuals'] },
  { id: 'TRK-07', what: 'advanced services links (§7.6)', query: '{ advancedServices { kind title url } }', path: ['advancedServices'] },
  // The forbidden field asked with an allowed one: the answer keeps the contacts.
  { id: 'TRK-07', what: 'contacts asked with tickets', query: '{ assistanceContacts { portal } tickets { id } }', path: ['assistanceContacts'] },
];

/**
 * Expected outcome per user, in the order of CAPABILITIES. Nobody has booked a call back yet (empty); Ente KRISHNA's
 * tickets are on contract 888010088938, vincenzo.roa's; pasquale.eu is ROA of the prepaid contract, which has none.
 */
const MATRIX: Matrix = {
  //                                     cont faq  cb  tk  pda man adv  both
  'ginevra.vallisneri': { profile: 'RL (A)', cells: [D, D, E, F, F, F, F, D] },
  'luca.ferri': { profile: 'AF (A)', cells: [D, D, E, F, F, F, F, D] },
  'sara.neri': { profile: 'AL (A)', cells: [D, D, E, F, F, F, F, D] },
  'giada.mantesi': { profile: 'UT', cells: [D, D, E, F, F, F, F, D] },
  'paolo.verdi': { profile: 'UTD', cells: [D, D, E, F, F, F, F, D] },
  'marta.holding': { profile: 'HOLDING', cells: [D, D, E, F, F, F, F, D] },
  'cessato.fisso': { profile: 'CC', cells: [D, D, E, F, F, F, F, D] },
  'vincenzo.roa': { profile: 'ROA 888010088938', cells: [D, D, E, D, D, D, D, D] },
  'lavo.ebill': { profile: 'REF_EBILL', cells: [D, D, E, F, F, F, F, D] },
  'umberto.traffic': { profile: 'TRAFFIC_MANAGER', cells: [D, D, E, F, F, F, F, D] },
  'pasquale.eu': { profile: 'EU + ROA 888012234558', cells: [D, D, E, E, D, D, D, D] },
  'gina.eu': { profile: 'EU', cells: [D, D, E, F, F, F, F, D] },
  'massimiliano.roa': { profile: 'ROA of the second Ente', cells: [D, D, E, E, D, D, D, D] },
  'lucia.messaging': { profile: 'REF_MESSAGING 888010088938', cells: [D, D, E, F, F, F, D, D] },
};

const matrix = conformanceMatrix(CAPABILITIES, MATRIX);
const ask = (username: string, query: string, variables: Record<string, unknown> = {}) => graphql(matrix.stack(), query, variables, matrix.token(username));

describe('TRK-07 contacts: each profile gets its own portal\'s page', () => {
  it.each([
    ['ginevra.vallisneri', ['AREA_CLIENTI']], ['cessato.fisso', ['AREA_CLIENTI']], ['vincenzo.roa', ['CM8']], ['gina.eu', ['CM8']], ['umberto.traffic', ['CM8']],
  ])('%s: %j', async (username, portals) => {
    const { body } = await ask(username, '{ assistanceContacts { portal callBackFrom channels { kind value } } }');
    expect(body.data.assistanceContacts.map((c: { portal: string }) => c.portal)).toEqual(portals);
    if (portals[0] === 'CM8') {
      expect(body.data.assistanceContacts[0].callBackFrom).toBe('02.20228788');
      expect(body.data.assistanceContacts[0].channels).toContainEqual({ kind: 'PHONE', value: '800.680.068' });
    }
  });

  it('serves the FAQ by section (generic questions, invoices)', async () => {
    const { body } = await ask('giada.mantesi', '{ faq(section: INVOICES) { section question } }');
    expect(body.data.faq.length).toBeGreaterThan(0);
    expect(new Set(body.data.faq.map((f: { section: string }) => f.section))).toEqual(new Set(['INVOICES']));
  });
});

describe('§7.6 advanced services', () => {
  it('gives the ROA every link: EMM (two platforms), fleet management, messaging, mobile payment, smart working, SMAS', async () => {
    const { body } = await ask('vincenzo.roa', '{ advancedServices { kind } }');
    expect(body.data.advancedServices.map((l: { kind: string }) => l.kind))
      .toEqual(['EMM', 'EMM', 'FLEET_MANAGEMENT', 'MESSAGING', 'MOBILE_PAYMENT', 'SMART_WORKING', 'SMAS']);
  });

  it('gives the REF_MESSAGING referent the messaging link and nothing else (§7.6.3)', async () => {
    const { body } = await ask('lucia.messaging', '{ advancedServices { kind } }');
    expect(body.data.advancedServices.map((l: { kind: string }) => l.kind)).toEqual(['MESSAGING']);
  });
});

describe('§7.7.8 service points', () => {
  it('searches by province, and by town in it (at most 15)', async () => {
    const province = await ask('vincenzo.roa', '{ servicePoints(province: "rm") { id town } }');
    expect(province.body.data.servicePoints.map((p: { id: string }) => p.id)).toEqual(['PDA-RM-001', 'PDA-RM-002', 'PDA-RM-003', 'PDA-RM-004']);
    const town = await ask('vincenzo.roa', '{ servicePoints(province: "RM", town: "Tivoli") { id town } }');
    expect(town.body.data.servicePoints).toEqual([{ id: 'PDA-RM-004', town: 'TIVOLI' }]);
    const none = await ask('vincenzo.roa', '{ servicePoints(province: "AO") { id } }');
    expect(none.body.data.servicePoints).toEqual([]);
  });

  it('refuses a province that is not a 2-letter code, naming the argument', async () => {
    const { body } = await ask('vincenzo.roa', '{ servicePoints(province: "Roma") { id } }');
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'province' });
  });
});

describe('§7.7.10 manuals', () => {
  it('lists the SMAS/Netprofiler manual, whose link downloads its PDF through the gateway', async () => {
    const { body } = await ask('vincenzo.roa', '{ manuals { code title documentUrl } }');
    const smas = body.data.manuals.find((m: { code: string }) => m.code === 'SMAS-NETPROFILER');
    expect(smas.title).toBe('Sistema SMAS/Netprofiler');
    const res = await fetch(new URL(smas.documentUrl, matrix.stack().gatewayUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('Manuale_SMAS_Netprofiler.pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('§7.7.6–§7.7.7 device tickets', () => {
  it('shows Ente KRISHNA\'s tickets with their detail, and a ticket just opened first', async () => {
    const before = await ask('vincenzo.roa', '{ tickets { id status event imei delivery servicePointId } }');
    expect(before.body.data.tickets).toContainEqual(
      { id: '7-61200450011', status: 'CLOSED', event: 'FAULT', imei: '353042098000644', delivery: 'SERVICE_POINT', servicePointId: 'PDA-BO-001' });
    const opened = await sendChange(matrix.stack(), `mutation($input: DeviceTicketInput!) { openDeviceTicket(input: $input) { request { id status } } }`, {
      contractNumber: '888010088938', imei: '354626091316673', event: 'THEFT', delivery: { customerSite: 'VIA DELLE SCUOLE 2, 40132 BOLOGNA (BO)' },
      contact: { name: 'VINCENZO', phone: '3335617891' }, idempotencyKey: 'matrix-ticket-1',
    }, matrix.token('vincenzo.roa'));
    const { id } = opened.body.data.openDeviceTicket.request;
    const after = await ask('vincenzo.roa', '{ tickets { id status event imei delivery deliveryAddress } }');
    expect(after.body.data.tickets[0]).toEqual(
      { id, status: 'OPEN', event: 'THEFT', imei: '354626091316673', delivery: 'CUSTOMER_SITE', deliveryAddress: 'VIA DELLE SCUOLE 2, 40132 BOLOGNA (BO)' });
    expect(after.body.data.tickets).toHaveLength(before.body.data.tickets.length + 1);
  });
});

describe('§7.7.7 the ticket list as a spreadsheet ("esportabile in formato .xls")', () => {
  const rowsOf = async (username: string) => {
    const { body } = await ask(username, '{ ticketsFileUrl }');
    const res = await fetch(new URL(body.data.ticketsFileUrl, matrix.stack().gatewayUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    const rows: string[][] = [];
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
    return rows;
  };

  it('holds the tickets the page lists, in its order, with their detail; another Ente\'s ROA gets none of them', async () => {
    const page = (await ask('vincenzo.roa', '{ tickets { id imei } }')).body.data.tickets as { id: string; imei: string | null }[];
    const [header, ...rows] = await rowsOf('vincenzo.roa');
    expect(header.slice(0, 3)).toEqual(['ID Richiesta', 'Contratto', 'Stato']);
    expect(rows.map((r) => r[0])).toEqual(page.map((t) => t.id));
    expect(rows.map((r) => r[header.indexOf('IMEI')] || null)).toEqual(page.map((t) => t.imei));
    expect(await rowsOf('massimiliano.roa')).toEqual([header]);
  });

  it('is FORBIDDEN to the profiles that do not see the tickets', async () => {
    for (const username of ['umberto.traffic', 'lavo.ebill', 'gina.eu']) {
      const { body } = await ask(username, '{ ticketsFileUrl }');
      expect(body.errors[0].extensions.code, username).toBe('FORBIDDEN');
    }
  });
});

describe('§7.7.3–§7.7.4 contact requests, for every profile on his own scope', () => {
  const BOOK = `mutation($input: BookCallBackInput!) { bookCallBack(input: $input) { request { id description } scope { id } } }`;
  const WRITE = `mutation($input: WriteToUsInput!) { writeToUs(input: $input) { request { id description } scope { id } } }`;

  it('books a call back (an EU on his own line) that CRM keeps and shows to him only', async () => {
    const input = { scopeId: '3700034020', topic: 'INVOICES', phone: '3700034020', window: 'WEEKDAY_09_12', idempotencyKey: 'matrix-callback-1' };
    const { body } = await ask('gina.eu', BOOK, { input });
    expect(body.errors).toBeUndefined();
    expect(body.data.bookCallBack).toMatchObject({ request: { description: 'Richiesta contatto' }, scope: { id: '3700034020' } });
    const mine = await ask('gina.eu', '{ callBacks { id topic phone window status } }');
    expect(mine.body.data.callBacks).toEqual([
      { id: body.data.bookCallBack.request.id, topic: 'INVOICES', phone: '3700034020', window: 'WEEKDAY_09_12', status: 'OPEN' }]);
    const others = await ask('pasquale.eu', '{ callBacks { id } }');
    expect(others.body.data.callBacks).toEqual([]);
  });

  it('takes "Scrivici" from an Area Clienti user (UT, own line) and from a REF_EBILL (contract)', async () => {
    for (const [username, scopeId] of [['giada.mantesi', '3343860902'], ['lavo.ebill', '888010088938']]) {
      const { body } = await ask(username, WRITE, { input: { scopeId, subject: 'Informazioni', phone: '3343860902', notes: 'Richiamatemi.', idempotencyKey: `matrix-write-${scopeId}` } });
      expect(body.errors, username).toBeUndefined();
      expect(body.data.writeToUs.scope).toEqual({ id: scopeId });
    }
  });

  it('answers a scope that is not the viewer\'s like an unknown one', async () => {
    const input = { topic: 'OTHER', phone: '3700034020', window: 'SATURDAY_09_14' };
    const foreign = await ask('gina.eu', BOOK, { input: { ...input, scopeId: '888010088938', idempotencyKey: 'matrix-callback-foreign' } });
    const unknown = await ask('gina.eu', BOOK, { input: { ...input, scopeId: '888000000000', idempotencyKey: 'matrix-callback-unknown' } });
    expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(foreign.body.errors[0].message).toBe(unknown.body.errors[0].message);
  });
});
