import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestParameters } from '../../legacy/crm/request-parameters';
import { minimalPdf } from '../../legacy/runtime/pdf';
import { counters, graphql, startTestStack, tokenFor, type TestStack } from '../support/stack';
import { uploadFile } from '../support/uploads';
import { confirmed, sendChange } from '../support/change-summary';

/**
 * Issue 9 item 7, the CM8 SIM management of the ROA (seed 002 §7.3.5, §7.3.6, §7.3.9-§7.3.13) end to end: what the
 * pages show first, the seed's rules, and bad input refused naming its field before anything is written.
 */
const LINE_SETTINGS = `query ($number: ID!) { mobileLine(number: $number) {
  planFamily bundleEnablements { enablement enabled modifiable } networkServices { category enabled } rifProfile { code }
} }`;
const BUNDLES = `mutation ($input: SetBundleEnablementsInput!) { setBundleEnablements(input: $input) {
  number outcome { request { id description } order { id } line { bundleEnablements { enablement enabled } } } refusal { code message field }
} }`;
const NETWORK = `mutation ($input: SetNetworkServicesInput!) { setNetworkServices(input: $input) {
  request { id description status } line { networkServices { category enabled } }
} }`;
const RIF = 'mutation ($input: SetRifProfileInput!) { setRifProfile(input: $input) { request { id } line { rifProfile { code } } } }';
const SPARE = 'mutation ($input: RequestSpareSimsInput!) { requestSpareSims(input: $input) { request { id description status } order { id } contract { number } } }';
const ACTIVATE = 'mutation ($input: RequestDeferredSimActivationInput!) { requestDeferredSimActivation(input: $input) { request { id status } } }';
const IMEI = 'mutation ($input: BlockImeiInput!) { blockImei(input: $input) { request { id description status } order { id } line { number } } }';

let stack: TestStack;
let roa: string;
beforeAll(async () => {
  // One user makes every change here, faster than the gateway's 30 a minute allow (that limit has its own test).
  stack = await startTestStack({ readyTimeoutMs: 200_000, componentEnv: { gateway: { MUTATIONS_PER_MINUTE: '1000' } } });
  roa = await tokenFor(stack, 'vincenzo.roa');
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

const creaPratica = async () => (await counters(stack, 'crm')).CreaPratica ?? 0;

/** What the back office reads of a pratica in CRM: its parameters and the attachments it claimed. */
function keptWith(requestId: string): Record<string, string[]> {
  const db = new Database(join(stack.dataDir, 'crm.sqlite'), { readonly: true });
  try {
    const kept: Record<string, string[]> = {};
    for (const { name, value } of requestParameters(db, requestId)) (kept[name] ??= []).push(value);
    return kept;
  } finally {
    db.close();
  }
}

async function expectRefusedField(document: string, input: Record<string, unknown>, field: string, token = roa) {
  const { body } = await sendChange(stack, document, input, token);
  expect(body.errors?.[0]?.extensions, JSON.stringify(body.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field });
}

describe('what the pages show first', () => {
  it('MOB-10, MOB-12, MOB-13: a PA 8 line is pay-per-use: only Over Bundle Extra UE may change; it has its direttrici and a RIF profile', async () => {
    const { body } = await graphql(stack, LINE_SETTINGS, { number: '3312545395' }, roa);
    expect(body.errors).toBeUndefined();
    const line = body.data.mobileLine;
    expect(line.planFamily).toBe('POSTPAID_PAY_PER_USE');
    expect(line.bundleEnablements.filter((b: { modifiable: boolean }) => b.modifiable).map((b: { enablement: string }) => b.enablement))
      .toEqual(['OVER_BUNDLE_EXTRA_EU']);
    expect(line.networkServices).toContainEqual({ category: 'ROAMING', enabled: true });
    expect(line.rifProfile).toEqual({ code: 'RIF_00' });
  });

  it('3700801103 (RICARICABILE Business VOLTE) is prepaid: all three enablements may change, no direttrici', async () => {
    const { body } = await graphql(stack, LINE_SETTINGS, { number: '3700801103' }, await tokenFor(stack, 'pasquale.eu'));
    expect(body.data.mobileLine.planFamily).toBe('PREPAID');
    expect(body.data.mobileLine.bundleEnablements.every((b: { modifiable: boolean }) => b.modifiable)).toBe(true);
    expect(body.data.mobileLine.networkServices).toEqual([]);
  });

  it('MOB-05, MOB-13: the RIF legend and the SIM cessation instructions (800.680.068) come without calling CRM', async () => {
    const before = await counters(stack, 'crm');
    const { body } = await graphql(stack, `{ rifProfiles { code description }
      simCessation { possibleOnline tollFreeNumber hours { days opensAt closesAt } excludesNationalHolidays } }`, {}, roa);
    expect(body.errors).toBeUndefined();
    expect(body.data.rifProfiles.map((p: { code: string }) => p.code)).toContain('RIF_01');
    expect(body.data.simCessation).toEqual({
      possibleOnline: false, tollFreeNumber: '800.680.068', excludesNationalHolidays: true,
      hours: [{ days: 'Monday to Friday', opensAt: '09:00', closesAt: '18:00' }, { days: 'Saturday', opensAt: '09:00', closesAt: '14:00' }],
    });
    const after = await counters(stack, 'crm');
    expect(after.CreaPratica ?? 0).toBe(before.CreaPratica ?? 0);
  });
});

describe('MOB-10 over/extra bundle enablement, many lines at once (§7.3.5)', () => {
  it('refuses Extra bundle on a pay-per-use line naming the item\'s field, and enables it on a package line', async () => {
    // The summary (Appendix row 8) confirms the package line; the pay-per-use one is refused by its rule first.
    const { confirmationRef } = await confirmed(stack, roa, 'setBundleEnablements', { lines: [{ number: '3312548662', extraBundle: true }] });
    const input = { lines: [{ number: '3312545395', extraBundle: true }, { number: '3312548662', extraBundle: true }], confirmationRef, idempotencyKey: 'sim-mgmt-bundles-1' };
    const { body } = await sendChange(stack, BUNDLES, input, roa);
    expect(body.errors).toBeUndefined();
    const [payPerUse, pack] = body.data.setBundleEnablements;
    expect(payPerUse).toMatchObject({ number: '3312545395', outcome: null, refusal: { code: 'BAD_USER_INPUT', field: 'input.lines[0].extraBundle' } });
    expect(pack.refusal).toBeNull();
    expect(pack.outcome.request.description).toBe('Modif abilit over-ext bundle');
    expect(pack.outcome.order).not.toBeNull();
    expect(pack.outcome.line.bundleEnablements).toContainEqual({ enablement: 'EXTRA_BUNDLE', enabled: true });

    const writes = await creaPratica();
    const again = await sendChange(stack, BUNDLES, input, roa);
    expect(again.body.data.setBundleEnablements[1].outcome.request.id).toBe(pack.outcome.request.id);
    expect(await creaPratica()).toBe(writes);
  });

  it('refuses a list with the same line twice, or an item with no enablement, before writing anything', async () => {
    const writes = await creaPratica();
    await expectRefusedField(BUNDLES, { lines: [{ number: '3312545395', overBundleExtraEu: true }, { number: '3312545395', overBundleExtraEu: false }],
      idempotencyKey: 'sim-mgmt-bundles-2' }, 'input.lines[1]');
    await expectRefusedField(BUNDLES, { lines: [{ number: '3312545395' }], idempotencyKey: 'sim-mgmt-bundles-3' }, 'input.lines[0].overBundleExtraEu');
    expect(await creaPratica()).toBe(writes);
  });
});

describe('MOB-12 network services and MOB-13 RIF profile (§7.3.9, §7.3.10)', () => {
  it('blocks roaming on a postpaid line: request "Servizi di rete" closed, no order, the line shows it blocked', async () => {
    const { body } = await sendChange(stack, NETWORK, { number: '3312547228', changes: [{ category: 'ROAMING', enabled: false }],
      idempotencyKey: 'sim-mgmt-network-1' }, roa);
    expect(body.errors).toBeUndefined();
    expect(body.data.setNetworkServices.request).toMatchObject({ description: 'Servizi di rete', status: 'CLOSED' });
    expect(body.data.setNetworkServices.line.networkServices).toContainEqual({ category: 'ROAMING', enabled: false });
  });

  it('refuses a prepaid line with our words, and a category listed twice naming it; writes nothing', async () => {
    const writes = await creaPratica();
    const prepaid = await sendChange(stack, NETWORK, { number: '3700801103', changes: [{ category: 'ROAMING', enabled: false }],
      idempotencyKey: 'sim-mgmt-network-2' }, await tokenFor(stack, 'pasquale.eu'));
    expect(prepaid.body.errors[0].extensions.code).toBe('LEGACY_REJECTED');
    expect(prepaid.body.errors[0].message).toBe('Network services can be managed on postpaid lines only: this line is prepaid.');
    await expectRefusedField(NETWORK, { number: '3312547228', changes: [{ category: 'ROAMING', enabled: true }, { category: 'ROAMING', enabled: false }],
      idempotencyKey: 'sim-mgmt-network-3' }, 'input.changes[1].category');
    expect(await creaPratica()).toBe(writes);
  });

  it('changes the RIF profile, refuses an unknown one naming input.profile, and the profile of a foreign line is NOT_FOUND', async () => {
    const { body } = await sendChange(stack, RIF, { number: '3312545213', profile: 'RIF_03', idempotencyKey: 'sim-mgmt-rif-1' }, roa);
    expect(body.data.setRifProfile.line.rifProfile).toEqual({ code: 'RIF_03' });
    await expectRefusedField(RIF, { number: '3312545213', profile: 'RIF_99', idempotencyKey: 'sim-mgmt-rif-2' }, 'input.profile');
    const foreign = await sendChange(stack, RIF, { number: '3319000001', profile: 'RIF_01', idempotencyKey: 'sim-mgmt-rif-3' }, roa);
    expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('refuses the referent eBill of the same contract: FORBIDDEN, nothing written', async () => {
    const writes = await creaPratica();
    const { body } = await sendChange(stack, RIF, { number: '3312545213', profile: 'RIF_02', idempotencyKey: 'sim-mgmt-rif-ebill-1' },
      await tokenFor(stack, 'lavo.ebill'));
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await creaPratica()).toBe(writes);
  });
});

describe('MOB-14 spare SIM stock, scorta calda (§7.3.11)', () => {
  const valid = () => ({
    contractNumber: '888010088938', voiceSims: 3, m2mStandardSims: 1, m2mPinDisabledSims: 0,
    delivery: { siteName: 'Magazzino', streetType: 'VIA', street: 'DELLE SCUOLE', houseNumber: '2/D', province: 'bo', city: 'BOLOGNA', postalCode: '40132' },
    contact: { name: 'VINCENZO', phone: '051 1234567', email: 'economato@comune.example.it' },
    idempotencyKey: 'sim-mgmt-spare-1',
  });

  it.each([
    ['no SIM at all', { voiceSims: 0, m2mStandardSims: 0 }, 'input.voiceSims'],
    ['a negative quantity', { m2mStandardSims: -1 }, 'input.m2mStandardSims'],
    ['a quantity over the bound', { m2mPinDisabledSims: 101 }, 'input.m2mPinDisabledSims'],
    ['no site name', { delivery: { ...valid().delivery, siteName: ' ' } }, 'input.delivery.siteName'],
    ['no "via"', { delivery: { ...valid().delivery, streetType: undefined } }, 'input.delivery.streetType'],
    ['no street', { delivery: { ...valid().delivery, street: '' } }, 'input.delivery.street'],
    ['no house number', { delivery: { ...valid().delivery, houseNumber: null } }, 'input.delivery.houseNumber'],
    ['a province of 3 letters', { delivery: { ...valid().delivery, province: 'BOL' } }, 'input.delivery.province'],
    ['no city', { delivery: { ...valid().delivery, city: undefined } }, 'input.delivery.city'],
    ['a CAP of 4 digits', { delivery: { ...valid().delivery, postalCode: '4013' } }, 'input.delivery.postalCode'],
    ['no delivery at all', { delivery: null }, 'input.delivery.siteName'],
    ['no contact name', { contact: { ...valid().contact, name: undefined } }, 'input.contact.name'],
    ['a phone that is no number', { contact: { ...valid().contact, phone: 'chiamare' } }, 'input.contact.phone'],
    ['a PEC e-mail', { contact: { ...valid().contact, email: 'ente@pec.example.it' } }, 'input.contact.email'],
  ])('refuses %s naming its field, writing nothing', async (_what, change, field) => {
    const writes = await creaPratica();
    await expectRefusedField(SPARE, { ...valid(), ...change }, field);
    expect(await creaPratica()).toBe(writes);
  });

  it('files "Scorta calda SIM" on the contract, open for the back office, with the quantities, address and contact kept', async () => {
    const { body } = await sendChange(stack, SPARE, valid(), roa);
    expect(body.errors).toBeUndefined();
    const outcome = body.data.requestSpareSims;
    expect(outcome).toMatchObject({ request: { description: 'Scorta calda SIM', status: 'OPEN' }, order: null, contract: { number: '888010088938' } });
    expect(keptWith(outcome.request.id)).toMatchObject({
      simFonia: ['3'], simM2mStandard: ['1'], simM2mPinDisable: ['0'], provincia: ['BO'], cap: ['40132'], referente: ['VINCENZO'], telefono: ['0511234567'],
    });
  });

  it('refuses a contract of another Ente exactly like an unknown one', async () => {
    const foreign = await sendChange(stack, SPARE, { ...valid(), contractNumber: '888010077777', idempotencyKey: 'sim-mgmt-spare-2' }, roa);
    const unknown = await sendChange(stack, SPARE, { ...valid(), contractNumber: '888000000000', idempotencyKey: 'sim-mgmt-spare-3' }, roa);
    expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(foreign.body.errors[0].message).toBe(unknown.body.errors[0].message);
  });
});

describe('MOB-11 deferred SIM activation (§7.3.6)', () => {
  it('refuses both a list and SIMs, a duplicate ICCID and a malformed one, naming the field', async () => {
    const sim = { number: '3312549001', iccid: '8939010000000090017' };
    await expectRefusedField(ACTIVATE, { contractNumber: '888010088938', sims: [sim], simList: 'ALL-00000000-0000-0000-0000-000000000000',
      idempotencyKey: 'sim-mgmt-activate-1' }, 'input.sims');
    await expectRefusedField(ACTIVATE, { contractNumber: '888010088938', sims: [sim, { number: '3312549002', iccid: sim.iccid }],
      idempotencyKey: 'sim-mgmt-activate-2' }, 'input.sims[1].iccid');
    await expectRefusedField(ACTIVATE, { contractNumber: '888010088938', sims: [{ ...sim, iccid: '123' }], idempotencyKey: 'sim-mgmt-activate-3' },
      'input.sims[0].iccid');
  });

  it('takes an uploaded CSV list once: CRM claims it with the pratica; the same list again is BAD_USER_INPUT on input.simList', async () => {
    const list = await uploadFile(stack, roa, 'numero;iccid\n3312549003;8939010000000090033\n');
    const { body } = await sendChange(stack, ACTIVATE, { contractNumber: '888010088938', simList: list, idempotencyKey: 'sim-mgmt-activate-4' }, roa);
    expect(body.errors).toBeUndefined();
    expect(body.data.requestDeferredSimActivation.request.status).toBe('OPEN');
    expect(keptWith(body.data.requestDeferredSimActivation.request.id).allegato).toEqual([list]);
    await expectRefusedField(ACTIVATE, { contractNumber: '888010088938', simList: list, idempotencyKey: 'sim-mgmt-activate-5' }, 'input.simList');
  });
});

describe('MOB-15 IMEI block with or without the IMEI (§7.3.13)', () => {
  const pdf = (text: string) => uploadFile(stack, roa, minimalPdf(text));

  it('requires both documents and a valid IMEI, before anything is read or written', async () => {
    const writes = await creaPratica();
    const report = await pdf('denuncia');
    await expectRefusedField(IMEI, { number: '3312547516', identityDocument: await pdf('documento'), idempotencyKey: 'sim-mgmt-imei-1' }, 'input.theftReport');
    await expectRefusedField(IMEI, { number: '3312547516', theftReport: report, idempotencyKey: 'sim-mgmt-imei-2' }, 'input.identityDocument');
    await expectRefusedField(IMEI, { number: '3312547516', imei: '490154203237519', theftReport: report, identityDocument: await pdf('doc'),
      idempotencyKey: 'sim-mgmt-imei-3' }, 'input.imei');
    expect(await creaPratica()).toBe(writes);
  });

  it('refuses a document of the wrong type or of another user naming its field, and writes nothing', async () => {
    const requestsBefore = (await graphql(stack, '{ requestsHistory { id } }', {}, roa)).body.data.requestsHistory.length;
    const report = await pdf('denuncia di furto');
    const list = await uploadFile(stack, roa, 'numero;iccid\n3312549004;8939010000000090041\n');
    await expectRefusedField(IMEI, { number: '3312547516', theftReport: report, identityDocument: list, idempotencyKey: 'sim-mgmt-imei-4' }, 'input.identityDocument');
    const foreign = await uploadFile(stack, await tokenFor(stack, 'massimiliano.roa'), minimalPdf('altrui'));
    await expectRefusedField(IMEI, { number: '3312547516', theftReport: foreign, identityDocument: await pdf('doc'), idempotencyKey: 'sim-mgmt-imei-5' },
      'input.theftReport');
    expect((await graphql(stack, '{ requestsHistory { id } }', {}, roa)).body.data.requestsHistory).toHaveLength(requestsBefore);

    // The refused requests used nothing: the report serves the block that goes through, once.
    const identity = await pdf('carta di identita');
    const { body } = await sendChange(stack, IMEI, { number: '3312547516', theftReport: report, identityDocument: identity,
      idempotencyKey: 'sim-mgmt-imei-6' }, roa);
    expect(body.errors).toBeUndefined();
    expect(body.data.blockImei).toMatchObject({ request: { description: 'Blocco Imei', status: 'OPEN' }, order: null, line: { number: '3312547516' } });
    expect(keptWith(body.data.blockImei.request.id)).toMatchObject({ imeiNoto: ['NO'], allegato: [report, identity] });
    await expectRefusedField(IMEI, { number: '3312547516', theftReport: report, identityDocument: await pdf('altro'), idempotencyKey: 'sim-mgmt-imei-7' },
      'input.theftReport');
  });
});
