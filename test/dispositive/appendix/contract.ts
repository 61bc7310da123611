import { call, CONTRACT, type Fixture, type Target } from './fixture';

/** A change of a referent (seed 002 §7.1.2) answers the referent; its id is its place on the contract. */
export const REFERENT: Target = {
  field: 'referent',
  selection: 'id',
  idOf: (referent) => referent.id,
  idSent: (input) => input.referentId as string,
  unknown: (input) => ({ ...input, referentId: '888000000000-EBILL' }),
};

/** Seed 002 §7.1.2-§7.1.3 (Appendix rows 1–4): the ROA of contract 888010088938 manages its referents and addresses. */
const replace = call('replaceReferent', 'ReplaceReferentInput', { target: REFERENT });
const contacts = call('changeReferentContacts', 'ChangeReferentContactsInput', { target: REFERENT });
const invoiceAddress = call('changeInvoiceDeliveryAddress', 'ChangeDeliveryAddressInput', { target: CONTRACT });
const documentationAddress = call('changeTrafficDocumentationAddress', 'ChangeDeliveryAddressInput', { target: CONTRACT });

/** A person CRM does not know: his name is given with his tax code, mobile line and e-mail. */
const NEW_EBILL_REFERENT = {
  referentId: '888010088938-EBILL', taxCode: 'BNCNNA85C41F205D', mobile: '3357410031', email: 'anna.bianchi@example.it', firstName: 'Anna', lastName: 'Bianchi',
};
const NAPLES = { attentionOf: 'PASQUALE ESPOSITO', street: 'V. TOLEDO', houseNumber: '15', postalCode: '80134', city: 'NAPOLI', province: 'na' };
const BOLOGNA = { street: 'V. DELLE SCUOLE', houseNumber: '4', postalCode: '40132', city: 'BOLOGNA', province: 'BO' };

export const CONTRACT_FIXTURES: Record<number, Fixture> = {
  1: { user: 'vincenzo.roa', run: replace(NEW_EBILL_REFERENT), reuse: replace({ ...NEW_EBILL_REFERENT, mobile: '3357410032' }),
    bad: { input: { ...NEW_EBILL_REFERENT, taxCode: 'BNCNNA85C41F205E' }, field: 'input.taxCode' } },
  2: { user: 'vincenzo.roa', run: contacts({ referentId: '888010088938-TRAFFIC_MANAGER', email: 'umberto.traffico@example.it' }),
    reuse: contacts({ referentId: '888010088938-TRAFFIC_MANAGER', email: 'umberto.t@example.it' }),
    bad: { input: { referentId: '888010088938-TRAFFIC_MANAGER', mobile: '0512345678' }, field: 'input.mobile' } },
  3: { user: 'vincenzo.roa', run: invoiceAddress({ contractNumber: '888010088938', address: NAPLES }),
    reuse: invoiceAddress({ contractNumber: '888010088938', address: { ...NAPLES, houseNumber: '16' } }),
    bad: { input: { contractNumber: '888010088938', address: { ...NAPLES, postalCode: '8013' } }, field: 'input.address.postalCode' } },
  4: { user: 'vincenzo.roa', run: documentationAddress({ contractNumber: '888010088938', address: BOLOGNA }),
    reuse: documentationAddress({ contractNumber: '888010088938', address: { ...BOLOGNA, houseNumber: '6' } }),
    bad: { input: { contractNumber: '888010088938', address: { ...BOLOGNA, province: 'BOLOGNA' } }, field: 'input.address.province' } },
};
