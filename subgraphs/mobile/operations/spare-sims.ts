import type { Contract } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { CONTRACT } from '../../runtime/dispositive/targets';
import { checkContractNumber } from '../../runtime/validators/contract-number';
import { notActiveMobile } from './contract-rules';
import { checkEmail } from '../../runtime/validators/email';
import { checkPhoneNumber } from '../../runtime/validators/phone';
import { checkPostalCode, checkProvince } from '../../runtime/validators/postal-address';
import { checkInteger, checkOptionalText, checkRequiredText } from '../../runtime/validators/text';

/**
 * Seed 002 §7.3.11 (Appendix row 15) and MOB-14: spare SIM stock (*scorta calda*): postpaid triple-cut SIMs, not
 * active, shipped to the contract's site for later activation. The back office ships them: the pratica stays open
 * and CRM keeps the quantities, the address and the contact with it.
 */
export const MAX_SPARE_SIMS_PER_KIND = 100;

const QUANTITIES = { voiceSims: 'simFonia', m2mStandardSims: 'simM2mStandard', m2mPinDisabledSims: 'simM2mPinDisable' } as const;

interface SpareSims {
  contractNumber: string;
  quantities: Record<keyof typeof QUANTITIES, number>;
  delivery: { siteName: string; streetType: string; street: string; houseNumber: string; province: string; city: string; postalCode: string };
  contact: { name: string; phone: string; fax?: string; email?: string };
}

const record = (raw: unknown): Record<string, unknown> => (raw !== null && typeof raw === 'object' ? raw as Record<string, unknown> : {});

export const REQUEST_SPARE_SIMS: DispositiveDeclaration<SpareSims, Contract> = {
  field: 'requestSpareSims',
  appendixRows: [15],
  // "Il download dei documenti è obbligatorio per confermare la richiesta" (schema/appendix-1.yaml `summary`).
  summary: {},
  capabilities: ['MOB-14'],
  pratica: 'Scorta calda SIM',
  ordine: false,
  target: CONTRACT,
  validate(raw, at) {
    const contractNumber = checkContractNumber(raw.contractNumber, at('contractNumber'));
    const quantities = Object.fromEntries(Object.keys(QUANTITIES).map((field) => [field, checkInteger(raw[field] ?? 0, at(field), 0, MAX_SPARE_SIMS_PER_KIND)])) as SpareSims['quantities'];
    if (Object.values(quantities).every((n) => n === 0)) throw badUserInput(at('voiceSims'), 'ask for at least one SIM of one kind');
    const d = record(raw.delivery);
    const c = record(raw.contact);
    return {
      contractNumber,
      quantities,
      delivery: {
        siteName: checkRequiredText(d.siteName, at('delivery.siteName'), 80),
        streetType: checkRequiredText(d.streetType, at('delivery.streetType'), 20),
        street: checkRequiredText(d.street, at('delivery.street'), 80),
        houseNumber: checkRequiredText(d.houseNumber, at('delivery.houseNumber'), 10),
        province: checkProvince(d.province, at('delivery.province')),
        city: checkRequiredText(d.city, at('delivery.city'), 60),
        postalCode: checkPostalCode(d.postalCode, at('delivery.postalCode')),
      },
      contact: {
        name: checkRequiredText(c.name, at('contact.name'), 80),
        phone: checkPhoneNumber(c.phone, at('contact.phone')),
        fax: checkOptionalText(c.fax, at('contact.fax'), 20) && checkPhoneNumber(c.fax, at('contact.fax')),
        email: checkOptionalText(c.email, at('contact.email'), 254) && checkEmail(c.email, at('contact.email')),
      },
    };
  },
  targetId: (input) => input.contractNumber,
  refusal: (contract) => notActiveMobile(contract, 'Spare SIMs are shipped'),
  crm: (_contract, { quantities, delivery: d, contact: c }) => ({
    parameters: {
      ...Object.fromEntries(Object.entries(quantities).map(([field, n]) => [QUANTITIES[field as keyof typeof QUANTITIES], String(n)])),
      sede: d.siteName, via: d.streetType, indirizzo: d.street, numeroCivico: d.houseNumber, provincia: d.province, comune: d.city, cap: d.postalCode,
      referente: c.name, telefono: c.phone, ...(c.fax && { fax: c.fax }), ...(c.email && { email: c.email }),
    },
  }),
};
