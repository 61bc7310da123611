import { describe, expect, it } from 'vitest';
import { conformanceMatrix, D, E, F, type Capability, type Matrix } from '../support/conformance';
import { paidTopUp, START_TOP_UP } from '../support/checkout';
import { counters, graphql, resetCounters, setFaults, tokenFor } from '../support/stack';

/**
 * Issue 12: the CM8 employee's own pages (seed 002 §9.1) in the matrix of spec/profiles.md, both ways. gina.eu is
 * EU on her prepaid line 3700034020; pasquale.eu is EU on his postpaid line 3312548681 and ROA of contract
 * 888012234558, which holds gina's line: his profiles add up (seed 002 §5) and nothing of one scope leaks into the
 * other: as ROA he sees gina's line, never her personal credit, top-ups or payments. vincenzo.roa is ROA of the
 * contract of pasquale's line, and sees none of pasquale's personal data either.
 * h-invoice adds the IMEI of "La mia SIM" (§9.1.1), "La mia fattura" and its notification e-mail (§9.2.1.2; BIL-12),
 * and every other demo profile to the matrix, both ways.
 */
const GINA_LINE = '3700034020';
const PASQUALE_LINE = '3312548681';

const CAPABILITIES: Capability[] = [
  { id: 'MOB-18', what: 'my SIM: number, status, ICCID, One Number SIMs', query: `{ mobileLine(number: "${GINA_LINE}") { number status iccid oneNumber { role iccids } } }`, path: ['mobileLine', 'oneNumber'] },
  { id: 'MOB-18', what: 'my SIM: every SIM with its role', query: `{ mobileLine(number: "${GINA_LINE}") { number sims { iccid role } } }`, path: ['mobileLine', 'sims'] },
  { id: 'MOB-18', what: 'personal credit of a prepaid line', query: `{ mobileLine(number: "${GINA_LINE}") { number personalCredit { amount updatedAt } } }`, path: ['mobileLine', 'personalCredit'] },
  { id: 'MOB-19', what: 'personal top-ups of 6 months', query: `{ mobileLine(number: "${GINA_LINE}") { number personalTopUps { at amount kind detail } } }`, path: ['mobileLine', 'personalTopUps'] },
  { id: 'MOB-18', what: 'personal credit of a postpaid line', query: `{ mobileLine(number: "${PASQUALE_LINE}") { number personalCredit { amount } } }`, path: ['mobileLine', 'personalCredit'] },
  { id: 'CON-09', what: 'service SMS of 6 months', query: `{ mobileLine(number: "${GINA_LINE}") { number serviceSms(months: 6) { sender kind text sentAt status } } }`, path: ['mobileLine', 'serviceSms'] },
  { id: 'CON-09', what: 'service SMS of the last month, postpaid line', query: `{ mobileLine(number: "${PASQUALE_LINE}") { number serviceSms { text } } }`, path: ['mobileLine', 'serviceSms'] },
  { id: 'MOB-19', what: 'saved payment methods', query: '{ paymentMethods { id kind masked } }', path: ['paymentMethods'] },
  {
    id: 'MOB-19', what: 'start a personal top-up of 3700034020',
    query: `mutation { startPersonalTopUp(input: { number: "${GINA_LINE}", amount: "10", newMethod: CARD, idempotencyKey: "employee-matrix-start" }) { id status redirectUrl } }`,
    path: ['startPersonalTopUp'],
  },
  // h-invoice (issue 12): the IMEI of "La mia SIM" (§9.1.1) and "La mia fattura" (§9.2.1.2).
  { id: 'MOB-18', what: 'IMEI of the SIMs of 3700034020', query: `{ mobileLine(number: "${GINA_LINE}") { number sims { iccid imei } } }`, path: ['mobileLine', 'sims', 0, 'imei'] },
  { id: 'MOB-18', what: 'IMEI of the SIM of 3312548662 (888010088938)', query: '{ mobileLine(number: "3312548662") { number sims { iccid imei } } }', path: ['mobileLine', 'sims', 0, 'imei'] },
  {
    id: 'BIL-12', what: 'La mia fattura of 3312548681',
    query: `{ mobileLine(number: "${PASQUALE_LINE}") { number personalInvoicing { notificationEmail invoices { number amount documentUrl } consultUrl } } }`,
    path: ['mobileLine', 'personalInvoicing'],
  },
];

/** Expected outcome per user, in the order of CAPABILITIES ('empty': allowed, nothing to show; a postpaid line has no personal credit). */
const MATRIX: Matrix = {
  //                                                                     sim sims crd top post sms smsP pm start imG imL inv
  'gina.eu': { profile: 'EU, own prepaid line', cells: [D, D, D, D, E, D, E, E, D, D, E, E] },
  'pasquale.eu': { profile: 'EU 3312548681 + ROA 888012234558', cells: [D, D, F, F, E, F, D, E, F, D, E, D] },
  'vincenzo.roa': { profile: 'ROA 888010088938 (pasquale\'s line)', cells: [E, E, E, E, F, E, F, F, F, E, D, F] },
  'ginevra.vallisneri': { profile: 'RL (A)', cells: [E, E, E, E, E, E, E, F, F, E, E, E] },
  // h-invoice: every other demo profile, both ways.
  'luca.ferri': { profile: 'AF (A)', cells: [E, E, E, E, E, E, E, F, F, E, E, E] },
  'sara.neri': { profile: 'AL (A)', cells: [E, E, E, E, E, E, E, F, F, E, E, E] },
  'giada.mantesi': { profile: 'UT (A)', cells: [E, E, E, E, E, E, E, F, F, E, E, E] },
  'paolo.verdi': { profile: 'UTD (A)', cells: [E, E, E, E, E, E, E, F, F, E, E, E] },
  'marta.holding': { profile: 'HOLDING (A, B)', cells: [E, E, E, E, E, E, E, F, F, E, E, E] },
  'cessato.fisso': { profile: 'CC (ceased fixed contract): no mobile line', cells: [F, F, F, F, F, F, F, F, F, F, F, F] },
  'vincenzo.rl': { profile: 'RL of Ente KRISHNA (both contracts)', cells: [D, D, F, F, F, F, F, F, F, F, F, F] },
  'lavo.ebill': { profile: 'REF_EBILL 888010088938', cells: [E, E, E, E, F, E, F, F, F, E, D, F] },
  'umberto.traffic': { profile: 'TRAFFIC_MANAGER 888010088938', cells: [F, F, F, F, F, F, F, F, F, F, F, F] },
  'lucia.messaging': { profile: 'REF_MESSAGING 888010088938', cells: [F, F, F, F, F, F, F, F, F, F, F, F] },
  'massimiliano.roa': { profile: 'ROA of another Ente', cells: [E, E, E, E, E, E, E, F, F, E, E, E] },
};

const matrix = conformanceMatrix(CAPABILITIES, MATRIX);

describe('MOB-18 "La mia SIM" and the top-up history of 3700034020 (seed 002 §9.1.1, §9.1.3)', () => {
  it('shows the One Number SIMs with their roles, 135,00 € of personal credit, and the personal top-ups of 6 months', async () => {
    const { body } = await graphql(matrix.stack(), `{ mobileLine(number: "${GINA_LINE}") {
      number status kind sims { iccid role } personalCredit { amount } personalTopUps { amount kind detail } } }`, {}, matrix.token('gina.eu'));
    expect(body.errors).toBeUndefined();
    const line = body.data.mobileLine;
    expect(line).toMatchObject({ status: 'ACTIVE', kind: 'PREPAID', personalCredit: { amount: '135.00' } });
    expect(line.sims.map((s: { role: string }) => s.role)).toEqual(['PRIMARY', 'SECONDARY', 'SECONDARY']);
    expect(line.personalTopUps).toEqual([
      { amount: '10.00', kind: 'Ricarica da altri canali', detail: 'Ricarica da WEB' },
      { amount: '25.00', kind: 'Ricarica da altri canali', detail: 'Ricarica da WEB' },
    ]);
  });

  it('shows the service SMS of the period asked, 1 to 6 months (seed 002 §9.2.3)', async () => {
    const sms = (months: number) => graphql(matrix.stack(), `{ mobileLine(number: "${GINA_LINE}") { serviceSms(months: ${months}) { sender kind text status } } }`,
      {}, matrix.token('gina.eu'));
    const { body } = await sms(1);
    expect(body.data.mobileLine.serviceSms).toEqual([{ sender: 'TIMBusiness', kind: 'SMS Area Clienti H24', status: 'CONSEGNATO',
      text: 'Gentile cliente, l\'opzione RICARICA ONE SHOT 7 EBU ric e\' stata attivata sulla tua linea. Grazie da TIM Business' }]);
    expect((await sms(6)).body.data.mobileLine.serviceSms).toHaveLength(2);
    expect((await sms(7)).body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'months' });
  });

  it('downloads them as a CSV file through a signed link', async () => {
    const { body } = await graphql(matrix.stack(), `{ mobileLine(number: "${GINA_LINE}") { serviceSmsFileUrl(months: 6) } }`, {}, matrix.token('gina.eu'));
    const res = await fetch(new URL(body.data.mobileLine.serviceSmsFileUrl, matrix.stack().gatewayUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`sms-servizio-${GINA_LINE}.csv`);
    const rows = (await res.text()).split('\r\n');
    expect(rows[0]).toBe('Mittente;Tipologia;Testo SMS;Data/ora invio;Data/ora consegna;Stato');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain('RICARICA ONE SHOT 7 EBU');
  });
});

describe('MOB-04 change own SIM (seed 002 §9.1.4): the ROA\'s mutation, for the employee on his own line only', () => {
  const CHANGE = `mutation($input: ChangeSimInput!) { changeSim(input: $input) {
    request { id description } order { id } line { number iccid oneNumber { role iccids } } } }`;
  const change = (username: string, number: string, replacedIccid: string, idempotencyKey: string) => graphql(matrix.stack(), CHANGE,
    { input: { number, replacedIccid, newIccidLastDigits: '0000034021', reason: 'SIM guasta', idempotencyKey } }, matrix.token(username));

  it('gina.eu replaces a SIM of her One Number group, and reads the request and order it created', async () => {
    const { body: before } = await graphql(matrix.stack(), `{ mobileLine(number: "${GINA_LINE}") { oneNumber { iccids } } }`, {}, matrix.token('gina.eu'));
    const replaced = before.data.mobileLine.oneNumber.iccids[1] as string;
    const { body } = await change('gina.eu', GINA_LINE, replaced, 'employee-change-own-sim');
    expect(body.errors).toBeUndefined();
    expect(body.data.changeSim.request.description).toBe('Cambio SIM');
    expect(body.data.changeSim.order.id).toMatch(/^\d+$/);
    expect(body.data.changeSim.line.oneNumber.iccids).toContain('8939010000000034021');
    expect(body.data.changeSim.line.oneNumber.iccids).not.toContain(replaced);
  });

  it('an employee\'s other line is unknown to her, as any record outside her grants', async () => {
    const { body } = await change('gina.eu', PASQUALE_LINE, '8939100003312548681', 'employee-change-other-sim');
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('MOB-19 personal top-up (seed 002 §9.1.2): the employee\'s own prepaid line, the seed\'s cuts, his own saved methods', () => {
  const METHODS = '{ paymentMethods { id kind masked } }';
  const DELETE = 'mutation($id: ID!) { deletePaymentMethod(input: { id: $id }) { id } }';
  const start = (username: string, input: Record<string, unknown>) => graphql(matrix.stack(), START_TOP_UP, { input }, matrix.token(username));

  it('refuses an amount that is not one of the cuts, naming the field, and a postpaid line with the reason', async () => {
    const odd = await start('gina.eu', { number: GINA_LINE, amount: '15', newMethod: 'CARD', idempotencyKey: 'employee-odd-amount' });
    expect(odd.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    const postpaid = await start('pasquale.eu', { number: PASQUALE_LINE, amount: '10', newMethod: 'CARD', idempotencyKey: 'employee-postpaid' });
    expect(postpaid.body.errors[0].extensions).toMatchObject({ code: 'LEGACY_REJECTED', system: 'Payments' });
  });

  it('saves the card the employee paid with, masked, lets him pay with it, and delete it; another employee cannot delete it', async () => {
    await paidTopUp(matrix.stack(), matrix.token('gina.eu'), { number: GINA_LINE, amount: '10', key: 'employee-save-card' });
    const { body } = await graphql(matrix.stack(), METHODS, {}, matrix.token('gina.eu'));
    expect(body.data.paymentMethods).toEqual([{ id: expect.stringMatching(/^pm_/), kind: 'CARD', masked: '*****0119' }]);
    const { id } = body.data.paymentMethods[0];
    const withSaved = await start('gina.eu', { number: GINA_LINE, amount: '20', paymentMethodId: id, idempotencyKey: 'employee-saved-card' });
    expect(withSaved.body.data.startPersonalTopUp).toMatchObject({ status: 'REQUIRES_AUTHENTICATION', amount: '20.00', line: { number: GINA_LINE } });

    const foreign = await graphql(matrix.stack(), DELETE, { id }, matrix.token('pasquale.eu'));
    expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const deleted = await graphql(matrix.stack(), DELETE, { id }, matrix.token('gina.eu'));
    expect(deleted.body.data.deletePaymentMethod).toEqual([]);
  });
});

// ── h-invoice (issue 12): "La mia fattura" and its notification e-mail (seed 002 §9.2.1.2; BIL-12) ─────────────────
const LAURA_LINE = '3312548662';
const EMANUELE_LINE = '3312547883';
const MY_INVOICE = `query($number: ID!) { mobileLine(number: $number) { number personalInvoicing {
  number invoiceMode trafficDocumentation notificationEmail consultUrl
  invoices { number bimester year issuedOn dueOn amount paid paymentStatus documentUrl } } } }`;
/** The matrix's users' tokens, and those of the employees only these pages need (laura.eu, emanuele.eu). */
const tokens = new Map<string, Promise<string>>();
const tokenOf = (username: string) => {
  if (!tokens.has(username)) tokens.set(username, tokenFor(matrix.stack(), username));
  return tokens.get(username)!;
};
const myInvoice = async (username: string, number: string) => graphql(matrix.stack(), MY_INVOICE, { number }, await tokenOf(username));

describe('BIL-12 "La mia fattura" (seed 002 §9.2.1.2): the employee\'s personal invoices once TIM TUO postpaid is active', () => {
  it('shows laura.eu the seed\'s page: web only, complete traffic documentation, the notification e-mail, invoice 4/2021 33,45 € Scoperta', async () => {
    const { body } = await myInvoice('laura.eu', LAURA_LINE);
    expect(body.errors).toBeUndefined();
    const page = body.data.mobileLine.personalInvoicing;
    expect(page).toMatchObject({
      number: LAURA_LINE, invoiceMode: 'WEB_ONLY', trafficDocumentation: 'FULL', notificationEmail: 'collaudo10@timnews.collaudo.tim.it',
      consultUrl: expect.stringMatching(new RegExp(`/tim-tuo/${LAURA_LINE}$`)),
    });
    expect(page.invoices).toEqual([{
      number: expect.any(String), bimester: 4, year: 2021, issuedOn: '2021-06-10', dueOn: '2021-07-12', amount: '33.45', paid: false,
      paymentStatus: 'Scoperta', documentUrl: expect.stringContaining('/downloads/'),
    }]);
  });

  it('lists the last 6 of pasquale.eu\'s 8 personal invoices, newest first, and no notification e-mail yet', async () => {
    const { body } = await myInvoice('pasquale.eu', PASQUALE_LINE);
    const page = body.data.mobileLine.personalInvoicing;
    expect(page.notificationEmail).toBeNull();
    expect(page.invoices.map((i: { bimester: number; year: number }) => `${i.bimester}/${i.year}`)).toEqual(['3/2022', '2/2022', '1/2022', '6/2021', '5/2021', '4/2021']);
    expect(page.invoices[0]).toMatchObject({ paid: false, paymentStatus: 'Scoperta' });
    expect(page.invoices.slice(1).every((i: { paid: boolean }) => i.paid)).toBe(true);
  });

  it('downloads an invoice as a PDF through its signed link (the PDF icon)', async () => {
    const { body } = await myInvoice('laura.eu', LAURA_LINE);
    const [invoice] = body.data.mobileLine.personalInvoicing.invoices;
    const res = await fetch(new URL(invoice.documentUrl, matrix.stack().gatewayUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`${invoice.number}.pdf`);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('is not there before TIM TUO is active (emanuele.eu: enabled, not associated) nor on a prepaid line (gina.eu)', async () => {
    const before = await myInvoice('emanuele.eu', EMANUELE_LINE);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data.mobileLine).toMatchObject({ number: EMANUELE_LINE, personalInvoicing: null });
    const prepaid = await myInvoice('gina.eu', GINA_LINE);
    expect(prepaid.body.data.mobileLine).toMatchObject({ number: GINA_LINE, personalInvoicing: null });
  });

  it('reads CRM\'s TIM TUO record and eBill\'s invoicing once each per request', async () => {
    await resetCounters(matrix.stack(), 'crm');
    await resetCounters(matrix.stack(), 'ebill');
    await myInvoice('laura.eu', LAURA_LINE);
    expect((await counters(matrix.stack(), 'ebill'))['tim-tuo/fatture-personali']).toBe(1);
    expect((await counters(matrix.stack(), 'crm')).GetTimTuo).toBe(1);
  });
});

describe('BIL-12 MODIFICA EMAIL / USA EMAIL DI REGISTRAZIONE (seed 002 §9.2.1.2): the notification and the registration e-mail change together', () => {
  const CHANGE = `mutation($input: ChangeInvoiceNotificationEmailInput!) { changeInvoiceNotificationEmail(input: $input) { number notificationEmail } }`;
  const change = async (username: string, input: Record<string, unknown>) => graphql(matrix.stack(), CHANGE, { input }, await tokenOf(username));
  const emails = async (username: string, number: string) => {
    const { body } = await graphql(matrix.stack(), `query($number: ID!) { viewer { email } mobileLine(number: $number) { personalInvoicing { notificationEmail } } }`,
      { number }, await tokenOf(username));
    return { registration: body.data.viewer.email, notification: body.data.mobileLine.personalInvoicing?.notificationEmail ?? null };
  };

  it('refuses a certified (PEC) address naming the field, and writes nothing', async () => {
    const { body } = await change('laura.eu', { number: LAURA_LINE, email: 'laura.rossi@pec.it', idempotencyKey: 'invoice-email-pec' });
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    expect(await emails('laura.eu', LAURA_LINE)).toEqual({ registration: 'laura.eu@example.it', notification: 'collaudo10@timnews.collaudo.tim.it' });
  });

  it('a failure between the two writes is completed by the retry with the same key: both addresses end equal', async () => {
    const input = { number: LAURA_LINE, email: 'laura.rossi@example.it', idempotencyKey: 'invoice-email-crash' };
    await setFaults(matrix.stack(), 'ebill', { 'tim-tuo/email-notifica': { down: true } });
    try {
      const failed = await change('laura.eu', input);
      expect(failed.body.errors[0].extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system: 'eBill' });
    } finally {
      await setFaults(matrix.stack(), 'ebill', { 'tim-tuo/email-notifica': null });
    }
    expect(await emails('laura.eu', LAURA_LINE)).toEqual({ registration: 'laura.rossi@example.it', notification: 'collaudo10@timnews.collaudo.tim.it' });
    const retried = await change('laura.eu', input);
    expect(retried.body.data.changeInvoiceNotificationEmail).toEqual({ number: LAURA_LINE, notificationEmail: 'laura.rossi@example.it' });
    expect(await emails('laura.eu', LAURA_LINE)).toEqual({ registration: 'laura.rossi@example.it', notification: 'laura.rossi@example.it' });
  });

  it('a replayed key does not undo a later change, and the key with another address is refused', async () => {
    await change('laura.eu', { number: LAURA_LINE, email: 'laura.r@example.it', idempotencyKey: 'invoice-email-later' });
    const replay = await change('laura.eu', { number: LAURA_LINE, email: 'laura.rossi@example.it', idempotencyKey: 'invoice-email-crash' });
    expect(replay.body.data.changeInvoiceNotificationEmail.notificationEmail).toBe('laura.r@example.it');
    expect(await emails('laura.eu', LAURA_LINE)).toEqual({ registration: 'laura.r@example.it', notification: 'laura.r@example.it' });
    const reused = await change('laura.eu', { number: LAURA_LINE, email: 'other@example.it', idempotencyKey: 'invoice-email-later' });
    expect(reused.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
  });

  it('USA EMAIL DI REGISTRAZIONE: pasquale.eu, who has no notification address, takes his registration e-mail', async () => {
    const { body } = await change('pasquale.eu', { number: PASQUALE_LINE, useRegistrationEmail: true, idempotencyKey: 'invoice-email-registration' });
    expect(body.data.changeInvoiceNotificationEmail.notificationEmail).toBe('pasquale.eu@example.it');
  });

  it('another employee\'s line is unknown, a line without TIM TUO active is refused with the reason', async () => {
    const foreign = await change('gina.eu', { number: LAURA_LINE, email: 'gina@example.it', idempotencyKey: 'invoice-email-foreign' });
    expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const inactive = await change('emanuele.eu', { number: EMANUELE_LINE, email: 'emanuele@example.it', idempotencyKey: 'invoice-email-inactive' });
    expect(inactive.body.errors[0].extensions).toMatchObject({ code: 'LEGACY_REJECTED', system: 'eBill' });
    expect((await emails('emanuele.eu', EMANUELE_LINE)).registration).toBe('emanuele.eu@example.it');
  });
});

// ── h-invoice (issue 12): the IMEI of "La mia SIM" (seed 002 §9.1.1; MOB-18) ──────────────────────────────────────
describe('MOB-18 the IMEI of "La mia SIM" (seed 002 §9.1.1): the device of every SIM, One Number secondaries included, if known', () => {
  const SIMS = 'query($number: ID!) { mobileLine(number: $number) { number iccid sims { iccid role imei } } }';
  const sims = async (username: string, number: string) => graphql(matrix.stack(), SIMS, { number }, await tokenOf(username));

  it('shows gina.eu the seed\'s One Number group: the primary SIM in device 352141100000104, the secondaries not seen yet ("Richiedi")', async () => {
    await resetCounters(matrix.stack(), 'crm');
    const { body } = await sims('gina.eu', GINA_LINE);
    expect(body.errors).toBeUndefined();
    const [primary, ...secondaries] = body.data.mobileLine.sims;
    expect(primary).toEqual({ iccid: '8939010008552355787', role: 'PRIMARY', imei: '352141100000104' });
    expect(secondaries).toHaveLength(2);
    for (const sim of secondaries) expect(sim).toMatchObject({ role: 'SECONDARY', imei: null });
    expect((await counters(matrix.stack(), 'crm')).GetImeiSim).toBe(1);
  });

  it('shows pasquale.eu the seed\'s ICCID 8939010008546264046 and an empty IMEI, as the seed\'s screen', async () => {
    const { body } = await sims('pasquale.eu', PASQUALE_LINE);
    expect(body.data.mobileLine).toEqual({ number: PASQUALE_LINE, iccid: '8939010008546264046', sims: [{ iccid: '8939010008546264046', role: null, imei: null }] });
  });

  it('gives laura.eu the same IMEI her ROA reads in the inventory ("Richiedi")', async () => {
    const { body } = await sims('laura.eu', LAURA_LINE);
    const roa = await graphql(matrix.stack(), `{ mobileLine(number: "${LAURA_LINE}") { imei } }`, {}, matrix.token('vincenzo.roa'));
    expect(roa.body.data.mobileLine.imei).toMatch(/^35\d{13}$/);
    expect(body.data.mobileLine.sims).toEqual([{ iccid: expect.any(String), role: null, imei: roa.body.data.mobileLine.imei }]);
  });
});

// h-invoice (issue 12): the other way of "change own SIM" (§9.1.4), for the profiles that see a line but may not change its SIM.
describe('MOB-04 change own SIM, the other way: a profile that may not change SIMs is FORBIDDEN, and nothing is written', () => {
  const CHANGE = 'mutation($input: ChangeSimInput!) { changeSim(input: $input) { request { id } } }';
  it.each(['lavo.ebill', 'umberto.traffic'])('%s on 3312548662', async (username) => {
    const before = await graphql(matrix.stack(), `{ mobileLine(number: "${LAURA_LINE}") { iccid } }`, {}, matrix.token('vincenzo.roa'));
    const { body } = await graphql(matrix.stack(), CHANGE, { input: {
      number: LAURA_LINE, replacedIccid: before.body.data.mobileLine.iccid, newIccidLastDigits: '0000048662', reason: 'SIM guasta', idempotencyKey: `add-up-change-${username.replace('.', '-')}` } },
    matrix.token(username));
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    const after = await graphql(matrix.stack(), `{ mobileLine(number: "${LAURA_LINE}") { iccid } }`, {}, matrix.token('vincenzo.roa'));
    expect(after.body.data.mobileLine.iccid).toBe(before.body.data.mobileLine.iccid);
  });
});
