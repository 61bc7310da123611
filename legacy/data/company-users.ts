import type { Profile } from '../../adapters/domain';

/**
 * issue 20 item 5 (ACC-08, seed 000 "Gestione utenze"): what CRM holds of the customer area's users beyond the demo
 * users of users.ts. Each user's creation day (the console's "Data" column), in days before "today", and the users
 * the identity provider does not know yet: the seed's list shows users imported from the legacy systems that the
 * legal representative has still to register ("Da registrare"), and one of company B for the cross-tenant checks.
 */
export const USER_CREATED_DAYS_AGO: Readonly<Record<string, number>> = {
  '1-U0001': 1480, '1-U0002': 1300, '1-U0003': 720, '1-U0004': 740, '1-U0005': 700, '1-U0006': 720, '1-U0010': 1200, '1-U0020': 900,
};

/** A user CRM knows and the IdP does not (no credentials yet): the console's TO_REGISTER ones. */
export interface ImportedUser {
  id: string; username: string; firstName: string; lastName: string; taxCode: string; mobile: string; email: string;
  status: 'DA_REGISTRARE' | 'ATTIVA';
  profile: Profile; line: string; daysAgo: number;
}

export const IMPORTED_USERS: readonly ImportedUser[] = [
  // Company A: the prepaid line's user of the seed's list ("ricaricabile mobile"), imported and not yet registered.
  { id: '1-U0007', username: 'ricaricabile.mobile', firstName: 'RICARICABILE', lastName: 'MOBILE', taxCode: 'RCRMBL71A01F205T',
    mobile: '3343860302', email: 'ricaricabile.mobile@example.it', status: 'DA_REGISTRARE', profile: 'UT', line: '3343860302', daysAgo: 720 },
  // Company B: an employee on one of its lines, whom company A's legal representative must never reach.
  { id: '1-U0011', username: 'giulia.bianchi', firstName: 'GIULIA', lastName: 'BIANCHI', taxCode: 'BNCGLI85A41F839K',
    mobile: '3471000002', email: 'giulia.bianchi@example.it', status: 'ATTIVA', profile: 'UT', line: '3471000002', daysAgo: 400 },
];
