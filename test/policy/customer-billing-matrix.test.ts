import { describe, expect, it } from 'vitest';
import { conformanceMatrix, D, E, F, type Capability, type Matrix } from '../support/conformance';
import { counters, graphql, setFaults } from '../support/stack';

/**
 * Issue 22: the customer area's "Fatture" (seed 000 "Fatture" 1/2 and 2/2; seed 001 FATTURE E PAGAMENTI) and the
 * "Report" section of "Consumi" (seed 000 "Consumi", Report mobile and Report fisso), in the matrix both ways for every
 * demo user (spec/profiles.md §2: invoices, unpaid list, another customer's invoice, merge, personal invoices RL, AF,
 * AL; Dual Billing each on the lines he sees; reports RL, AF, AL), then BIL-07, BIL-12 and CON-04 as the users do them.
 * Company A: fixed customer code 99318457198 (line 066633987; 8W00038521 and 8W00038522 are of one bimester,
 * 8W00492000 of the one before), Internet Cost Administration subscribed; its UT line 3343860902 has Dual Billing.
 * Company B (mario.rossi): fixed customer code 99318000002, no Internet Cost Administration.
 */
const DUAL_BILLING_LINE = '3343860902';

const CAPABILITIES: Capability[] = [
  { id: 'BIL-05', what: 'unpaid fixed invoices of five years', query: '{ unpaidInvoices(kind: FIXED) { nodes { number } } }', path: ['unpaidInvoices', 'nodes'] },
  { id: 'BIL-03', what: 'a fixed invoice\'s PDF link', query: '{ invoices(kind: FIXED, first: 1) { nodes { documentUrl } } }', path: ['invoices', 'nodes', 0, 'documentUrl'] },
  { id: 'BIL-02', what: 'unified invoices', query: '{ invoices(kind: UNIFIED) { nodes { number } } }', path: ['invoices', 'nodes'] },
  { id: 'BIL-01', what: 'the fixed list exported', query: '{ invoicesFileUrl(kind: FIXED) }', path: ['invoicesFileUrl'] },
  { id: 'BIL-06', what: 'another customer\'s invoice', query: '{ thirdPartyInvoice(number: "8W00492000", lineNumber: "066633987") { number amount } }', path: ['thirdPartyInvoice'] },
  { id: 'BIL-12', what: 'personal invoices of the Dual Billing line', query: `{ mobileLine(number: "${DUAL_BILLING_LINE}") { dualBillingInvoices { number } } }`, path: ['mobileLine', 'dualBillingInvoices'] },
  { id: 'CON-04', what: 'EBPFA billed voice consumption', query: '{ billedConsumption(service: VOICE, first: 5) { totalCount nodes { invoiceNumber } } }', path: ['billedConsumption', 'nodes'] },
  { id: 'CON-04', what: 'network management', query: '{ networkManagement { costCentre amount } }', path: ['networkManagement'] },
  { id: 'CON-04', what: 'eBill online traffic reports', query: '{ ebillAccess { postpaidOnlineTrafficUrl prepaidOnlineTrafficUrl } }', path: ['ebillAccess'] },
];

/**
 * Expected outcome per user, in the order of CAPABILITIES. Empty: allowed, nothing of his (the Dual Billing line is
 * not the AL's or the UTD's own, and answers like an unknown one; company B has no unified invoice and no Internet
 * Cost Administration; the ceased customer's last bimesters are paid). CM8 users are refused the customer area's
 * pages, bar the links into eBill their own matrix gives ROA and REF_EBILL (BIL-08); a CM8 referent's line query
 * answers a company line like an unknown one, where his profile reads lines at all.
 */
const MATRIX: Matrix = {
  //                                                    unp  pdf  uni  exp  3rd  dual bill net  ebill
  'ginevra.vallisneri': { profile: 'RL (A)', cells: [D, D, D, D, D, D, D, D, D] },
  'luca.ferri': { profile: 'AF (A)', cells: [D, D, D, D, D, D, D, D, D] },
  'sara.neri': { profile: 'AL (A), own line', cells: [D, D, D, D, D, E, D, D, D] },
  'giada.mantesi': { profile: 'UT, own line with Dual Billing', cells: [F, F, F, F, F, D, F, F, F] },
  'paolo.verdi': { profile: 'UTD, own line', cells: [F, F, F, F, F, E, F, F, F] },
  'marta.holding': { profile: 'HOLDING (A and B)', cells: [F, D, D, F, F, D, D, D, F] },
  'cessato.fisso': { profile: 'CC: his last bimesters, all paid', cells: [E, D, E, F, F, F, F, F, F] },
  'mario.rossi': { profile: 'RL (B)', cells: [D, D, E, D, D, E, D, E, D] },
  'vincenzo.roa': { profile: 'ROA 888010088938', cells: [F, E, E, F, F, E, F, F, D] },
  'lavo.ebill': { profile: 'REF_EBILL 888010088938', cells: [F, E, E, F, F, E, F, F, D] },
  'umberto.traffic': { profile: 'TRAFFIC_MANAGER 888010088938', cells: [F, F, F, F, F, F, F, F, F] },
  'pasquale.eu': { profile: 'EU 3312548681 + ROA 888012234558', cells: [F, E, E, F, F, E, F, F, D] },
  'gina.eu': { profile: 'EU, own prepaid line', cells: [F, F, F, F, F, E, F, F, F] },
  'massimiliano.roa': { profile: 'ROA of the second Ente', cells: [F, E, E, F, F, E, F, F, D] },
};

const matrix = conformanceMatrix(CAPABILITIES, MATRIX, { env: { MUTATIONS_PER_MINUTE: '10000' } });
const ask = (user: string, query: string, variables: Record<string, unknown> = {}) => graphql(matrix.stack(), query, variables, matrix.token(user));
const cents = (amount: string) => Math.round(Number(amount) * 100);
const crmWrites = async () => (await counters(matrix.stack(), 'crm')).CreaPratica ?? 0;
/** A signed link followed as a browser does: no Authorization header. */
const follow = (url: string) => fetch(new URL(url, matrix.stack().gatewayUrl));

const MERGE = `mutation($input: MergeFixedInvoicesInput!) { mergeFixedInvoices(input: $input) {
  request { id description } order { id } merge { invoices { number bimester year } produced documentUrl } } }`;
const merge = (user: string, number: string, otherNumber: string, idempotencyKey: string) =>
  ask(user, MERGE, { input: { number, otherNumber, idempotencyKey } });

describe('BIL-07 two fixed invoices of one bimester merged into one PDF (seed 000 "Fatture fisso", "Unire in PDF")', () => {
  it('BIL-07 merges the AF\'s two fixed invoices of one bimester: the request "Unione fatture in PDF" in Richieste, the merged PDF by signed link, even after EBPFA failed the first time', async () => {
    // EBPFA fails once the pratica exists: the client is told, and his retry with the same key completes the merge
    // under that one pratica (applyElsewhere is idempotent under the pratica's id).
    await setFaults(matrix.stack(), 'ebpfa', { 'flussi/unioni': { errorRate: 1 } });
    const failed = await merge('luca.ferri', '8W00038521', '8W00038522', 'bil07-af-merge-1');
    await setFaults(matrix.stack(), 'ebpfa', { 'flussi/unioni': null });
    expect(failed.body.errors[0].extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system: 'EBPFA' });
    const { body } = await merge('luca.ferri', '8W00038521', '8W00038522', 'bil07-af-merge-1');
    expect(body.errors).toBeUndefined();
    const outcome = body.data.mergeFixedInvoices;
    expect(outcome.request).toMatchObject({ id: expect.stringMatching(/^7-\d+$/), description: 'Unione fatture in PDF' });
    expect(outcome.order).toBeNull();
    expect(outcome.merge.invoices.map((i: { number: string }) => i.number)).toEqual(['8W00038521', '8W00038522']);
    expect(outcome.merge.produced).toBe(true);

    const res = await follow(outcome.merge.documentUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="fatture_8W00038521_8W00038522.pdf"');
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('Fattura 8W00038521');
    expect(pdf).toContain('Fattura 8W00038522');

    const { body: tracking } = await ask('luca.ferri', '{ requests { id description } }');
    expect(tracking.data.requests).toContainEqual({ id: outcome.request.id, description: 'Unione fatture in PDF' });
  });

  it('BIL-07 answers the same pair asked again, from another tab or by the RL or the AL, with the one request: nothing written twice', async () => {
    const { body: first } = await merge('luca.ferri', '8W00038521', '8W00038522', 'bil07-af-merge-1');
    const before = await crmWrites();
    for (const [user, key] of [['ginevra.vallisneri', 'bil07-rl-merge-2'], ['sara.neri', 'bil07-al-merge-3']]) {
      const { body } = await merge(user, '8W00038521', '8W00038522', key);
      expect(body.errors).toBeUndefined();
      expect(body.data.mergeFixedInvoices.request.id).toBe(first.data.mergeFixedInvoices.request.id);
      expect(body.data.mergeFixedInvoices.merge.produced).toBe(true);
    }
    expect(await crmWrites()).toBe(before + 2); // CRM is asked, and answers the pratica it has: no new pratica
    // The same two invoices asked the other way round are the same merge asked otherwise: refused, nothing new.
    const reversed = await merge('ginevra.vallisneri', '8W00038522', '8W00038521', 'bil07-rl-merge-reversed');
    expect(reversed.body.errors[0].extensions.code).toBe('LEGACY_REJECTED');
    const { body } = await ask('ginevra.vallisneri', '{ requests { description } }');
    expect(body.data.requests.filter((r: { description: string }) => r.description === 'Unione fatture in PDF')).toHaveLength(1);
  });

  it('BIL-07 refuses invoices of two bimesters and a mobile invoice with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await crmWrites();
    const twoBimesters = await merge('ginevra.vallisneri', '8W00038521', '8W00492000', 'bil07-two-bimesters');
    expect(twoBimesters.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.otherNumber' });
    const mobile = await merge('ginevra.vallisneri', '7X00412066', '8W00038521', 'bil07-mobile-invoice');
    expect(mobile.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.number' });
    const same = await merge('ginevra.vallisneri', '8W00038521', '8W00038521', 'bil07-same-invoice');
    expect(same.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.otherNumber' });
    expect(await crmWrites()).toBe(before);
  });

  it('BIL-07 answers another company\'s invoices exactly like unknown ones (NOT_FOUND), and refuses the profiles that may not merge', async () => {
    const before = await crmWrites();
    const foreign = await merge('mario.rossi', '8W00038521', '8W00038522', 'bil07-foreign');
    const unknown = await merge('mario.rossi', '8W99999991', '8W99999992', 'bil07-unknown');
    expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(foreign.body.errors[0].message).toBe(unknown.body.errors[0].message);
    // Company B's own invoice beside company A's: still NOT_FOUND, nothing of A's told.
    const { body: own } = await ask('mario.rossi', '{ invoices(kind: FIXED, first: 1) { nodes { number } } }');
    const mixed = await merge('mario.rossi', own.data.invoices.nodes[0].number, '8W00038522', 'bil07-mixed');
    expect(mixed.body.errors[0].extensions.code).toBe('NOT_FOUND');
    for (const user of ['giada.mantesi', 'paolo.verdi', 'cessato.fisso', 'marta.holding', 'vincenzo.roa']) {
      const { body } = await merge(user, '8W00038521', '8W00038522', `bil07-refused-${user.replace('.', '-')}`);
      expect(body.data).toBeNull();
      expect(['FORBIDDEN', 'NOT_FOUND'], user).toContain(body.errors[0].extensions.code);
    }
    expect(await crmWrites()).toBe(before);
  });
});

describe('BIL-12 personal (dual billing) invoices in the customer area (seed 001 FATTURE E PAGAMENTI)', () => {
  const DUAL = `query($line: ID!) { mobileLine(number: $line) { number dualBillingInvoices { number bimester year amount paid paymentStatus documentUrl } } }`;

  it('BIL-12 shows the RL the last six personal invoices of company A\'s line with Dual Billing, newest first, and downloads one', async () => {
    const { body } = await ask('ginevra.vallisneri', DUAL, { line: DUAL_BILLING_LINE });
    expect(body.errors).toBeUndefined();
    const invoices = body.data.mobileLine.dualBillingInvoices;
    expect(invoices.map((i: { bimester: number; year: number }) => `${i.bimester}/${i.year}`)).toEqual(['5/2026', '4/2026', '3/2026', '2/2026', '1/2026', '6/2025']);
    expect(invoices[0]).toMatchObject({ amount: '19.85', paid: false, paymentStatus: 'Scoperta' });
    const res = await follow(invoices[0].documentUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).toString('latin1')).toContain(`linea ${DUAL_BILLING_LINE}`);
  });

  it('BIL-12 shows the same invoices to the line\'s UT, none on a line without Dual Billing, and nothing of the line to the AL and company B', async () => {
    const { body: ut } = await ask('giada.mantesi', DUAL, { line: DUAL_BILLING_LINE });
    expect(ut.data.mobileLine.dualBillingInvoices).toHaveLength(6);
    const { body: utd } = await ask('paolo.verdi', DUAL, { line: '3343860505' });
    expect(utd.errors).toBeUndefined();
    expect(utd.data.mobileLine).toMatchObject({ number: '3343860505', dualBillingInvoices: null });
    for (const user of ['sara.neri', 'mario.rossi']) {
      const { body } = await ask(user, DUAL, { line: DUAL_BILLING_LINE });
      expect(body.data.mobileLine, user).toBeNull();
    }
  });

  it('BIL-12 tells a CM8 employee\'s TIM TUO line from a company line with Dual Billing: its invoices stay the employee\'s own (EU only)', async () => {
    const { body } = await ask('pasquale.eu', '{ mobileLine(number: "3312548681") { personalInvoicing { invoices { number } } dualBillingInvoices { number } } }');
    expect(body.data.mobileLine.personalInvoicing.invoices).toHaveLength(6);
    expect(body.data.mobileLine.dualBillingInvoices).toBeNull();
    expect(body.errors.map((e: { extensions: { code: string }; path: string[] }) => [e.extensions.code, e.path.join('.')]))
      .toEqual([['FORBIDDEN', 'mobileLine.dualBillingInvoices']]);
    // The RL's company line with Dual Billing is no TIM TUO line: "La mia fattura" stays the employee's page.
    const { body: rl } = await ask('ginevra.vallisneri', `{ mobileLine(number: "${DUAL_BILLING_LINE}") { personalInvoicing { number } } }`);
    expect(rl.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('CON-04 the "Report" section (seed 000 "Consumi", Report mobile and Report fisso)', () => {
  const BILLED = `query($service: BilledService!, $first: Int, $offset: Int, $bimester: Int) {
    billedConsumption(service: $service, first: $first, offset: $offset, bimester: $bimester) {
      totalCount nodes { accountCode invoiceNumber lineNumber bimester year service description quantity unit amount } } }`;

  it('CON-04 shows the RL EBPFA\'s billed consumption of voice, data and intelligent network, read from its flows, page by page', async () => {
    const { body: invoices } = await ask('ginevra.vallisneri', '{ invoices(kind: FIXED, first: 50) { nodes { number } } }');
    const listed = new Set(invoices.data.invoices.nodes.map((i: { number: string }) => i.number));
    for (const [service, descriptions] of [
      ['VOICE', ['Traffico nazionale', 'Traffico urbano', 'Traffico verso mobili']],
      ['DATA', ['Canone trasmissione dati', 'Traffico dati']],
      ['INTELLIGENT_NETWORK', ['Numero Unico 199', 'Numero Verde 800']],
    ] as const) {
      const { body } = await ask('ginevra.vallisneri', BILLED, { service, first: 100 });
      expect(body.errors).toBeUndefined();
      const { totalCount, nodes } = body.data.billedConsumption;
      expect(totalCount).toBe(nodes.length);
      expect(new Set(nodes.map((n: { description: string }) => n.description))).toEqual(new Set(descriptions));
      for (const n of nodes) {
        expect(n).toMatchObject({ accountCode: '99318457198', lineNumber: '066633987', service, amount: expect.stringMatching(/^\d+\.\d{2}$/) });
        expect(listed.has(n.invoiceNumber), n.invoiceNumber).toBe(true); // the 12-month list's invoices, nothing older
      }
    }
    const { body: all } = await ask('ginevra.vallisneri', BILLED, { service: 'VOICE', first: 100 });
    const { body: second } = await ask('ginevra.vallisneri', BILLED, { service: 'VOICE', first: 4, offset: 4 });
    expect(second.data.billedConsumption.totalCount).toBe(all.data.billedConsumption.totalCount);
    expect(second.data.billedConsumption.nodes).toEqual(all.data.billedConsumption.nodes.slice(4, 8));
    const { body: one } = await ask('ginevra.vallisneri', BILLED, { service: 'VOICE', first: 100, bimester: 2 });
    expect(one.data.billedConsumption.nodes.map((n: { invoiceNumber: string }) => n.invoiceNumber)).toContain('8W00038521');
    expect(one.data.billedConsumption.nodes.every((n: { bimester: number }) => n.bimester === 2)).toBe(true);
  });

  it('CON-04 shows network management where Internet Cost Administration is subscribed: each invoice split over the cost centres, adding up to it', async () => {
    const { body } = await ask('luca.ferri', '{ networkManagement { accountCode invoiceNumber costCentre amount } invoices(kind: FIXED, first: 50) { nodes { number amount } } }');
    expect(body.errors).toBeUndefined();
    const spend = body.data.networkManagement as { invoiceNumber: string; costCentre: string; amount: string }[];
    expect(new Set(spend.map((s) => s.costCentre))).toEqual(new Set(['AMMINISTRAZIONE', 'DIREZIONE', 'VENDITE']));
    for (const invoice of body.data.invoices.nodes as { number: string; amount: string }[]) {
      const shares = spend.filter((s) => s.invoiceNumber === invoice.number);
      expect(shares, invoice.number).toHaveLength(3);
      expect(shares.reduce((sum, s) => sum + cents(s.amount), 0)).toBe(cents(invoice.amount));
    }
    // Company B did not subscribe it: no report, while its billed consumption is there.
    const { body: b } = await ask('mario.rossi', '{ networkManagement { costCentre } billedConsumption(service: DATA) { nodes { accountCode } } }');
    expect(b.errors).toBeUndefined();
    expect(b.data.networkManagement).toBeNull();
    expect(new Set(b.data.billedConsumption.nodes.map((n: { accountCode: string }) => n.accountCode))).toEqual(new Set(['99318000002']));
  });

  it('CON-04 refuses a page size or a bimester out of range with BAD_USER_INPUT naming the argument', async () => {
    const { body: page } = await ask('sara.neri', BILLED, { service: 'VOICE', first: 0 });
    expect(page.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const { body: bimester } = await ask('sara.neri', BILLED, { service: 'VOICE', bimester: 7 });
    expect(bimester.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bimester' });
  });
});
