import { describe, expect, it } from 'vitest';
import { createEbillClient } from '../../adapters/ebill';
import { asUser, crmWrites } from '../support/as-user';
import { counters, graphql, setFaults, tokenFor } from '../support/stack';
import { useStack } from '../support/use-stack';

/**
 * The Area Clienti's "Linee e Servizi" changes through the real stack, one stack for the file (schema/area-clienti-changes.yaml).
 *
 * MOB-05 and FIX-02 through the real stack (seed 000 "Linee e Servizi": "Cessare / Revocare la cessazione di una
 * linea ... sia su singola linea che su più linee contemporaneamente"): company A's RL, AF and the holding referent
 * cease and revoke, every other profile is refused, a foreign line answers like an unknown one, and a retried list
 * repeats nothing. The test's today is 2026-11-23 (LEGACY_TODAY).
 */
const CEASE_MOBILE = `mutation($input: CeaseMobileLinesInput!) { ceaseMobileLines(input: $input) {
  number outcome { request { id description status } order { id } line { number status cessationScheduledOn } } refusal { code message field } } }`;
const REVOKE_MOBILE = `mutation($input: RevokeMobileLineCessationInput!) { revokeMobileLineCessation(input: $input) {
  number outcome { request { id description status } order { id } line { number status cessationScheduledOn } } refusal { code message field } } }`;
const CEASE_FIXED = `mutation($input: CeaseFixedLinesInput!) { ceaseFixedLines(input: $input) {
  number outcome { request { id description } order { id } fixedLine { number status cessationScheduledOn } } refusal { code message field } } }`;
const REVOKE_FIXED = `mutation($input: RevokeFixedLineCessationInput!) { revokeFixedLineCessation(input: $input) {
  number outcome { request { id description } order { id } fixedLine { number status cessationScheduledOn } } refusal { code message field } } }`;

const lines = (...numbers: string[]) => numbers.map((number) => ({ number }));

const stack = useStack();
const writes = () => crmWrites(stack);
const as = (username: string, query: string, input: Record<string, unknown>) => asUser(stack, username, query, { input });

describe('MOB-05 cease mobile lines and revoke their cessation (Area Clienti)', () => {
  let first: { number: string; outcome: { request: { id: string }; order: { id: string } } }[] = [];

  it('MOB-05 the RL ceases two lines in one request: per line a pratica "Cessazione linea" and its ordine, the line active until the day asked', async () => {
    const before = await writes();
    const body = await as('ginevra.vallisneri', CEASE_MOBILE, { lines: lines('3343860505', '3343860902'), effectiveOn: '2026-12-15', idempotencyKey: 'cease-two-lines' });
    expect(body.errors).toBeUndefined();
    first = body.data.ceaseMobileLines;
    expect(first.map((r) => r.number)).toEqual(['3343860505', '3343860902']);
    for (const result of body.data.ceaseMobileLines) {
      expect(result.refusal).toBeNull();
      expect(result.outcome.request).toMatchObject({ description: 'Cessazione linea', status: 'OPEN' });
      expect(result.outcome.order.id).toMatch(/^\d+$/);
      expect(result.outcome.line).toEqual({ number: result.number, status: 'ACTIVE', cessationScheduledOn: '2026-12-15' });
    }
    expect(await writes()).toBe(before + 2);
    const read = await graphql(stack, '{ mobileLine(number: "3343860902") { status cessationScheduledOn } requests { id description } }', {}, await tokenFor(stack, 'luca.ferri'));
    expect(read.body.data.mobileLine).toEqual({ status: 'ACTIVE', cessationScheduledOn: '2026-12-15' });
    expect(read.body.data.requests).toContainEqual({ id: first[1].outcome.request.id, description: 'Cessazione linea' });
  });

  it('MOB-05 a retry of the same list with the same key answers the same pratiche and writes nothing', async () => {
    const before = await writes();
    const body = await as('ginevra.vallisneri', CEASE_MOBILE, { lines: lines('3343860505', '3343860902'), effectiveOn: '2026-12-15', idempotencyKey: 'cease-two-lines' });
    expect(body.data.ceaseMobileLines.map((r: typeof first[number]) => [r.number, r.outcome.request.id, r.outcome.order.id]))
      .toEqual(first.map((r) => [r.number, r.outcome.request.id, r.outcome.order.id]));
    expect(await writes()).toBe(before);
  });

  it('MOB-05 in one list a line already scheduled is refused, a foreign line answers like an unknown one, and the others go on', async () => {
    const before = await writes();
    const body = await as('luca.ferri', CEASE_MOBILE, {
      lines: lines('3343860505', '3471000001', '3999999999', '3343860405'), effectiveOn: '2027-01-10', idempotencyKey: 'cease-mixed-list' });
    const [scheduled, foreign, unknown, ceased] = body.data.ceaseMobileLines;
    expect(scheduled.refusal).toMatchObject({ code: 'LEGACY_REJECTED' });
    expect(scheduled.refusal.message).toContain('2026-12-15');
    expect(foreign.refusal).toMatchObject({ code: 'NOT_FOUND' });
    expect(foreign.refusal).toEqual(unknown.refusal);
    expect(ceased.outcome.line).toEqual({ number: '3343860405', status: 'ACTIVE', cessationScheduledOn: '2027-01-10' });
    expect(await writes()).toBe(before + 1);
  });

  it('MOB-05 the AF revokes a scheduled cessation: pratica "Revoca cessazione linea", no ordine, the line no longer scheduled; a second revocation is refused', async () => {
    const body = await as('luca.ferri', REVOKE_MOBILE, { lines: lines('3343860902'), idempotencyKey: 'revoke-3343860902' });
    const [result] = body.data.revokeMobileLineCessation;
    expect(result.outcome).toMatchObject({ request: { description: 'Revoca cessazione linea', status: 'CLOSED' }, order: null,
      line: { number: '3343860902', status: 'ACTIVE', cessationScheduledOn: null } });
    const before = await writes();
    const again = await as('luca.ferri', REVOKE_MOBILE, { lines: lines('3343860902'), idempotencyKey: 'revoke-3343860902-again' });
    expect(again.data.revokeMobileLineCessation[0].refusal).toMatchObject({ code: 'LEGACY_REJECTED', message: 'No cessation of this line is scheduled.' });
    expect(await writes()).toBe(before);
  });

  it('MOB-05 the holding referent ceases a line of a company of his group', async () => {
    const body = await as('marta.holding', CEASE_MOBILE, { lines: lines('3471000002'), effectiveOn: '2026-12-01', idempotencyKey: 'holding-cease' });
    expect(body.data.ceaseMobileLines[0].outcome.line).toEqual({ number: '3471000002', status: 'ACTIVE', cessationScheduledOn: '2026-12-01' });
  });

  it.each([
    ['a day that is not after today', { effectiveOn: '2026-11-23' }, 'input.effectiveOn'],
    ['a day more than 90 days ahead', { effectiveOn: '2027-02-22' }, 'input.effectiveOn'],
    ['a number that is not a mobile number', { lines: lines('066633987') }, 'input.lines[0].number'],
    ['no line', { lines: [] }, 'input.lines'],
  ])('MOB-05 refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_what, change, field) => {
    const before = await writes();
    const body = await as('ginevra.vallisneri', CEASE_MOBILE, { lines: lines('3343860405'), effectiveOn: '2026-12-20', idempotencyKey: 'cease-bad-input', ...change });
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await writes()).toBe(before);
  });

  it.each([
    ['sara.neri', 'AL, his own line', '3343860405'],
    ['giada.mantesi', 'UT', '3343860902'],
    ['paolo.verdi', 'UTD', '3343860505'],
    ['cessato.fisso', 'CC', '3343860505'],
    ['vincenzo.roa', 'ROA of a CM8 contract', '3312545395'],
    ['pasquale.eu', 'EU and ROA', '3351050823'],
  ])('MOB-05 refuses %s (%s) with FORBIDDEN and writes nothing', async (username, _profile, number) => {
    const before = await writes();
    const calls = [[CEASE_MOBILE, 'ceaseMobileLines', { effectiveOn: '2026-12-20' }], [REVOKE_MOBILE, 'revokeMobileLineCessation', {}]] as const;
    for (const [query, field, terms] of calls) {
      const body = await as(username, query, { lines: lines(number), ...terms, idempotencyKey: `refused-${username}` });
      expect(body.data?.[field] ?? null).toBeNull();
      expect(body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN']);
    }
    expect(await writes()).toBe(before);
  });

  it('MOB-05 the CM8 portal keeps its answer: no cessation online, the customer service of the Convenzione', async () => {
    const token = await tokenFor(stack, 'vincenzo.roa');
    const { body } = await graphql(stack, '{ simCessation { possibleOnline tollFreeNumber } }', {}, token);
    expect(body.data.simCessation).toEqual({ possibleOnline: false, tollFreeNumber: '800.680.068' });
  });
});

describe('FIX-02 cease fixed lines and revoke their cessation (Area Clienti)', () => {
  it('FIX-02 the RL ceases the company\'s fixed line; another company\'s line answers like an unknown one', async () => {
    const before = await writes();
    const body = await as('ginevra.vallisneri', CEASE_FIXED, { lines: lines('066633987', '021234567', '0999999999'), effectiveOn: '2026-12-31', idempotencyKey: 'cease-fixed' });
    expect(body.errors).toBeUndefined();
    const [own, foreign, unknown] = body.data.ceaseFixedLines;
    expect(own.outcome).toMatchObject({ request: { description: 'Cessazione linea' }, fixedLine: { number: '066633987', status: 'ACTIVE', cessationScheduledOn: '2026-12-31' } });
    expect(own.outcome.order.id).toMatch(/^\d+$/);
    expect(foreign.refusal).toMatchObject({ code: 'NOT_FOUND' });
    expect(foreign.refusal).toEqual(unknown.refusal);
    expect(await writes()).toBe(before + 1);
    const read = await graphql(stack, '{ fixedLine(number: "066633987") { status cessationScheduledOn } }', {}, await tokenFor(stack, 'luca.ferri'));
    expect(read.body.data.fixedLine).toEqual({ status: 'ACTIVE', cessationScheduledOn: '2026-12-31' });
  });

  it('FIX-02 the AF revokes it while the day is ahead; the line is no longer scheduled', async () => {
    const body = await as('luca.ferri', REVOKE_FIXED, { lines: lines('066633987'), idempotencyKey: 'revoke-fixed' });
    expect(body.data.revokeFixedLineCessation[0].outcome).toMatchObject({
      request: { description: 'Revoca cessazione linea' }, order: null, fixedLine: { number: '066633987', status: 'ACTIVE', cessationScheduledOn: null } });
  });

  it('FIX-02 refuses a mobile number with BAD_USER_INPUT naming it, and the AL, UT and CC with FORBIDDEN; nothing written', async () => {
    const before = await writes();
    const bad = await as('ginevra.vallisneri', CEASE_FIXED, { lines: lines('3343860505'), effectiveOn: '2026-12-31', idempotencyKey: 'cease-fixed-bad' });
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[0].number' });
    for (const username of ['sara.neri', 'giada.mantesi', 'cessato.fisso']) {
      const body = await as(username, CEASE_FIXED, { lines: lines('066633987'), effectiveOn: '2026-12-31', idempotencyKey: `cease-fixed-${username}` });
      expect(body.errors.map((e: { extensions: { code: string } }) => e.extensions.code), username).toEqual(['FORBIDDEN']);
    }
    expect(await writes()).toBe(before);
  });
});

/*
 * MOB-02 and FIX-05 through the real stack (seed 000 "Linee e Servizi": the mobile contract and the fixed lines offer
 * "Domiciliazione Pagamento", "Dis/Abilitazione NoCarta", "Modifica Recapito Fattura"; seed 001: RL and AF, never the
 * AL). A mobile contract's direct debit is recorded in CRM and applied in eBill, exactly once through eBill failing.
 */
const SETTINGS = `query($number: ID!) { contract(number: $number) { number paymentSettings { paperless directDebit { maskedIban accountHolder requestedOn } } } }`;
const outcome = 'request { id description status } contract { number paymentSettings { paperless directDebit { maskedIban accountHolder } } }';
const ENABLE = `mutation($input: PaperlessInvoiceInput!) { enablePaperlessInvoice(input: $input) { ${outcome} } }`;
const DEBIT = `mutation($input: RequestDirectDebitInput!) { requestDirectDebit(input: $input) { ${outcome} } }`;
const ADDRESS = `mutation($input: ChangeDeliveryAddressInput!) { changeInvoiceDeliveryAddress(input: $input) {
  request { description } contract { details { invoiceDeliveryAddress { street city } } } } }`;

const IBAN = 'IT60X0542811101000000123456';

/** A document with its variables as a demo user (the cessation tests' `as` sends an input). */
const ask = (username: string, query: string, variables: Record<string, unknown>) => asUser(stack, username, query, variables);

/** eBill's mandates, read through the real adapter as the graph would. */
function ebill() {
  const { url } = stack.components.get('ebill')!;
  return createEbillClient({ url });
}

describe('MOB-02 and FIX-05 a contract\'s NoCarta, direct debit and invoice address', () => {
  it('MOB-02 the RL reads the mobile contract\'s settings: paper invoice, no direct debit', async () => {
    const body = await ask('ginevra.vallisneri', SETTINGS, { number: '888012170373' });
    expect(body.data.contract.paymentSettings).toEqual({ paperless: false, directDebit: null });
  });

  it('MOB-02 the RL asks for the direct debit with an Italian IBAN: CRM records it masked, eBill holds the mandate under the pratica', async () => {
    const body = await ask('ginevra.vallisneri', DEBIT, { input: { contractNumber: '888012170373', iban: 'it60 x054 2811 1010 0000 0123 456', accountHolder: 'Vallisneri Ginevra', idempotencyKey: 'debit-mobile' } });
    expect(body.errors).toBeUndefined();
    const { request, contract } = body.data.requestDirectDebit;
    expect(request).toMatchObject({ description: 'Domiciliazione pagamento', status: 'OPEN' });
    expect(contract.paymentSettings.directDebit).toEqual({ maskedIban: 'IT60X******************3456', accountHolder: 'VALLISNERI GINEVRA' });
    const client = ebill();
    const [mandate] = await client.getContractDirectDebits(['888012170373']);
    await client.close();
    expect(mandate).toMatchObject({ contractNumber: '888012170373', maskedIban: 'IT60X******************3456', operationId: request.id });
  });

  it('FIX-05 the AF turns NoCarta on and asks for direct debit on the fixed contract (recorded in CRM, not eBill\'s), the RL changes its invoice address', async () => {
    const enabled = await ask('luca.ferri', ENABLE, { input: { contractNumber: '066633987', idempotencyKey: 'nocarta-fixed' } });
    expect(enabled.data.enablePaperlessInvoice).toMatchObject({ request: { description: 'Attivazione NoCarta', status: 'CLOSED' },
      contract: { number: '066633987', paymentSettings: { paperless: true, directDebit: null } } });
    const ebillCalls = (await counters(stack, 'ebill'))['contratti/domiciliazione'] ?? 0;
    const debit = await ask('luca.ferri', DEBIT, { input: { contractNumber: '066633987', iban: IBAN, accountHolder: 'VALLISNERI GINEVRA', idempotencyKey: 'debit-fixed' } });
    expect(debit.data.requestDirectDebit.contract.paymentSettings).toEqual({ paperless: true, directDebit: { maskedIban: 'IT60X******************3456', accountHolder: 'VALLISNERI GINEVRA' } });
    expect((await counters(stack, 'ebill'))['contratti/domiciliazione'] ?? 0).toBe(ebillCalls);
    const address = await ask('ginevra.vallisneri', ADDRESS, { input: { contractNumber: '066633987',
      address: { street: 'VIA TORINO', houseNumber: '5', postalCode: '20123', city: 'Milano', province: 'MI' }, idempotencyKey: 'address-fixed' } });
    expect(address.data.changeInvoiceDeliveryAddress).toEqual({ request: { description: 'Modifica recapito rendiconto' },
      contract: { details: { invoiceDeliveryAddress: { street: 'VIA TORINO', city: 'MILANO' } } } });
  });

  it('MOB-02 NoCarta already on is refused in our words, and nothing is written', async () => {
    const before = await writes();
    const again = await ask('ginevra.vallisneri', ENABLE, { input: { contractNumber: '066633987', idempotencyKey: 'nocarta-fixed-again' } });
    expect(again.errors[0]).toMatchObject({ message: 'NoCarta is already active on this contract.', extensions: { code: 'LEGACY_REJECTED' } });
    expect(await writes()).toBe(before);
  });

  it.each([
    ['a foreign IBAN', { iban: 'DE89370400440532013000' }, 'input.iban'],
    ['an Italian IBAN with a wrong check', { iban: 'IT61X0542811101000000123456' }, 'input.iban'],
    ['no account holder', { accountHolder: ' ' }, 'input.accountHolder'],
  ])('MOB-02 refuses %s with BAD_USER_INPUT naming the field, and writes nothing', async (_what, change, field) => {
    const before = await writes();
    const body = await ask('ginevra.vallisneri', DEBIT, { input: { contractNumber: '888012170373', iban: IBAN, accountHolder: 'X', idempotencyKey: 'debit-bad', ...change } });
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await writes()).toBe(before);
  });

  it('MOB-02 another company\'s contract answers like an unknown one, and nothing is written', async () => {
    const before = await writes();
    const foreign = await ask('mario.rossi', ENABLE, { input: { contractNumber: '888012170373', idempotencyKey: 'nocarta-foreign' } });
    const unknown = await ask('mario.rossi', ENABLE, { input: { contractNumber: '888000000000', idempotencyKey: 'nocarta-unknown' } });
    expect(foreign.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(foreign.errors[0].message).toBe(unknown.errors[0].message);
    expect(await writes()).toBe(before);
  });

  it.each([
    ['sara.neri', 'AL'], ['giada.mantesi', 'UT'], ['paolo.verdi', 'UTD'], ['cessato.fisso', 'CC'], ['vincenzo.roa', 'ROA'],
  ])('MOB-02 refuses %s (%s): no settings to read, FORBIDDEN to change, nothing written', async (username) => {
    const before = await writes();
    const read = await ask(username, SETTINGS, { number: '888012170373' });
    expect(read.data?.contract?.paymentSettings ?? null).toBeNull();
    const body = await ask(username, DEBIT, { input: { contractNumber: '888012170373', iban: IBAN, accountHolder: 'X', idempotencyKey: `debit-${username}` } });
    expect(body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect(await writes()).toBe(before);
  });

  it('MOB-02 exactly once across CRM and eBill: eBill failing after the pratica, the retry with the same key completes it once', async () => {
    const input = { contractNumber: '888012170373', iban: 'IT42L1234512345123456789012', accountHolder: 'FERRI LUCA', idempotencyKey: 'debit-ebill-down' };
    const debits = async () => ((await ask('luca.ferri', '{ requests { id description } }', {})).data.requests as { description: string }[])
      .filter((r) => r.description === 'Domiciliazione pagamento').length;
    const recorded = await debits();
    await setFaults(stack, 'ebill', { 'contratti/domiciliazione': { down: true } });
    const failed = await ask('luca.ferri', DEBIT, { input });
    expect(failed.errors[0].extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system: 'eBill' });
    await setFaults(stack, 'ebill', { 'contratti/domiciliazione': null });
    const before = await writes();
    const retried = await ask('luca.ferri', DEBIT, { input });
    expect(retried.errors).toBeUndefined();
    expect(await writes()).toBe(before);
    const client = ebill();
    const [mandate] = await client.getContractDirectDebits(['888012170373']);
    await client.close();
    expect(mandate).toMatchObject({ holder: 'FERRI LUCA', operationId: retried.data.requestDirectDebit.request.id });
    expect(await debits()).toBe(recorded + 1);
  });
});

describe('TRK-01 and TRK-02 the fixed side\'s orders and requests', () => {
  const ORDERS = '{ orders { id line { number } fixedLine { number status } request { id fixedLine { number } line { number } } } }';

  it('TRK-01 an order and its request on the fixed line name it as a fixed line; a mobile order names its mobile line', async () => {
    const body = await ask('luca.ferri', ORDERS, {});
    expect(body.errors).toBeUndefined();
    const byId = new Map(body.data.orders.map((o: { id: string }) => [o.id, o]));
    expect(byId.get('74530000001')).toEqual({ id: '74530000001', line: null, fixedLine: { number: '066633987', status: 'ACTIVE' },
      request: { id: '7-64530000001', fixedLine: { number: '066633987' }, line: null } });
    expect(byId.get('73310245871')).toMatchObject({ line: { number: '3343860902' }, fixedLine: null });
  });

  it('TRK-02 the shipment tracking of the fixed order lists the macro-phases and the states, each with its date', async () => {
    const body = await ask('ginevra.vallisneri', `{ order(id: "74530000001") { shipmentStatus
      shipmentTracking { phase reachedOn } shipmentStates { state phase reachedOn } } }`, {});
    expect(body.data.order).toEqual({
      shipmentStatus: 'In transito',
      shipmentTracking: [
        { phase: 'Ordine ricevuto', reachedOn: '2026-11-19' }, { phase: 'In preparazione', reachedOn: '2026-11-20' }, { phase: 'Spedito', reachedOn: '2026-11-21' },
      ],
      shipmentStates: [
        { state: 'Approvato', phase: 'Ordine ricevuto', reachedOn: '2026-11-19' },
        { state: 'In lavorazione', phase: 'In preparazione', reachedOn: '2026-11-20' },
        { state: 'Pronto per la spedizione', phase: 'In preparazione', reachedOn: '2026-11-20' },
        { state: 'Affidato al corriere', phase: 'Spedito', reachedOn: '2026-11-21' },
        { state: 'In transito', phase: 'Spedito', reachedOn: '2026-11-21' },
      ],
    });
  });

  it('TRK-01 another company\'s fixed order answers like an unknown one', async () => {
    const body = await ask('mario.rossi', '{ foreign: order(id: "74530000001") { id } unknown: order(id: "74000000000") { id } }', {});
    expect(body.data).toEqual({ foreign: null, unknown: null });
  });
});

describe('FIX-03 the trasloco of a fixed line', () => {
  const MOVE = `mutation($input: MoveFixedLineInput!) { moveFixedLine(input: $input) {
    request { description status } order { id } fixedLine { number status site { street city } pendingMove { site { street postalCode city province } activeBy } } } }`;
  const SITE = { street: 'Via Torino 5', postalCode: '20123', city: 'Milano', province: 'MI' };

  it('FIX-03 the RL moves the fixed line: active at the new site within 10 days, and the contract\'s direct debit must be asked again', async () => {
    const before = await ask('ginevra.vallisneri', SETTINGS, { number: '066633987' });
    expect(before.data.contract.paymentSettings.directDebit).not.toBeNull();
    const body = await ask('ginevra.vallisneri', MOVE, { input: { number: '066633987', site: SITE, idempotencyKey: 'move-fixed' } });
    expect(body.errors).toBeUndefined();
    expect(body.data.moveFixedLine).toMatchObject({ request: { description: 'Trasloco linea fissa', status: 'OPEN' }, order: { id: expect.stringMatching(/^\d+$/) },
      fixedLine: { number: '066633987', status: 'ACTIVE', site: { street: 'VIA PAVIA 2', city: 'MILANO' },
        pendingMove: { site: { street: 'VIA TORINO 5', postalCode: '20123', city: 'MILANO', province: 'MI' }, activeBy: '2026-12-03' } } });
    const after = await ask('ginevra.vallisneri', SETTINGS, { number: '066633987' });
    expect(after.data.contract.paymentSettings.directDebit).toBeNull();
  });

  it('FIX-03 a second move while one is under way is refused, the AL is FORBIDDEN, a bad postal code names its field; nothing written', async () => {
    const before = await writes();
    const again = await ask('luca.ferri', MOVE, { input: { number: '066633987', site: SITE, idempotencyKey: 'move-fixed-again' } });
    expect(again.errors[0]).toMatchObject({ message: 'A move of this line is already under way: active at the new site by 2026-12-03.', extensions: { code: 'LEGACY_REJECTED' } });
    const al = await ask('sara.neri', MOVE, { input: { number: '066633987', site: SITE, idempotencyKey: 'move-fixed-al' } });
    expect(al.errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await ask('ginevra.vallisneri', MOVE, { input: { number: '066633987', site: { ...SITE, postalCode: '2012' }, idempotencyKey: 'move-fixed-bad' } });
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.site.postalCode' });
    expect(await writes()).toBe(before);
  });
});
