import type { Company } from '../../../adapters/domain';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { COMPANY } from '../../runtime/dispositive/targets';
import { checkPostalAddress } from '../../runtime/validators/postal-address';
import { checkRequiredText } from '../../runtime/validators/text';

/**
 * Seed 000 "Dati Aziendali", Profilo aziendale, punto 2 (ACC-05): "modifica Sede Legale, ma solo il RL è abilitato".
 * A pratica on the company that CRM applies at once (legacy/crm/company-data.ts): Company.legalSeat shows the new seat.
 * CRM keeps the street and its house number as one text, as GetAziende prints it.
 */
interface LegalSeatChange {
  companyId: string;
  legalSeat: { street: string; houseNumber: string; postalCode: string; city: string; province: string };
}

const streetOf = (seat: LegalSeatChange['legalSeat']) => `${seat.street} ${seat.houseNumber}`.toUpperCase();

export const CHANGE_LEGAL_SEAT: DispositiveDeclaration<LegalSeatChange, Company> = {
  field: 'changeLegalSeat',
  appendixRows: [],
  capabilities: ['ACC-05'],
  pratica: 'Modifica sede legale',
  ordine: false,
  target: COMPANY,
  validate: (raw, at) => ({
    companyId: checkRequiredText(raw.companyId, at('companyId'), 20),
    legalSeat: checkPostalAddress(raw.legalSeat, at('legalSeat')),
  }),
  targetId: (input) => input.companyId,
  refusal: (company, { legalSeat }) => {
    const now = company.legalSeat;
    return now && now.street === streetOf(legalSeat) && now.postalCode === legalSeat.postalCode && now.city === legalSeat.city
      && now.province === legalSeat.province ? 'This is already the legal seat of the company.' : null;
  },
  crm: (_company, { legalSeat }) => ({
    parameters: { indirizzo: streetOf(legalSeat), cap: legalSeat.postalCode, comune: legalSeat.city, provincia: legalSeat.province },
  }),
};
