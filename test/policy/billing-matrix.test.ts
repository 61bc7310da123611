import { describe, expect, it } from 'vitest';
import { conformanceMatrix, D, E, F, type Capability, type Matrix } from '../support/conformance';
import { CHANGE_SUMMARY, confirmed, sendChange } from '../support/change-summary';
import { counters, graphql } from '../support/stack';

/**
 * Seed 002 §7.4–§7.5 and §8 (issue 11): who sees the billing and threshold pages. The REF_EBILL of contract
 * 888010088938 (lavo.ebill) sees §7.4.1–§7.4.4 and no threshold; its TRAFFIC_MANAGER (umberto.traffic) every page of
 * §7.5 and nothing of §7.4; its ROA (vincenzo.roa) both. Users of other contracts see nothing of that contract
 * (their cells are empty, not forbidden: they may use the pages, on their own records).
 */
const CONTRACT = '888010088938';
const CAPABILITIES: Capability[] = [
  { id: 'CON-07', what: 'threshold monitoring and advanced search (§7.5.5)',
    query: `{ spendingThresholds(contractNumber: "${CONTRACT}", first: 50) { totalCount csvUrl nodes { lineNumber description value available erosionPercent alert period active activatedOn lineBlocked } } }`,
    path: ['spendingThresholds', 'nodes'] },
  { id: 'CON-07', what: 'erosion of one line (§7.5.5, the advanced search by line)',
    query: `{ spendingThresholds(contractNumber: "${CONTRACT}", lineNumber: "3312544025") { nodes { lineNumber description value available erosionPercent period activatedOn } } }`,
    path: ['spendingThresholds', 'nodes'] },
  { id: 'CON-08', what: 'notification history (§7.5.6)',
    query: `{ thresholdNotifications(contractNumber: "${CONTRACT}") { id sentOn recipient subject lineNumbers attachmentUrl } }`,
    path: ['thresholdNotifications'] },
  { id: 'BIL-08', what: 'company invoices, PDF and billed traffic links (§7.4.1)',
    query: '{ invoices(kind: MOBILE, first: 12) { totalCount nodes { number bimester year paymentStatus amount issuedOn dueOn documentUrl billedTrafficUrl } } }',
    path: ['invoices', 'nodes'] },
  { id: 'BIL-08', what: 'eBill access and online traffic links (§7.4.2-§7.4.4)',
    query: '{ ebillAccess { portalUrl postpaidOnlineTrafficUrl prepaidOnlineTrafficUrl } }', path: ['ebillAccess'] },
  { id: 'CON-04', what: 'online traffic of postpaid lines, with their bundles (§7.4.3)',
    query: '{ mobileLines(first: 100) { nodes { number kind onlineTraffic { month total items { type quantity unit amount } } availableTraffic { dataGbLeft } } } }',
    path: ['mobileLines', 'nodes', 'postpaid', 'onlineTraffic'] },
  { id: 'CON-04', what: 'residual company credit of prepaid lines (§7.4.4)',
    query: '{ mobileLines(first: 100) { nodes { number kind residualCredit { amount updatedAt } } } }',
    path: ['mobileLines', 'nodes', 'prepaid', 'residualCredit'] },
  { id: 'BIL-08', what: 'TEM module, not available (§7.4.9)', query: '{ temModule { available message } }', path: ['temModule'] },
  { id: 'BIL-09', what: 'TIM TUO state of the lines, before any change (§7.4.5-§7.4.8)',
    query: '{ mobileLines(first: 100) { nodes { number iccid tariffPlan kind status activatedOn timTuo { enabled status employeeCode options enablementChangeable } } } }',
    path: ['mobileLines', 'nodes', 'postpaid', 'timTuo'] },
];

const MATRIX: Matrix = {
  // §7.4 on contract 888010088938 has no prepaid line: its credit cells are empty for the ROA and the REF_EBILL.
  // pasquale.eu's own line (EU) is a postpaid line of that contract: its online traffic is not his as EU (issue 12).
  //                                                       monitor line notif inv ebill traf cred tem tuo
  'vincenzo.roa': { profile: 'ROA 888010088938', cells: [D, D, D, D, D, D, E, D, D] },
  'umberto.traffic': { profile: 'TRAFFIC_MANAGER 888010088938', cells: [D, D, D, F, F, F, F, F, F] },
  'lavo.ebill': { profile: 'REF_EBILL 888010088938', cells: [F, F, F, D, D, D, E, D, F] },
  'pasquale.eu': { profile: 'EU 3312548681 + ROA 888012234558', cells: [E, E, E, E, D, F, D, D, F] },
  'massimiliano.roa': { profile: 'ROA of the second Ente', cells: [E, E, E, D, D, D, E, D, D] },
  'ginevra.vallisneri': { profile: 'RL (A)', cells: [E, E, E, D, D, D, D, F, F] },
  'giada.mantesi': { profile: 'UT, own line', cells: [F, F, F, F, F, F, E, F, F] },
};

const matrix = conformanceMatrix(CAPABILITIES, MATRIX);

describe('§7.5 monitoring shows the erosion eBill computes from its traffic', () => {
  it('a line past 80 %, one past 100 %, a dispositive 0 € line blocked, the seed\'s daily 50 € threshold', async () => {
    const { body } = await graphql(matrix.stack(), CAPABILITIES[0].query, {}, matrix.token('umberto.traffic'));
    expect(body.errors).toBeUndefined();
    const byLine = new Map(body.data.spendingThresholds.nodes.filter((t: any) => t.description.includes('SPESA')).map((t: any) => [t.lineNumber, t]));
    expect(byLine.get('3312544025')).toMatchObject({ description: 'SOGLIA INFO SPESA PA', value: '50.00', period: 'DAILY', alert: 'NONE', active: true });
    expect(byLine.get('3312547899')).toMatchObject({ value: '50.00', available: '8.00', erosionPercent: '84.00', alert: 'OVER_80', lineBlocked: false });
    expect(byLine.get('3312547516')).toMatchObject({ value: '40.00', available: '0.00', erosionPercent: '115.00', alert: 'OVER_100' });
    expect(byLine.get('3312548662')).toMatchObject({ description: 'SOGLIA DISPO SPESA PA', value: '0.00', erosionPercent: '100.00', lineBlocked: true });
    expect(body.data.spendingThresholds.csvUrl).toMatch(/\/downloads\/[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('the advanced search filters by line, kind, type and period', async () => {
    const { body } = await graphql(matrix.stack(), `{ spendingThresholds(contractNumber: "${CONTRACT}", kind: EXTRA_EU_ROAMING_DATA, nature: DISPOSITIVE) { totalCount nodes { lineNumber kind nature } } }`,
      {}, matrix.token('vincenzo.roa'));
    expect(body.data.spendingThresholds).toEqual({ totalCount: 1, nodes: [{ lineNumber: '3312548662', kind: 'EXTRA_EU_ROAMING_DATA', nature: 'DISPOSITIVE' }] });
  });
});

describe('§7.4 as the REF_EBILL fills it', () => {
  it('online traffic: this month and the previous one per traffic type; this month\'s paid traffic is what the threshold erodes', async () => {
    const { body } = await graphql(matrix.stack(), '{ mobileLine(number: "3312547899") { onlineTraffic { month total items { type quantity unit amount } } } }',
      {}, matrix.token('lavo.ebill'));
    expect(body.errors).toBeUndefined();
    const [current, previous] = body.data.mobileLine.onlineTraffic;
    expect(current.month > previous.month).toBe(true);
    expect(current.items.map((i: any) => i.type)).toEqual(['VOICE', 'DATA', 'SMS', 'EXTRA_EU_ROAMING_DATA']);
    expect(current.total).toBe('42.00');
  });

  it('the TEM module is answered as not available, and the invoice links to its billed traffic in eBill', async () => {
    const { body } = await graphql(matrix.stack(), '{ temModule { available } invoices(kind: MOBILE, number: "7X00000311") { nodes { number billedTrafficUrl } } }',
      {}, matrix.token('lavo.ebill'));
    expect(body.data.temModule).toEqual({ available: false });
    expect(body.data.invoices.nodes).toEqual([{ number: '7X00000311', billedTrafficUrl: expect.stringMatching(/\/fatture\/7X00000311\/traffico$/) }]);
  });
});

describe('§7.4.5-§7.4.8 TIM TUO, the lines and their state first', () => {
  it('shows Ente KRISHNA\'s enabled and active lines, their options, and which enablements may change', async () => {
    const { body } = await graphql(matrix.stack(), CAPABILITIES[8].query, {}, matrix.token('vincenzo.roa'));
    expect(body.errors).toBeUndefined();
    const byLine = new Map(body.data.mobileLines.nodes.map((l: any) => [l.number, l.timTuo]));
    expect(byLine.get('3312547516')).toEqual({ enabled: true, status: 'NOT_ACTIVE', employeeCode: null, options: [], enablementChangeable: true });
    expect(byLine.get('3312547899')).toMatchObject({ enabled: true, status: 'NOT_ACTIVE' });
    // Enabled with TIM TUO active: not selectable until it is ceased (§7.4.5).
    expect(byLine.get('3312548662')).toMatchObject({ enabled: true, status: 'ACTIVE', enablementChangeable: false });
    expect(byLine.get('3312548681')).toMatchObject({ status: 'ACTIVE', options: ['EXTRA_EU_ROAMING'] });
    expect(byLine.get('3312547310')).toMatchObject({ status: 'ACTIVE' });
    expect(byLine.get('3312547228')).toEqual({ enabled: false, status: 'NOT_ACTIVE', employeeCode: null, options: [], enablementChangeable: true });
  });

  it.each(['lavo.ebill', 'umberto.traffic'])('no TIM TUO change for %s: FORBIDDEN, nothing written', async (username) => {
    const before = (await counters(matrix.stack(), 'crm')).CreaPratica ?? 0;
    const { body } = await sendChange(matrix.stack(), `mutation($input: SetTimTuoEnablementInput!) { setTimTuoEnablement(input: $input) { number } }`,
      { lines: [{ number: '3312547883', enabled: false }], idempotencyKey: `matrix-tim-tuo-${username.replace('.', '-')}` }, matrix.token(username));
    expect(body.data?.setTimTuoEnablement ?? null).toBeNull();
    expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect((await counters(matrix.stack(), 'crm')).CreaPratica ?? 0).toBe(before);
  });

  it('the ROA may not disable a line whose TIM TUO is active: refused, nothing written', async () => {
    const before = (await counters(matrix.stack(), 'crm')).CreaPratica ?? 0;
    const { body } = await sendChange(matrix.stack(), `mutation($input: SetTimTuoEnablementInput!) { setTimTuoEnablement(input: $input) { number refusal { code message } } }`,
      { lines: [{ number: '3312548662', enabled: false }], idempotencyKey: 'matrix-tim-tuo-active' }, matrix.token('vincenzo.roa'));
    expect(body.data.setTimTuoEnablement[0].refusal).toMatchObject({ code: 'LEGACY_REJECTED', message: expect.stringContaining('ceased first') });
    expect((await counters(matrix.stack(), 'crm')).CreaPratica ?? 0).toBe(before);
  });
});

describe('§7.5.1 the summary to download before confirming a threshold request (changeSummary)', () => {
  const ask = (username: string, mutation: string, input: Record<string, unknown>) =>
    graphql(matrix.stack(), CHANGE_SUMMARY, { mutation, input }, matrix.token(username));
  const lines = (...numbers: string[]) => numbers.map((number) => ({ number }));

  it('Appendix row 22: is handed to the ROA and the TRAFFIC_MANAGER, each his own reference; FORBIDDEN to the REF_EBILL', async () => {
    const input = { lines: lines('3312547883', '3312545213'), nature: 'DISPOSITIVE', period: 'MONTHLY', amount: '0' };
    const roa = await ask('vincenzo.roa', 'activateSpendingThresholds', input);
    const traffic = await ask('umberto.traffic', 'activateSpendingThresholds', input);
    expect(roa.body.data.changeSummary.records.map((r: { id: string }) => r.id)).toEqual(['3312547883', '3312545213']);
    expect(roa.body.data.changeSummary.pratica).toBe('Attivazione soglie di spesa');
    expect(traffic.body.data.changeSummary.confirmationRef).not.toBe(roa.body.data.changeSummary.confirmationRef);
    const module = await fetch(new URL(roa.body.data.changeSummary.fileUrl, matrix.stack().gatewayUrl));
    expect(module.status).toBe(200);
    expect(await module.text()).toContain('3312545213;nature;DISPOSITIVE');
    const refused = await ask('lavo.ebill', 'activateSpendingThresholds', input);
    expect(refused.body.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });

  it('Appendix rows 26 and 22: refuses lines that do not share one threshold type, and a line that already has one', async () => {
    const mixed = await ask('vincenzo.roa', 'ceaseSpendingThresholds', { lines: lines('3312544025', '3312548662') });
    expect(mixed.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines' });
    const taken = await ask('vincenzo.roa', 'activateSpendingThresholds', { lines: lines('3312544025'), nature: 'INFORMATIVE', period: 'DAILY', amount: '5' });
    expect(taken.body.data?.changeSummary ?? null).toBeNull();
    expect(taken.body.errors[0].extensions.code).toMatch(/^(LEGACY_REJECTED|BAD_USER_INPUT)$/);
  });

  it('Appendix row 23: a request quoting another viewer\'s reference is refused on confirmationRef, and nothing is written', async () => {
    const input = { lines: lines('3312544025'), amount: '55' };
    const ref = (await ask('umberto.traffic', 'changeSpendingThresholds', input)).body.data.changeSummary.confirmationRef;
    const before = (await counters(matrix.stack(), 'crm')).CreaPratica ?? 0;
    const { body } = await graphql(matrix.stack(), `mutation($input: ChangeSpendingThresholdsInput!) { changeSpendingThresholds(input: $input) { number refusal { code field } } }`,
      { input: { ...input, confirmationRef: ref, idempotencyKey: 'matrix-foreign-ref' } }, matrix.token('vincenzo.roa'));
    expect(body.data.changeSpendingThresholds).toEqual([{ number: '3312544025', refusal: { code: 'BAD_USER_INPUT', field: 'input.confirmationRef' } }]);
    expect((await counters(matrix.stack(), 'crm')).CreaPratica ?? 0).toBe(before);
  });

  it('Appendix row 23: a summary downloaded before the line changed no longer confirms it (the terms are the line\'s current ones)', async () => {
    const change = `mutation($input: ChangeSpendingThresholdsInput!) { changeSpendingThresholds(input: $input) { number outcome { request { id } } refusal { code field } } }`;
    const token = matrix.token('vincenzo.roa');
    const byAmount = { lines: lines('3312544025'), amount: '56' };
    const stale = await confirmed(matrix.stack(), token, 'changeSpendingThresholds', byAmount);
    // Meanwhile the line's threshold becomes dispositive (its own summary, its own pratica).
    const toDispositive = await confirmed(matrix.stack(), token, 'changeSpendingThresholds', { lines: lines('3312544025'), nature: 'DISPOSITIVE' });
    const changed = await graphql(matrix.stack(), change, { input: { ...toDispositive, idempotencyKey: 'matrix-terms-changed-1' } }, token);
    expect(changed.body.data.changeSpendingThresholds[0].outcome.request.id).toMatch(/^7-/);

    const before = (await counters(matrix.stack(), 'crm')).CreaPratica ?? 0;
    const refused = await graphql(matrix.stack(), change, { input: { ...stale, idempotencyKey: 'matrix-terms-changed-2' } }, token);
    expect(refused.body.data.changeSpendingThresholds).toEqual([{ number: '3312544025', outcome: null, refusal: { code: 'BAD_USER_INPUT', field: 'input.confirmationRef' } }]);
    expect((await counters(matrix.stack(), 'crm')).CreaPratica ?? 0).toBe(before);
    const current = await confirmed(matrix.stack(), token, 'changeSpendingThresholds', byAmount);
    const done = await graphql(matrix.stack(), change, { input: { ...current, idempotencyKey: 'matrix-terms-changed-3' } }, token);
    expect(done.body.data.changeSpendingThresholds[0].refusal).toBeNull();
  });

  it('no threshold change for the REF_EBILL: FORBIDDEN, nothing written', async () => {
    const before = (await counters(matrix.stack(), 'crm')).CreaPratica ?? 0;
    const { body } = await graphql(matrix.stack(), `mutation($input: CeaseSpendingThresholdsInput!) { ceaseSpendingThresholds(input: $input) { number refusal { code } } }`,
      { input: { lines: [{ number: '3312544025' }], confirmationRef: `eyJ9.${'A'.repeat(43)}`, idempotencyKey: 'matrix-ref-ebill-cease' } }, matrix.token('lavo.ebill'));
    expect(body.data?.ceaseSpendingThresholds ?? null).toBeNull();
    expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect((await counters(matrix.stack(), 'crm')).CreaPratica ?? 0).toBe(before);
  });
});
