import type { Profile } from '../../adapters/domain';
import { largeCustomer } from './large';
import { DEMO_USERS, type DemoUser } from './users';

/**
 * CRM's contract data of the CM8 portal (seed 002 §7.1.2, §7.1.3; spec/reference-data.md): the referents of each
 * contract and its two delivery addresses (invoices, traffic documentation), with the date they were last changed.
 *
 * Referents are where CM8 profiles come from (seed 002 §5, §8): a user is ROA, REF_EBILL, TRAFFIC_MANAGER or
 * REF_MESSAGING of a contract because CRM holds his mobile line as that referent of it. So the demo users' CM8
 * referent grants (legacy/data/users.ts) are not stored as grants: they become referent records here, and CRM
 * derives the grants from the records (legacy/crm/contract-data.ts), which is what a change of referent changes.
 */
export type CrmReferentType = 'MASTER' | 'MANDATARIO' | 'EBILL' | 'TRAFFIC_MANAGER' | 'MESSAGGISTICA';

/** The CM8 profile each kind of referent gives; the Mandatario is the legal representative (RL on the company). */
export const REFERENT_PROFILES: Readonly<Record<CrmReferentType, Profile | null>> = {
  MASTER: 'ROA', MANDATARIO: null, EBILL: 'REF_EBILL', TRAFFIC_MANAGER: 'TRAFFIC_MANAGER', MESSAGGISTICA: 'REF_MESSAGING',
};

export interface CrmReferentRecord {
  contract: string;
  type: CrmReferentType;
  taxCode: string;
  lastName: string;
  firstName: string;
  mobile: string;
  email: string;
}

export interface CrmDeliveryAddress { attentionOf: string | null; street: string; houseNumber: string; postalCode: string; city: string; province: string }
export interface CrmContractAddresses { contract: string; invoice: CrmDeliveryAddress; trafficDocumentation: CrmDeliveryAddress }
export interface CrmContractDataFixture { referents: CrmReferentRecord[]; addresses: CrmContractAddresses[]; updatedOn: Date }

/** The seed screen's "Dati aggiornati al" (§7.1.3): the date the contract data were last changed. */
const SEED_UPDATED_ON = new Date('2021-06-11T12:00:00Z');

/** A demo user's grant on a contract as one of its referents: what CRM keeps as a referent record. */
export function isReferentGrant(g: DemoUser['grants'][number]): boolean {
  return g.kind === 'CONTRATTO' && Object.values(REFERENT_PROFILES).includes(g.profile);
}

const referentTypeOf = (profile: Profile) =>
  (Object.entries(REFERENT_PROFILES).find(([, p]) => p === profile)![0]) as CrmReferentType;

function personAs(u: DemoUser, contract: string, type: CrmReferentType): CrmReferentRecord {
  if (!u.mobile) throw new Error(`demo user ${u.username} is a referent: CRM needs his mobile line`);
  return { contract, type, taxCode: u.taxCode, lastName: u.lastName, firstName: u.firstName, mobile: u.mobile, email: u.email };
}

const demoUser = (username: string) => DEMO_USERS.find((u) => u.username === username)!;

/** Ente KRISHNA (seed 002 §7.1.3): invoices to Naples for PASQUALE, traffic documentation to the legal seat. */
const KRISHNA_ADDRESSES = {
  invoice: { attentionOf: 'PASQUALE', street: 'V. NAPOLI', houseNumber: '2', postalCode: '80100', city: 'NAPOLI', province: 'NA' },
  trafficDocumentation: { attentionOf: null, street: 'V. DELLE SCUOLE', houseNumber: '2/D', postalCode: '40132', city: 'BOLOGNA', province: 'BO' },
};
const KRISHNA_CONTRACTS = ['888010088938', '888012234558'];
const SECOND_ENTE_SEAT = { attentionOf: 'UFFICIO ECONOMATO', street: 'PIAZZA DEL COMUNE', houseNumber: '1', postalCode: '06121', city: 'PERUGIA', province: 'PG' };

/** The generated Ente's ROA user as the Master referent CRM holds. */
function masterOf(customer: ReturnType<typeof largeCustomer>): Omit<CrmReferentRecord, 'contract'> {
  const roa = customer.users.find((u) => u.username.endsWith('.roa'));
  if (!roa?.mobile) throw new Error('a generated Ente needs its ROA user, with his mobile line');
  return { type: 'MASTER', taxCode: roa.taxCode, lastName: roa.lastName, firstName: roa.firstName, mobile: roa.mobile, email: roa.email };
}

/** A generated Ente: on each mobile contract a Master and a Mandatario, both addresses at its seat (legacy/data/large.ts). */
function largeContractData(id: string, lines: number): Omit<CrmContractDataFixture, 'updatedOn'> {
  const customer = largeCustomer(id, lines);
  const seat = { attentionOf: 'UFFICIO ECONOMATO', street: 'VIA GRANDE', houseNumber: String(lines), postalCode: '00100', city: 'ROMA', province: 'RM' };
  const referents: CrmReferentRecord[] = [];
  customer.mobileContracts.forEach(({ number }, c) => {
    const suffix = String(c).padStart(3, '0');
    const seed = number.slice(4, 8);
    referents.push(
      // The Master of every contract is the generated ROA user (large.ts): his grants come from these records.
      { contract: number, ...masterOf(customer) },
      { contract: number, type: 'MANDATARIO', taxCode: 'RPPLGL70A01H501X', lastName: id, firstName: 'RAPPRESENTANTE', mobile: `35${seed}0${suffix}`, email: `${id.toLowerCase()}.rl@example.it` },
    );
  });
  return { referents, addresses: customer.mobileContracts.map(({ number }) => ({ contract: number, invoice: seat, trafficDocumentation: seat })) };
}

/** Built when the store is seeded, like the rest of CRM's fixture. */
export function crmContractData(large: { id: string; lines: number }[] = []): CrmContractDataFixture {
  const fromGrants = DEMO_USERS.flatMap((u) => u.grants.filter(isReferentGrant).map((g) => personAs(u, g.scope, referentTypeOf(g.profile))));
  const mandatario = KRISHNA_CONTRACTS.map((contract) => personAs(demoUser('vincenzo.rl'), contract, 'MANDATARIO'));
  const generated = large.map(({ id, lines }) => largeContractData(id, lines));
  return {
    referents: [...fromGrants, ...mandatario, ...generated.flatMap((g) => g.referents)],
    addresses: [
      ...KRISHNA_CONTRACTS.map((contract) => ({ contract, ...KRISHNA_ADDRESSES })),
      { contract: '888010077777', invoice: SECOND_ENTE_SEAT, trafficDocumentation: SECOND_ENTE_SEAT },
      ...generated.flatMap((g) => g.addresses),
    ],
    updatedOn: SEED_UPDATED_ON,
  };
}
