import { describe, expect, it } from 'vitest';
import { changeWalk, type Change } from '../support/change-walk';
import { conformanceMatrix, D, E, F, type Capability } from '../support/conformance';
import { DEMO_PROFILES, demoMatrix, type DemoUsername } from '../support/demo-profiles';
import { eventually } from '../support/eventually';
import { mailTo } from '../support/messages';
import { counters, graphql } from '../support/stack';

/**
 * Issue 20: seed 000 "Dati Personali" and "Dati Aziendali" (Profilo aziendale, Codice destinatario), ACC-02 and ACC-04
 * to ACC-07, as the demo users read and change them, and their rows of schema/profiles.yaml walked both ways for every
 * demo user: the reads in the conformance matrix, the changes in its change cells (test/support/change-walk.ts).
 * Seed 000: "Tutti i profili accedono alla sezione Profilo Aziendale ma solo il Rapp. Legale è abilitato alla modifica
 * Sede Legale mentre per la modifica dell'email di comunicazione è abilitata anche l'Amm. Full. Solo il Rapp. Legale è
 * abilitato ad accedere alle sezioni Codice Destinatario"; HOLDING is AF-like (schema/profiles.yaml).
 * Companies: A 1-VALL01 (ginevra.vallisneri RL, luca.ferri AF, sara.neri AL, giada.mantesi UT, paolo.verdi UTD),
 * B 1-NOME01 (mario.rossi RL), Ente KRISHNA 1-KRSH01 (vincenzo.rl its RL, the CM8 referents), Ente Secondo 1-ENTE02.
 */
const COMPANY_A = '1-VALL01';
const COMPANY_B = '1-NOME01';

const READS: Capability[] = [
  { id: 'ACC-02', what: 'personal data', query: '{ viewer { username firstName lastName taxCode mobile email } }', path: ['viewer', 'taxCode'] },
  { id: 'ACC-04', what: 'company profile: seat, legal representative, fixed-line e-mail',
    query: '{ viewer { company { id name taxCode legalSeat { street city } legalRepresentative { lastName } fixedCommunicationEmail } } }', path: ['viewer', 'company', 'name'] },
  { id: 'ACC-07', what: 'SDI recipient codes', query: '{ viewer { company { sdiRecipientCodes { code kind scope scopeId } } } }', path: ['viewer', 'company', 'sdiRecipientCodes'] },
];

/** Expected outcome per user, in the order of READS. */
const READ_MATRIX = demoMatrix({
  // personal data, company profile, SDI codes
  'ginevra.vallisneri': [D, D, D],
  'luca.ferri': [D, D, F],
  'sara.neri': [D, D, F],
  'giada.mantesi': [D, D, F],
  'paolo.verdi': [D, D, F],
  'marta.holding': [D, D, F],
  'cessato.fisso': [D, F, F],
  'mario.rossi': [D, D, D],
  'vincenzo.rl': [D, D, D],
  'vincenzo.roa': [D, D, F],
  'lavo.ebill': [D, F, F],
  'umberto.traffic': [D, F, F],
  'pasquale.eu': [D, D, F],
  'gina.eu': [D, F, F],
  'massimiliano.roa': [D, D, F],
});

const matrix = conformanceMatrix(READS, READ_MATRIX, { env: { MUTATIONS_PER_MINUTE: '10000' } });
const ask = (user: string, query: string, variables: Record<string, unknown> = {}) => graphql(matrix.stack(), query, variables, matrix.token(user));
const writes = async () => (await counters(matrix.stack(), 'crm')).CreaPratica ?? 0;

const CREATED = 'request { id description status } order { id }';
const change = (mutation: string, inputType: string, company: string) => (user: string, input: Record<string, unknown>, key: string) =>
  ask(user, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${CREATED} company { id ${company} } } }`, { input: { ...input, idempotencyKey: key } });
const changeLegalSeat = change('changeLegalSeat', 'ChangeLegalSeatInput', 'legalSeat { street postalCode city province }');
const changeEmail = change('changeFixedCommunicationEmail', 'ChangeFixedCommunicationEmailInput', 'fixedCommunicationEmail');
const changeSdiCode = change('changeSdiRecipientCode', 'ChangeSdiRecipientCodeInput', 'sdiRecipientCodes { code kind scope scopeId }');
const SEAT = { street: 'Corso Buenos Aires', houseNumber: '12', postalCode: '20124', city: 'Milano', province: 'mi' };

const requestIds = async (user: string) => ((await ask(user, '{ requests { id description status } }')).body.data.requests as { id: string }[]).map((r) => r.id);
const errorOf = (body: { errors?: { extensions: Record<string, unknown> }[] }) => body.errors?.map((e) => ({ code: e.extensions.code, field: e.extensions.field }));

describe('ACC-05 the legal seat (seed 000 "Profilo aziendale", punto 2)', () => {
  it('ACC-05 lets the RL change the legal seat: the company shows it at once and the pratica "Modifica sede legale" is in his requests, closed', async () => {
    const { body } = await changeLegalSeat('ginevra.vallisneri', { companyId: COMPANY_A, legalSeat: SEAT }, 'acc05-seat-1');
    expect(body.errors).toBeUndefined();
    const outcome = body.data.changeLegalSeat;
    expect(outcome.company.legalSeat).toEqual({ street: 'CORSO BUENOS AIRES 12', postalCode: '20124', city: 'MILANO', province: 'MI' });
    expect(outcome.request).toMatchObject({ description: 'Modifica sede legale', status: 'CLOSED' });
    expect(outcome.order).toBeNull();
    expect(await requestIds('ginevra.vallisneri')).toContain(outcome.request.id);
    const read = await ask('luca.ferri', '{ viewer { company { legalSeat { street city } } } }');
    expect(read.body.data.viewer.company.legalSeat).toEqual({ street: 'CORSO BUENOS AIRES 12', city: 'MILANO' });
    // The same seat again is a business refusal in our words, nothing written.
    const before = await writes();
    const again = await changeLegalSeat('ginevra.vallisneri', { companyId: COMPANY_A, legalSeat: SEAT }, 'acc05-seat-2');
    expect(errorOf(again.body)).toEqual([{ code: 'LEGACY_REJECTED', field: undefined }]);
    expect(await writes()).toBe(before);
  });

  it('ACC-05 refuses a bad seat naming the field (CAP, province, a missing street), nothing written', async () => {
    const before = await writes();
    for (const [legalSeat, field] of [
      [{ ...SEAT, postalCode: '2012' }, 'input.legalSeat.postalCode'],
      [{ ...SEAT, province: 'Milano' }, 'input.legalSeat.province'],
      [{ ...SEAT, street: '  ' }, 'input.legalSeat.street'],
    ] as const) {
      const { body } = await changeLegalSeat('ginevra.vallisneri', { companyId: COMPANY_A, legalSeat }, `acc05-bad-${field.replace(/\W/g, '_')}`);
      expect(errorOf(body)).toEqual([{ code: 'BAD_USER_INPUT', field }]);
    }
    expect(await writes()).toBe(before);
  });

  it('ACC-05 answers another company\'s RL exactly as for an unknown company (NOT_FOUND), and the AF FORBIDDEN, nothing written', async () => {
    const before = await writes();
    const foreign = await changeLegalSeat('mario.rossi', { companyId: COMPANY_A, legalSeat: SEAT }, 'acc05-foreign');
    const unknown = await changeLegalSeat('mario.rossi', { companyId: '1-NONE99', legalSeat: SEAT }, 'acc05-unknown');
    expect(errorOf(foreign.body)).toEqual([{ code: 'NOT_FOUND', field: undefined }]);
    expect(foreign.body.errors[0].message).toBe(unknown.body.errors[0].message);
    const af = await changeLegalSeat('luca.ferri', { companyId: COMPANY_A, legalSeat: SEAT }, 'acc05-af');
    expect(errorOf(af.body)).toEqual([{ code: 'FORBIDDEN', field: undefined }]);
    expect(await writes()).toBe(before);
  });
});

describe('ACC-06 the fixed-line communication e-mail (seed 000 "Profilo aziendale", punto 4)', () => {
  it('ACC-06 lets the AF change the fixed-line communication e-mail: the company shows it and the pratica is in the requests', async () => {
    const { body } = await changeEmail('luca.ferri', { companyId: COMPANY_A, email: ' Comunicazioni@Vallisneri-Nuova.it ' }, 'acc06-email-1');
    expect(body.errors).toBeUndefined();
    const outcome = body.data.changeFixedCommunicationEmail;
    expect(outcome.company.fixedCommunicationEmail).toBe('comunicazioni@vallisneri-nuova.it');
    expect(outcome.request).toMatchObject({ description: 'Modifica email comunicazioni fisso', status: 'CLOSED' });
    expect(await requestIds('ginevra.vallisneri')).toContain(outcome.request.id);
  });

  it('ACC-06 refuses a certified (PEC) address and a malformed one naming input.email, nothing written', async () => {
    const before = await writes();
    for (const email of ['ufficio@pec.vallisneri.it', 'ufficio@legalmail.it', 'not-an-address']) {
      const { body } = await changeEmail('ginevra.vallisneri', { companyId: COMPANY_A, email }, `acc06-bad-${email.length}`);
      expect(errorOf(body)).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.email' }]);
    }
    expect(await writes()).toBe(before);
  });

  it('ACC-06 refuses the AL (FORBIDDEN) and answers another company\'s RL NOT_FOUND, nothing written', async () => {
    const before = await writes();
    const al = await changeEmail('sara.neri', { companyId: COMPANY_A, email: 'al@vallisneri.it' }, 'acc06-al');
    expect(errorOf(al.body)).toEqual([{ code: 'FORBIDDEN', field: undefined }]);
    const foreign = await changeEmail('mario.rossi', { companyId: COMPANY_A, email: 'b@nome.it' }, 'acc06-foreign');
    expect(errorOf(foreign.body)).toEqual([{ code: 'NOT_FOUND', field: undefined }]);
    expect(await writes()).toBe(before);
  });
});

describe('ACC-07 the SDI recipient codes (seed 000 "Codice destinatario")', () => {
  const TABLE = '{ viewer { company { sdiRecipientCodes { code kind scope scopeId } contracts { number sdiRecipientCode } } } }';

  it('ACC-07 shows the RL the seed\'s table: the mobile contract and the fixed customer code, each with its Tipologia; a line with its own code', async () => {
    const a = await ask('ginevra.vallisneri', TABLE);
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.viewer.company.sdiRecipientCodes).toEqual([
      { code: '1234567891', kind: 'MOBILE', scope: 'CONTRACT', scopeId: '888012170373' },
      // Company A's second mobile contract (MOB-17's destination), billed to the same code.
      { code: '1234567891', kind: 'MOBILE', scope: 'CONTRACT', scopeId: '888012170381' },
      { code: '1234567891', kind: 'VOICE_DATA', scope: 'CUSTOMER_CODE', scopeId: '99318457198' },
    ]);
    const b = await ask('mario.rossi', TABLE);
    expect(b.body.data.viewer.company.sdiRecipientCodes).toEqual([
      { code: 'M5UXCR1', kind: 'MOBILE', scope: 'CONTRACT', scopeId: '888012999001' },
      { code: 'M5UXCR1', kind: 'VOICE', scope: 'CUSTOMER_CODE', scopeId: '99318000002' },
      { code: 'W7YVJK9', kind: 'VOICE', scope: 'LINE', scopeId: '021234567' },
    ]);
  });

  it('ACC-07 lets the RL change the code of a customer code (its fixed contract shows it) and give a fixed line a code of its own', async () => {
    const byCustomer = await changeSdiCode('ginevra.vallisneri', { companyId: COMPANY_A, scope: 'CUSTOMER_CODE', scopeId: '99318457198', code: 'kr7h6b9' }, 'acc07-customer');
    expect(byCustomer.body.errors).toBeUndefined();
    expect(byCustomer.body.data.changeSdiRecipientCode.request).toMatchObject({ description: 'Modifica codice destinatario', status: 'CLOSED' });
    const byLine = await changeSdiCode('ginevra.vallisneri', { companyId: COMPANY_A, scope: 'LINE', scopeId: '066633987', code: '0000000' }, 'acc07-line');
    expect(byLine.body.errors).toBeUndefined();
    expect(byLine.body.data.changeSdiRecipientCode.company.sdiRecipientCodes).toEqual([
      { code: '1234567891', kind: 'MOBILE', scope: 'CONTRACT', scopeId: '888012170373' },
      // Company A's second mobile contract (MOB-17's destination), billed to the same code.
      { code: '1234567891', kind: 'MOBILE', scope: 'CONTRACT', scopeId: '888012170381' },
      { code: 'KR7H6B9', kind: 'VOICE_DATA', scope: 'CUSTOMER_CODE', scopeId: '99318457198' },
      { code: '0000000', kind: 'VOICE_DATA', scope: 'LINE', scopeId: '066633987' },
    ]);
    const contracts = (await ask('ginevra.vallisneri', TABLE)).body.data.viewer.company.contracts;
    expect(contracts).toContainEqual({ number: '066633987', sdiRecipientCode: 'KR7H6B9' });
    expect(await requestIds('ginevra.vallisneri')).toContain(byLine.body.data.changeSdiRecipientCode.request.id);
  });

  it('ACC-07 refuses a bad code or scope naming the field, and answers another company\'s contract like an unknown one (NOT_FOUND), nothing written', async () => {
    const before = await writes();
    const ok = { companyId: COMPANY_A, scope: 'CONTRACT', scopeId: '888012170373', code: 'ABC1234' };
    for (const [input, field] of [
      [{ ...ok, code: 'AB-12' }, 'input.code'],
      [{ ...ok, scopeId: '888-012' }, 'input.scopeId'],
      [{ ...ok, companyId: '' }, 'input.companyId'],
    ] as const) {
      const { body } = await changeSdiCode('ginevra.vallisneri', input, `acc07-bad-${field.replace(/\W/g, '_')}`);
      expect(errorOf(body)).toEqual([{ code: 'BAD_USER_INPUT', field }]);
    }
    const foreign = await changeSdiCode('ginevra.vallisneri', { ...ok, scopeId: '888012999001' }, 'acc07-foreign');
    const unknown = await changeSdiCode('ginevra.vallisneri', { ...ok, scopeId: '888000000000' }, 'acc07-unknown');
    const foreignCompany = await changeSdiCode('ginevra.vallisneri', { ...ok, companyId: COMPANY_B, scopeId: '888012999001' }, 'acc07-foreign-company');
    for (const answer of [foreign, unknown, foreignCompany]) expect(errorOf(answer.body)).toEqual([{ code: 'NOT_FOUND', field: undefined }]);
    expect(foreign.body.errors[0].message).toBe(unknown.body.errors[0].message);
    expect(await writes()).toBe(before);
  });
});

/** The company, and for ACC-07 the row of its table, each demo user would act on (his own, or his contract's Ente). */
const COMPANY_OF: Record<string, { id: string; sdi: { scope: string; scopeId: string } }> = {
  A: { id: COMPANY_A, sdi: { scope: 'CONTRACT', scopeId: '888012170373' } },
  B: { id: COMPANY_B, sdi: { scope: 'CONTRACT', scopeId: '888012999001' } },
  KRSH: { id: '1-KRSH01', sdi: { scope: 'CONTRACT', scopeId: '888010088938' } },
  ENTE: { id: '1-ENTE02', sdi: { scope: 'CONTRACT', scopeId: '888010077777' } },
  CESS: { id: '1-CESS01', sdi: { scope: 'CUSTOMER_CODE', scopeId: '99318000003' } },
};
const USER_COMPANY: Record<string, keyof typeof COMPANY_OF> = {
  'ginevra.vallisneri': 'A', 'luca.ferri': 'A', 'sara.neri': 'A', 'giada.mantesi': 'A', 'paolo.verdi': 'A', 'marta.holding': 'A',
  'cessato.fisso': 'CESS', 'mario.rossi': 'B', 'vincenzo.rl': 'KRSH', 'vincenzo.roa': 'KRSH', 'lavo.ebill': 'KRSH', 'umberto.traffic': 'KRSH',
  'pasquale.eu': 'KRSH', 'gina.eu': 'KRSH', 'massimiliano.roa': 'ENTE',
};
const companyOf = (user: string) => COMPANY_OF[USER_COMPANY[user]];

const CHANGES: Change[] = [
  { id: 'ACC-05', what: 'change the legal seat', mutation: 'changeLegalSeat', inputType: 'ChangeLegalSeatInput', selection: 'company { legalSeat { street } }',
    input: (user, run) => ({ companyId: companyOf(user).id, legalSeat: { ...SEAT, houseNumber: `${run}/W` } }) },
  { id: 'ACC-06', what: 'change the fixed-line communication e-mail', mutation: 'changeFixedCommunicationEmail', inputType: 'ChangeFixedCommunicationEmailInput',
    selection: 'company { fixedCommunicationEmail }', input: (user, run) => ({ companyId: companyOf(user).id, email: `fisso.${run}@example.it` }) },
  { id: 'ACC-07', what: 'change an SDI recipient code', mutation: 'changeSdiRecipientCode', inputType: 'ChangeSdiRecipientCodeInput',
    selection: 'company { sdiRecipientCodes { code } }', input: (user, run) => ({ companyId: companyOf(user).id, ...companyOf(user).sdi, code: `W${String(run).padStart(6, '0')}` }) },
];

/**
 * Expected outcome per user, in the order of CHANGES. A profile no change admits anywhere (CC, the CM8 referents but the
 * ROA, the EU) is refused by the gateway's policy before any record is read: FORBIDDEN, like a profile that sees the
 * company but may not change it.
 */
const CHANGE_MATRIX = demoMatrix({
  // legal seat, communication e-mail, SDI code
  'ginevra.vallisneri': [D, D, D],
  'luca.ferri': [F, D, F],
  'sara.neri': [F, F, F],
  'giada.mantesi': [F, F, F],
  'paolo.verdi': [F, F, F],
  'marta.holding': [F, D, F],
  'cessato.fisso': [F, F, F],
  'mario.rossi': [D, D, D],
  'vincenzo.rl': [D, D, D],
  'vincenzo.roa': [F, F, F],
  'lavo.ebill': [F, F, F],
  'umberto.traffic': [F, F, F],
  'pasquale.eu': [F, F, F],
  'gina.eu': [F, F, F],
  'massimiliano.roa': [F, F, F],
});

// The changes' cells at the top level, as the reads': the coverage reads a cell's title from its user on.
changeWalk(CHANGES, CHANGE_MATRIX, matrix.stack, matrix.token);

/**
 * ACC-03 for every Area Clienti demo user ("Tutti i profili accedono alla sezione Dati personali"): he asks the IdP to
 * change his registration e-mail with his own token, and the confirmation link goes to the new address (nothing changes
 * until it is opened: test/accounts/customer-accounts.test.ts opens one). The CC too; the CM8 users' personal data
 * (seed 002 §6) is read only, in the conformance matrix above.
 */
const AREA_CLIENTI_USERS: DemoUsername[] = ['ginevra.vallisneri', 'luca.ferri', 'sara.neri', 'giada.mantesi', 'paolo.verdi', 'marta.holding',
  'cessato.fisso', 'mario.rossi', 'vincenzo.rl'];

describe.each(AREA_CLIENTI_USERS)('%s', (user) => {
  it(`${DEMO_PROFILES[user]}: ACC-03 ask to change his registration e-mail → data`, async () => {
    const address = `${user.replace(/\W/g, '-')}@nuovo-indirizzo.it`;
    const res = await fetch(`${matrix.stack().idpUrl}/account/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${matrix.token(user)}` },
      body: new URLSearchParams({ email: address }),
    });
    expect([res.status, await res.json()]).toEqual([202, { status: 'CONFIRMATION_SENT' }]);
    const [mail] = await eventually(5_000, () => mailTo(matrix.stack(), address), (mails) => mails.length > 0);
    expect(mail?.text).toMatch(/\/account\/email\/confirm\?token=/);
  });
});
