import { UnusableAnswer } from '../legacy-answer';
import { count } from '../legacy-values';
import { record, records, text, type EbillRecord } from './protocol';

/**
 * h-tuopost (issue 12). The employee's personal billing account of TIM TUO on a postpaid line (seed 002 §9.2.1.1),
 * eBill's: the invoice's holder and address, how it is paid and the direct debit's status. The IBAN reaches the
 * graph only masked, the card only as the payment provider masked it.
 */
export type PersonalPaymentMethod = 'CARD' | 'DIRECT_DEBIT' | 'POSTAL_SLIP';
/** "Stato domiciliazione": DOMICILIATA, SCARTATA (the bank's holder did not match: postal slip), none asked. */
export type DirectDebitStatus = 'ACTIVE' | 'DISCARDED' | 'NOT_REQUESTED';

export interface Person { firstName: string; lastName: string; taxCode: string }
export interface PostalAddress { street: string; houseNumber: string; postalCode: string; city: string; province: string }

export interface PersonalBillingAccount {
  lineNumber: string;
  holder: Person;
  invoiceAddress: PostalAddress;
  paymentMethod: PersonalPaymentMethod;
  card: { masked: string; expiry: string } | null;
  maskedIban: string | null;
  accountHolder: Person | null;
  directDebitStatus: DirectDebitStatus;
  /** How many changes eBill applied to it: the fact a change of it records is "the change after this version". */
  version: number;
}

/** How the account is to be paid: the IBAN in full (eBill masks it on the way back), the card as the provider masked it. */
export type PersonalPayment = { method: 'CARD'; card: { masked: string; expiry: string } }
  | { method: 'DIRECT_DEBIT'; iban: string; accountHolder: Person & { address: PostalAddress } }
  | { method: 'POSTAL_SLIP' };

/** A change of the account: what is left out stays as it is (a new account needs holder, address and payment). */
export interface PersonalAccountChange {
  lineNumber: string;
  holder?: Person;
  invoiceAddress?: PostalAddress;
  payment?: PersonalPayment;
  smsNumber?: string | null;
  /** The account's version the change was asked against: eBill refuses it (EB-409) once the account changed since. */
  version?: number;
}

export interface PersonalAccountClient {
  /** Aligned with `lineNumbers`: `null` where the line has no personal account. */
  getPersonalAccounts(lineNumbers: readonly string[]): Promise<(PersonalBillingAccount | null)[]>;
  /** Sets the account once per `operationId` (the pratica's id): the same again writes nothing, other data is EB-409. A write. */
  setPersonalAccount(operationId: string, change: PersonalAccountChange): Promise<PersonalBillingAccount>;
}

type Post = <T>(operation: string, body: Record<string, unknown>, read: (payload: EbillRecord) => T, kind?: 'read' | 'write') => Promise<T>;

const METHOD: Record<string, PersonalPaymentMethod> = { CARTA: 'CARD', RID: 'DIRECT_DEBIT', BOLLETTINO: 'POSTAL_SLIP' };
const LEGACY_METHOD: Record<PersonalPaymentMethod, string> = { CARD: 'CARTA', DIRECT_DEBIT: 'RID', POSTAL_SLIP: 'BOLLETTINO' };
const STATUS: Record<string, DirectDebitStatus> = { DOMICILIATA: 'ACTIVE', SCARTATA: 'DISCARDED', NON_RICHIESTA: 'NOT_REQUESTED' };

const personOf = (r: EbillRecord): Person => ({ firstName: text(r, 'nome'), lastName: text(r, 'cognome'), taxCode: text(r, 'cf') });
const legacyPerson = (p: Person) => ({ nome: p.firstName, cognome: p.lastName, cf: p.taxCode });
const legacyAddress = (a: PostalAddress) => ({ via: a.street, civico: a.houseNumber, cap: a.postalCode, comune: a.city, provincia: a.province });
const optional = (r: EbillRecord, field: string) => (r[field] === null || r[field] === undefined ? null : record(r, field));

function accountOf(r: EbillRecord): PersonalBillingAccount {
  const method = METHOD[text(r, 'modalita')];
  const status = STATUS[text(r, 'statoDomiciliazione')];
  if (!method || !status) throw new UnusableAnswer(`unknown personal account state ${text(r, 'modalita')}/${text(r, 'statoDomiciliazione')}`);
  const address = record(r, 'indirizzo');
  const card = optional(r, 'carta');
  const holder = optional(r, 'titolare');
  return {
    lineNumber: text(r, 'nrLinea'),
    holder: personOf(record(r, 'intestatario')),
    invoiceAddress: {
      street: text(address, 'via'), houseNumber: text(address, 'civico'), postalCode: text(address, 'cap'), city: text(address, 'comune'), province: text(address, 'provincia'),
    },
    paymentMethod: method,
    card: card && { masked: text(card, 'mascherata'), expiry: text(card, 'scadenza') },
    maskedIban: typeof r.ibanMascherato === 'string' ? r.ibanMascherato : null,
    accountHolder: holder && personOf(holder),
    directDebitStatus: status,
    version: count(text(r, 'versione')),
  };
}

function changeBody(operationId: string, c: PersonalAccountChange): Record<string, unknown> {
  const p = c.payment;
  return {
    idOp: operationId, nrLinea: c.lineNumber,
    ...(c.version !== undefined && { versione: String(c.version) }),
    ...(c.holder && { intestatario: legacyPerson(c.holder) }),
    ...(c.invoiceAddress && { indirizzo: legacyAddress(c.invoiceAddress) }),
    ...(c.smsNumber && { smsNotifica: c.smsNumber }),
    ...(p && { modalita: LEGACY_METHOD[p.method] }),
    ...(p?.method === 'CARD' && { carta: { mascherata: p.card.masked, scadenza: p.card.expiry } }),
    ...(p?.method === 'DIRECT_DEBIT' && { iban: p.iban, titolare: { ...legacyPerson(p.accountHolder), indirizzo: legacyAddress(p.accountHolder.address) } }),
  };
}

export function personalAccountCalls(post: Post): PersonalAccountClient {
  return {
    async getPersonalAccounts(lines) {
      if (lines.length === 0) return [];
      const found = await post('conti-personali/ricerca', { nrLinee: lines }, (p) => records(p, 'conti').map(accountOf));
      const byLine = new Map(found.map((a) => [a.lineNumber, a]));
      return lines.map((l) => byLine.get(l) ?? null);
    },
    setPersonalAccount: (operationId, change) =>
      post('conti-personali/imposta', changeBody(operationId, change), (p) => accountOf(record(p, 'conto')), 'write'),
  };
}

