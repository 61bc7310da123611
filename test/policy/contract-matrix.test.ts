import { describe, expect, it } from 'vitest';
import { conformanceMatrix, D, E, F, type Capability, type Matrix } from '../support/conformance';
import { counters, graphql, resetCounters } from '../support/stack';

/**
 * Seed 002 §5, §7.1 and §8 (spec/profiles.md §3): the CM8 contract pages, walked for the CM8 demo users, the Ente's
 * legal representative and an Area Clienti RL. Only the ROA (and the RL of the Ente) sees the company, the contract
 * data and the referents; REF_EBILL sees the contract but not its data (§7.1.3), and the inventory; TRAFFIC_MANAGER
 * and REF_MESSAGING see neither, and no lines list. Grants are read from CRM on every request here
 * (GRANTS_CACHE_SECONDS=0), so that the last tests see a change of referent at once.
 */
const KRISHNA_POSTPAID = '888010088938';

const CAPABILITIES: Capability[] = [
  { id: 'ACC-09', what: 'contract selector (§5)', query: '{ viewer { cm8Contracts { number profiles } } }', path: ['viewer', 'cm8Contracts'] },
  {
    id: 'ACC-04', what: "legal representative's contacts (§7.1.1)",
    query: '{ viewer { company { taxCode name legalSeat { street city province } legalRepresentative { firstName lastName email mobile } } } }',
    path: ['viewer', 'company', 'legalRepresentative', 'mobile'],
  },
  {
    id: 'ACC-10', what: 'contract data and addresses of the selected contract (§7.1.3)',
    query: `{ selectedContract { number details { holderTaxCode holderName offerType activatedOn masterReferent { firstName mobile } updatedOn
      invoiceDeliveryAddress { attentionOf street houseNumber postalCode city province } trafficDocumentationAddress { street city } } } }`,
    path: ['selectedContract', 'details'],
  },
  {
    id: 'ACC-10', what: `contract data of ${KRISHNA_POSTPAID} by number`,
    query: `{ contract(number: "${KRISHNA_POSTPAID}") { number status details { invoiceDeliveryAddress { city } } } }`,
    path: ['contract', 'details'],
  },
  {
    id: 'ACC-09', what: 'referents of the selected contract (§7.1.2)',
    query: '{ selectedContract { number referents { id type profile taxCode lastName firstName mobile email } } }',
    path: ['selectedContract', 'referents'],
  },
  {
    id: 'ACC-04', what: `activation and offer type of ${KRISHNA_POSTPAID}`,
    query: `{ contract(number: "${KRISHNA_POSTPAID}") { number status activatedOn agreement } }`,
    path: ['contract', 'activatedOn'],
  },
  { id: 'MOB-01', what: 'mobile lines list', query: '{ mobileLines(first: 5) { nodes { number } } }', path: ['mobileLines', 'nodes'] },
];

/** In the order of CAPABILITIES. `empty` = allowed, but the record is not his (another Ente's contract, no CM8 contract). */
const MATRIX: Matrix = {
  //                                            sel  RL  data dataN refs act lines
  'vincenzo.roa': { profile: `ROA ${KRISHNA_POSTPAID}`, cells: [D, D, D, D, D, D, D] },
  'vincenzo.rl': { profile: 'RL (Mandatario) of Ente KRISHNA', cells: [E, D, F, D, F, D, D] },
  'lavo.ebill': { profile: `REF_EBILL ${KRISHNA_POSTPAID}`, cells: [D, F, F, F, F, F, D] },
  'umberto.traffic': { profile: `TRAFFIC_MANAGER ${KRISHNA_POSTPAID}`, cells: [D, F, F, F, F, F, F] },
  'lucia.messaging': { profile: `REF_MESSAGING ${KRISHNA_POSTPAID}`, cells: [D, F, F, F, F, F, F] },
  'pasquale.eu': { profile: 'EU 3312548681 + ROA 888012234558', cells: [D, D, D, E, D, E, D] },
  'gina.eu': { profile: 'EU, own prepaid line', cells: [E, F, F, F, F, F, D] },
  'massimiliano.roa': { profile: 'ROA of the second Ente', cells: [D, E, D, E, D, E, D] },
  'ginevra.vallisneri': { profile: 'RL of an Area Clienti company', cells: [E, D, F, E, F, E, D] },
};

const matrix = conformanceMatrix(CAPABILITIES, MATRIX, { env: { GRANTS_CACHE_SECONDS: '0', MUTATIONS_PER_MINUTE: '1000' } });

describe('§7.1 pages of vincenzo.roa, from the reference data', () => {
  it('fill the company profile, the contract data and addresses and the referents of contract 888010088938, referents and addresses in one CRM call', async () => {
    await resetCounters(matrix.stack(), 'crm');
    const { body } = await graphql(matrix.stack(), `{ viewer { cm8Contracts { number profiles } } selectedContract {
      number company { taxCode name legalSeat { street city postalCode province } legalRepresentative { firstName email mobile } }
      details { holderTaxCode offerType activatedOn masterReferent { firstName mobile } updatedOn
        invoiceDeliveryAddress { attentionOf street houseNumber postalCode city province } trafficDocumentationAddress { street houseNumber postalCode city province } }
      referents { type lastName firstName mobile } } }`, {}, matrix.token('vincenzo.roa'));
    expect(body.errors).toBeUndefined();
    expect(body.data.viewer.cm8Contracts).toEqual([{ number: KRISHNA_POSTPAID, profiles: ['ROA'] }]);
    const contract = body.data.selectedContract;
    expect(contract.company).toEqual({
      taxCode: '0000003160470831', name: 'ENTE KRISHNA', legalSeat: { street: 'V. DELLE SCUOLE 2/D', city: 'BOLOGNA', postalCode: '40132', province: 'BO' },
      legalRepresentative: { firstName: 'VINCENZO', email: 'portalibu@timnews.collaudo.tim.it', mobile: '3284150683' },
    });
    expect(contract.details).toEqual({
      holderTaxCode: '0000003160470831', offerType: 'CONVENZIONE PA 8', activatedOn: '2021-02-01',
      masterReferent: { firstName: 'VINCENZO', mobile: '3335617891' }, updatedOn: '2021-06-11',
      invoiceDeliveryAddress: { attentionOf: 'PASQUALE', street: 'V. NAPOLI', houseNumber: '2', postalCode: '80100', city: 'NAPOLI', province: 'NA' },
      trafficDocumentationAddress: { street: 'V. DELLE SCUOLE', houseNumber: '2/D', postalCode: '40132', city: 'BOLOGNA', province: 'BO' },
    });
    const { GetProfiloUtente: _grants, ...calls } = await counters(matrix.stack(), 'crm');
    expect(calls).toEqual({ GetContratti: 1, GetAziende: 1, GetDatiContratto: 1 });
    expect(contract.referents).toEqual(expect.arrayContaining([
      { type: 'MASTER', lastName: 'ROA', firstName: 'VINCENZO', mobile: '3335617891' },
      { type: 'LEGAL_REPRESENTATIVE', lastName: 'MANDATARIO', firstName: 'VINCENZO', mobile: '3284150683' },
    ]));
  });
});

describe('§5 contract selection', () => {
  const SELECTED = 'query ($number: ID) { selectedContract(number: $number) { number } }';
  const ADDRESS = `mutation ($input: ChangeDeliveryAddressInput!) { changeTrafficDocumentationAddress(input: $input) {
    request { description } contract { number details { trafficDocumentationAddress { street houseNumber city province } } } } }`;

  it('lets a referent of one contract leave it out, in reads and in changes', async () => {
    const token = matrix.token('pasquale.eu');
    expect((await graphql(matrix.stack(), SELECTED, {}, token)).body.data.selectedContract).toEqual({ number: '888012234558' });
    const { body } = await graphql(matrix.stack(), ADDRESS, { input: {
      address: { street: 'VIA RIZZOLI', houseNumber: '1', postalCode: '40125', city: 'bologna', province: 'bo' }, idempotencyKey: 'selected-address',
    } }, token);
    expect(body.errors).toBeUndefined();
    expect(body.data.changeTrafficDocumentationAddress).toEqual({ request: { description: 'Modifica recapito doc traffico' }, contract: {
      number: '888012234558', details: { trafficDocumentationAddress: { street: 'VIA RIZZOLI', houseNumber: '1', city: 'BOLOGNA', province: 'BO' } },
    } });
  });

  it('makes a referent of several contracts choose one, and serves the one he names', async () => {
    // The ROA of 888010088938 makes pasquale.eu (ROA of 888012234558) its eBill referent too: two contracts now.
    const made = await graphql(matrix.stack(), `mutation ($input: ReplaceReferentInput!) { replaceReferent(input: $input) { referent { mobile } } }`,
      { input: { referentId: `${KRISHNA_POSTPAID}-EBILL`, taxCode: 'RSSGPP79B12H501K', mobile: '3312548681', email: 'pasquale@example.it',
        firstName: 'PASQUALE', lastName: 'ESPOSITO', idempotencyKey: 'ebill-to-pasquale' } }, matrix.token('vincenzo.roa'));
    expect(made.body.errors).toBeUndefined();
    const token = matrix.token('pasquale.eu');
    const { body } = await graphql(matrix.stack(), '{ viewer { cm8Contracts { number profiles } } }', {}, token);
    expect(body.data.viewer.cm8Contracts).toEqual([{ number: KRISHNA_POSTPAID, profiles: ['REF_EBILL'] }, { number: '888012234558', profiles: ['ROA'] }]);
    const unnamed = await graphql(matrix.stack(), SELECTED, {}, token);
    expect(unnamed.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'number' });
    expect((await graphql(matrix.stack(), SELECTED, { number: KRISHNA_POSTPAID }, token)).body.data.selectedContract).toEqual({ number: KRISHNA_POSTPAID });
    const change = await graphql(matrix.stack(), ADDRESS, { input: {
      address: { street: 'VIA RIZZOLI', houseNumber: '2', postalCode: '40125', city: 'BOLOGNA', province: 'BO' }, idempotencyKey: 'unselected-address',
    } }, token);
    expect(change.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contractNumber' });
  });
});

describe('§7.1.2 referents: who may change whom, and the grants follow the records', () => {
  const CONTACTS = `mutation ($input: ChangeReferentContactsInput!) { changeReferentContacts(input: $input) {
    request { id description status } referent { id type mobile } } }`;
  const REPLACE = `mutation ($input: ReplaceReferentInput!) { replaceReferent(input: $input) { request { id } referent { id firstName lastName mobile profile } } }`;
  /** The contracts the user may choose, or the code he is refused with once he holds no grant at all. */
  const profilesOf = async (username: string) => {
    const { body } = await graphql(matrix.stack(), '{ viewer { cm8Contracts { number profiles } } }', {}, matrix.token(username));
    return body.data?.viewer?.cm8Contracts ?? body.errors[0].extensions.code;
  };

  it("refuses the ROA a change of the Master's own data, in our words", async () => {
    const { body } = await graphql(matrix.stack(), CONTACTS,
      { input: { referentId: `${KRISHNA_POSTPAID}-MASTER`, email: 'vincenzo@example.it', idempotencyKey: 'master-by-roa' } }, matrix.token('vincenzo.roa'));
    expect(body.data.changeReferentContacts).toBeNull();
    expect(body.errors[0].extensions.code).toBe('LEGACY_REJECTED');
    expect(body.errors[0].message).toMatch(/Only the legal representative/);
  });

  it('refuses a referent of another kind (REF_EBILL) with FORBIDDEN', async () => {
    const { body } = await graphql(matrix.stack(), CONTACTS,
      { input: { referentId: `${KRISHNA_POSTPAID}-MESSAGING`, email: 'x@example.it', idempotencyKey: 'messaging-by-ebill' } }, matrix.token('lavo.ebill'));
    expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });

  it("moves the messaging profile with the referent's mobile line: the new line's user gains it, the old one loses it", async () => {
    expect(await profilesOf('lucia.messaging')).toEqual([{ number: KRISHNA_POSTPAID, profiles: ['REF_MESSAGING'] }]);
    const { body } = await graphql(matrix.stack(), CONTACTS,
      { input: { referentId: `${KRISHNA_POSTPAID}-MESSAGING`, mobile: '3357410021', idempotencyKey: 'messaging-to-lavo' } }, matrix.token('vincenzo.roa'));
    expect(body.errors).toBeUndefined();
    expect(body.data.changeReferentContacts.request).toMatchObject({ description: 'Referenti', status: 'CLOSED' });
    expect(body.data.changeReferentContacts.referent).toEqual({ id: `${KRISHNA_POSTPAID}-MESSAGING`, type: 'MESSAGING', mobile: '3357410021' });
    expect(await profilesOf('lucia.messaging')).toBe('FORBIDDEN');
    // lavo.ebill's line is no longer the eBill referent's (the selection tests gave that place to pasquale.eu).
    expect(await profilesOf('lavo.ebill')).toEqual([{ number: KRISHNA_POSTPAID, profiles: ['REF_MESSAGING'] }]);
  });

  it('lets the legal representative replace the Master with a person CRM knows, by tax code alone; the ROA profile moves to her', async () => {
    const rl = matrix.token('vincenzo.rl');
    const master = { referentId: `${KRISHNA_POSTPAID}-MASTER`, mobile: '3357410023', email: 'lucia.messina@example.it' };
    // A person CRM does not know needs a name.
    const unknown = await graphql(matrix.stack(), REPLACE, { input: { ...master, taxCode: 'BNCNNA85C41F205D', idempotencyKey: 'master-unknown' } }, rl);
    expect(unknown.body.errors[0].extensions.code).toBe('LEGACY_REJECTED');
    expect(unknown.body.errors[0].message).toMatch(/first name and surname/);
    // lucia.messaging is registered in CRM: her tax code is enough.
    const { body } = await graphql(matrix.stack(), REPLACE, { input: { ...master, taxCode: 'MSSLCU82A41A944O', idempotencyKey: 'master-known' } }, rl);
    expect(body.errors).toBeUndefined();
    expect(body.data.replaceReferent.referent).toEqual({ id: `${KRISHNA_POSTPAID}-MASTER`, firstName: 'LUCIA', lastName: 'MESSINA', mobile: '3357410023', profile: 'ROA' });
    expect(await profilesOf('lucia.messaging')).toEqual([{ number: KRISHNA_POSTPAID, profiles: ['ROA'] }]);
    expect(await profilesOf('vincenzo.roa')).toBe('FORBIDDEN');
  });
});
