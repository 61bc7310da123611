import { UnusableAnswer } from '../legacy-answer';
import type { CrmCall } from './inventory';
import { optionalRecord, text } from './soap';

/**
 * issue 20. The spontaneous registration, CRM side (`VerificaRegistrazione`, `RegistraUtente`: legacy/crm/registration.ts):
 * whether this person may register for this company, and the user CRM creates, RL on the whole company.
 */
export type RegistrationVerdict = 'ADMITTED' | 'ALREADY_REGISTERED' | 'NOT_ELIGIBLE' | 'COMPANY_REQUIRED';
export type RegistrationOutcome = { outcome: 'REGISTERED'; userId: string; username: string; customerCode: string }
  | { outcome: Exclude<RegistrationVerdict, 'ADMITTED'> | 'USERNAME_TAKEN' };

export interface NewRegistration {
  username: string; firstName: string; lastName: string; taxCode: string; companyTaxCode: string | null; mobile: string; email: string;
}

export interface CrmRegistration {
  verify(taxCode: string, companyTaxCode: string | null): Promise<RegistrationVerdict>;
  register(user: NewRegistration): Promise<RegistrationOutcome>;
}

const VERDICTS: Record<string, RegistrationVerdict | 'USERNAME_TAKEN'> = {
  AMMESSA: 'ADMITTED', GIA_REGISTRATO: 'ALREADY_REGISTERED', NON_AMMESSA: 'NOT_ELIGIBLE', AZIENDA_RICHIESTA: 'COMPANY_REQUIRED', USERNAME_IN_USO: 'USERNAME_TAKEN',
};

function verdictOf(esito: string) {
  const verdict = VERDICTS[esito];
  if (!verdict) throw new UnusableAnswer(`unknown esito ${esito}`);
  return verdict;
}

export function createCrmRegistration(call: CrmCall): CrmRegistration {
  return {
    verify: (taxCode, companyTaxCode) => call('VerificaRegistrazione', { codiceFiscale: taxCode, ...(companyTaxCode && { codiceFiscaleAzienda: companyTaxCode }) }, (answer) => {
      const verdict = verdictOf(text(answer, 'esito'));
      if (verdict === 'USERNAME_TAKEN') throw new UnusableAnswer('USERNAME_IN_USO from VerificaRegistrazione');
      return verdict;
    }),
    register: (u) => call('RegistraUtente', {
      username: u.username, nome: u.firstName, cognome: u.lastName, codiceFiscale: u.taxCode,
      ...(u.companyTaxCode && { codiceFiscaleAzienda: u.companyTaxCode }), cellulare: u.mobile, email: u.email,
    }, (answer): RegistrationOutcome => {
      const esito = text(answer, 'esito');
      if (esito !== 'REGISTRATO') {
        const verdict = verdictOf(esito);
        if (verdict === 'ADMITTED') throw new UnusableAnswer('AMMESSA from RegistraUtente');
        return { outcome: verdict };
      }
      const user = optionalRecord(answer, 'utente');
      if (!user) throw new UnusableAnswer('no utente in RegistraUtenteResponse');
      return { outcome: 'REGISTERED', userId: text(user, 'id'), username: text(user, 'username'), customerCode: text(user, 'codiceCliente') };
    }),
  };
}
