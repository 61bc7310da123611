import { describe, expect, it } from 'vitest';
import { conformanceMatrix, D, E, F, type Capability, type Matrix } from '../support/conformance';
import { counters, graphql, tokenFor } from '../support/stack';
import { changeSummary } from '../support/change-summary';
import { confirmedActivation, EMANUELE_DIRECT_DEBIT, INVOICE_ADDRESS } from '../dispositive/appendix/employee-tim-tuo';

/**
 * h-tuopost (issue 12): TIM TUO as the employee, postpaid (seed 002 §9.2.1.1, BIL-10), in the matrix of
 * spec/profiles.md both ways, then the seed's story walked as the employee walks it. emanuele.eu's line 3312547883 is
 * enabled by the ROA and not associated ("Associa"); pasquale.eu's 3312548681 has TIM TUO active, paid by direct
 * debit; pasquale is also ROA of the prepaid contract of gina's line 3700034020, and reaches none of her personal
 * data as such; the ROA (vincenzo.roa) and the eBill referent (lavo.ebill) of the contract of both postpaid lines see
 * the lines, never the employee's pages; another employee or another Ente's ROA do not see the lines at all.
 */
const EMANUELE_LINE = '3312547883';
const PASQUALE_LINE = '3312548681';
const GINA_LINE = '3700034020';

const GESTISCI = (line: string) => `{ mobileLine(number: "${line}") { number employeeTimTuo { number associated taxCode lastName firstName } } }`;
const REPORTISTICA = `{ mobileLine(number: "${PASQUALE_LINE}") { number employeeTimTuo { number contractNumber personalContractCode taxCode activatedOn ceasedOn status
  trafficDetail billingAccount { paymentMethod maskedIban directDebitStatus invoiceAddress { city } holder { taxCode } } } } }`;
const summaryOf = (line: string) =>
  `{ changeSummary(mutation: activateTimTuoByPostalSlip, input: { number: "${line}", acceptConditions: true, invoiceAddress: { street: "VIA TOLEDO", houseNumber: "15", postalCode: "80134", city: "NAPOLI", province: "NA" } }) { pratica fileUrl confirmationRef } }`;

const CAPABILITIES: Capability[] = [
  { id: 'BIL-10', what: 'Gestisci: a line enabled, not associated', query: GESTISCI(EMANUELE_LINE), path: ['mobileLine', 'employeeTimTuo'] },
  { id: 'BIL-10', what: 'Reportistica: TIM TUO active, its billing account', query: REPORTISTICA, path: ['mobileLine', 'employeeTimTuo'] },
  { id: 'BIL-10', what: 'Gestisci on a prepaid line (not these pages)', query: GESTISCI(GINA_LINE), path: ['mobileLine', 'employeeTimTuo'] },
];

/** Expected outcome per user, in the order of CAPABILITIES ('empty': the line is not his, or nothing to show). */
const MATRIX: Matrix = {
  //                                                                         gest rep gina
  'emanuele.eu': { profile: 'EU, own line enabled', cells: [D, E, E] },
  'pasquale.eu': { profile: 'EU 3312548681 + ROA 888012234558', cells: [E, D, F] },
  'laura.eu': { profile: 'EU, another employee', cells: [E, E, E] },
  'gina.eu': { profile: 'EU, own prepaid line', cells: [E, E, E] },
  'vincenzo.roa': { profile: 'ROA 888010088938', cells: [F, F, E] },
  'lavo.ebill': { profile: 'REF_EBILL 888010088938', cells: [F, F, E] },
  'massimiliano.roa': { profile: 'ROA of another Ente', cells: [E, E, E] },
};

const matrix = conformanceMatrix(CAPABILITIES, MATRIX, { env: { MUTATIONS_PER_MINUTE: '1000' } });

describe('BIL-10 the summary before an activation (seed 002 §9.2.1.1.1, Appendix row 36: changeSummary)', () => {
  const ask = async (username: string, line: string) => (await graphql(matrix.stack(), summaryOf(line), {}, matrix.token(username))).body;

  it('is the employee\'s on his own line: a PDF link and the reference to quote', async () => {
    const body = await ask('emanuele.eu', EMANUELE_LINE);
    expect(body.errors).toBeUndefined();
    expect(body.data.changeSummary).toMatchObject({ pratica: 'Pagamento bollettino', fileUrl: expect.stringContaining('/downloads/'), confirmationRef: expect.stringMatching(/\./) });
  });

  it('is FORBIDDEN to the referents of the line, and a line outside the grants answers exactly like an unknown one (null)', async () => {
    for (const referent of ['vincenzo.roa', 'lavo.ebill']) {
      expect((await ask(referent, EMANUELE_LINE)).errors[0].extensions.code, referent).toBe('FORBIDDEN');
    }
    for (const other of ['laura.eu', 'pasquale.eu', 'gina.eu', 'massimiliano.roa']) {
      const foreign = await ask(other, EMANUELE_LINE);
      expect(foreign, other).toEqual({ data: { changeSummary: null } });
      expect(await ask(other, '3999999999')).toEqual(foreign);
    }
  });
});

describe('BIL-10 Reportistica (seed 002 §9.2.1.1): what the employee with TIM TUO active reads', () => {
  it('shows his personal contract code, his data, the dates, DOMICILIATA, Rendiconto Telefonico and ATTIVO', async () => {
    const { body } = await graphql(matrix.stack(), REPORTISTICA, {}, matrix.token('pasquale.eu'));
    expect(body.errors).toBeUndefined();
    expect(body.data.mobileLine.employeeTimTuo).toEqual({
      number: PASQUALE_LINE, contractNumber: '888010088938', personalContractCode: '888200090311', taxCode: 'SPSPQL80A01F839J', activatedOn: '2021-03-02',
      ceasedOn: null, status: 'ACTIVE', trafficDetail: 'Rendiconto Telefonico',
      billingAccount: { paymentMethod: 'DIRECT_DEBIT', maskedIban: 'IT60X******************3456', directDebitStatus: 'ACTIVE', invoiceAddress: { city: 'NAPOLI' },
        holder: { taxCode: 'SPSPQL80A01F839J' } },
    });
  });
});

const ACTIVATE = `mutation($input: ActivateTimTuoInput!) { activateTimTuoByDirectDebit(input: $input) {
  request { id description } order { id }
  line { number employeeTimTuo { associated taxCode lastName firstName personalContractCode status billingAccount { paymentMethod maskedIban directDebitStatus } } } } }`;

describe('BIL-10 the seed\'s story (§9.2.1.1.1): emanuele.eu associates his line, paying by direct debit', () => {
  it('sees "Associa", downloads the summary, activates, and reads DOMICILIATA in Reportistica; a retry writes nothing more', async () => {
    const stack = matrix.stack();
    const token = matrix.token('emanuele.eu');
    const gestisci = await graphql(stack, GESTISCI(EMANUELE_LINE), {}, token);
    expect(gestisci.body.data.mobileLine.employeeTimTuo).toEqual({ number: EMANUELE_LINE, associated: false, taxCode: null, lastName: null, firstName: null });

    const request = { number: EMANUELE_LINE, paymentMethod: 'DIRECT_DEBIT', invoiceAddress: INVOICE_ADDRESS, directDebit: EMANUELE_DIRECT_DEBIT };
    const summary = await changeSummary(stack, token, 'activateTimTuoByDirectDebit', { ...request, paymentMethod: undefined, acceptConditions: true });
    const module = await fetch(new URL(summary.fileUrl, stack.gatewayUrl));
    expect(module.status).toBe(200);
    expect(module.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await module.text();
    expect(text).toContain('Riepilogo della richiesta;Domiciliazione tim tuo');
    expect(text).toContain(`${EMANUELE_LINE};modalita di pagamento;IBAN IT66A...2345`);
    expect(text).toContain(`${EMANUELE_LINE};indirizzo di fatturazione;VIA TOLEDO 15, 80134 NAPOLI (NA)`);

    const input = await confirmedActivation(stack, token, request);
    const before = await counters(stack, 'crm');
    // Without the conditions accepted, or quoting the summary of another request: refused, nothing written.
    const refused = await graphql(stack, ACTIVATE, { input: { ...input, acceptConditions: false, idempotencyKey: 'story-refused-1' } }, token);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.acceptConditions' });
    const other = await confirmedActivation(stack, token, { ...request, smsNumber: '3331234567' });
    const mismatched = await graphql(stack, ACTIVATE, { input: { ...input, confirmationRef: other.confirmationRef, idempotencyKey: 'story-refused-2' } }, token);
    expect(mismatched.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.confirmationRef' });
    expect((await counters(stack, 'crm')).CreaPratica ?? 0).toBe(before.CreaPratica ?? 0);

    const { body } = await graphql(stack, ACTIVATE, { input: { ...input, idempotencyKey: 'story-activation' } }, token);
    expect(body.errors).toBeUndefined();
    const outcome = body.data.activateTimTuoByDirectDebit;
    expect(outcome.request.description).toBe('Domiciliazione tim tuo');
    expect(outcome.order.id).toMatch(/^\d+$/);
    expect(outcome.line.employeeTimTuo).toMatchObject({
      associated: true, taxCode: 'MNCMNL83C12A944Q', lastName: 'MANCINI', firstName: 'EMANUELE', status: 'ACTIVE',
      billingAccount: { paymentMethod: 'DIRECT_DEBIT', maskedIban: 'IT66A******************2345', directDebitStatus: 'ACTIVE' },
    });
    expect(outcome.line.employeeTimTuo.personalContractCode).toMatch(/^888200\d{6}$/);

    const written = await counters(stack, 'crm');
    const again = await graphql(stack, ACTIVATE, { input: { ...input, idempotencyKey: 'story-activation' } }, token);
    expect(again.body.data.activateTimTuoByDirectDebit).toEqual(outcome);
    expect((await counters(stack, 'crm')).CreaPratica).toBe(written.CreaPratica);
  });

  it('discards a direct debit whose holder is not the bank\'s: SCARTATA, paid by postal slip (ivan.eu)', async () => {
    const stack = matrix.stack();
    const token = await tokenFor(stack, 'ivan.eu');
    const request = {
      number: '3312547899', paymentMethod: 'DIRECT_DEBIT', invoiceAddress: INVOICE_ADDRESS,
      directDebit: { ...EMANUELE_DIRECT_DEBIT, accountHolder: { ...EMANUELE_DIRECT_DEBIT.accountHolder, firstName: 'IVAN', lastName: 'FERRARI', taxCode: 'FRRVNI79H05A944V' } },
    };
    const input = await confirmedActivation(stack, token, request);
    const { body } = await graphql(stack, ACTIVATE, { input: { ...input, idempotencyKey: 'story-discarded' } }, token);
    expect(body.errors).toBeUndefined();
    expect(body.data.activateTimTuoByDirectDebit.line.employeeTimTuo).toMatchObject({
      associated: true, status: 'ACTIVE', billingAccount: { paymentMethod: 'POSTAL_SLIP', maskedIban: 'IT66A******************2345', directDebitStatus: 'DISCARDED' },
    });
  });
});

describe('BIL-10 the rules of §9.2.1.1.2 on the changes: refused before anything is written', () => {
  const CHANGE = (mutation: string) => `mutation($input: ChangeTimTuoPaymentInput!) { ${mutation}(input: $input) { request { id } } }`;
  const change = async (username: string, mutation: string, input: Record<string, unknown>) =>
    (await graphql(matrix.stack(), CHANGE(mutation), { input: { idempotencyKey: `rules-${username.replace('.', '-')}-${mutation}`, ...input } }, await tokenFor(matrix.stack(), username))).body;

  it('refuses the method already active, an IBAN without a direct debit, and an activation of a line already active', async () => {
    const before = (await counters(matrix.stack(), 'crm')).CreaPratica ?? 0;
    const same = await change('pasquale.eu', 'switchTimTuoPaymentToDirectDebit', { number: PASQUALE_LINE, directDebit: EMANUELE_DIRECT_DEBIT });
    expect(same.errors[0]).toMatchObject({ message: 'The direct debit is already the payment method.', extensions: { code: 'LEGACY_REJECTED' } });
    const iban = await change('laura.eu', 'changeTimTuoIban', { number: '3312548662', directDebit: EMANUELE_DIRECT_DEBIT });
    expect(iban.errors[0]).toMatchObject({ message: 'The IBAN can be changed only while the direct debit is the payment method.', extensions: { code: 'LEGACY_REJECTED' } });
    const active = (await graphql(matrix.stack(), summaryOf(PASQUALE_LINE), {}, matrix.token('pasquale.eu'))).body;
    expect(active.errors[0].extensions.code).toBe('LEGACY_REJECTED');
    expect((await counters(matrix.stack(), 'crm')).CreaPratica ?? 0).toBe(before);
  });

  it('is FORBIDDEN to the ROA who sees the line, and another employee\'s line is NOT_FOUND like an unknown one', async () => {
    expect((await change('vincenzo.roa', 'switchTimTuoPaymentToPostalSlip', { number: PASQUALE_LINE })).errors[0].extensions.code).toBe('FORBIDDEN');
    const foreign = (await change('laura.eu', 'switchTimTuoPaymentToPostalSlip', { number: PASQUALE_LINE })).errors[0];
    const unknown = (await change('laura.eu', 'switchTimTuoPaymentToPostalSlip', { number: '3999999999' })).errors[0];
    expect(foreign.extensions.code).toBe('NOT_FOUND');
    expect(foreign.message).toBe(unknown.message);
  });
});

describe('BIL-10 Gestisci on a line the ROA has not enabled (seed 002 §9.2.1.1: "La tabella è vuota")', () => {
  it('shows franco.eu his line and no TIM TUO, and refuses him the summary of an activation', async () => {
    const token = await tokenFor(matrix.stack(), 'franco.eu');
    const { body } = await graphql(matrix.stack(), GESTISCI('3312544025'), {}, token);
    expect(body.errors).toBeUndefined();
    expect(body.data.mobileLine).toEqual({ number: '3312544025', employeeTimTuo: null });
    const summary = (await graphql(matrix.stack(), summaryOf('3312544025'), {}, token)).body;
    expect(summary.errors[0].extensions.code).toBe('LEGACY_REJECTED');
  });
});
