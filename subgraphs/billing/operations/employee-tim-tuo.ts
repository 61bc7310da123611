import { createHash } from 'node:crypto';
import type { PersonalPayment, PersonalPaymentMethod, Person, PostalAddress } from '../../../adapters/ebill/personal-account';
import { badUserInput, type GraphError } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { EMPLOYEE_TIM_TUO, employeeTargetId, type EmployeeLine } from '../../runtime/dispositive/employee-tim-tuo-target';
import type { Identity } from '../../runtime/identity';
import type { SubgraphContext } from '../../runtime/server';
import { checkItalianIban } from '../../runtime/validators/iban';
import { checkMobileNumber } from '../../runtime/validators/phone';
import { checkPostalAddress } from '../../runtime/validators/postal-address';
import { checkPersonalTaxCode } from '../../runtime/validators/tax-code';
import { checkRequiredText } from '../../runtime/validators/text';

/**
 * h-tuopost (issue 12). TIM TUO as the employee, on his own postpaid line (seed 002 §9.2.1.1, Appendix rows 34–41;
 * BIL-10). Two factories, each declaration one Appendix row:
 * - activation (rows 34–36), one per payment method: the invoice address, the method and its data, the conditions
 *   accepted, an optional SMS number, and the `confirmationRef` of the summary the employee downloaded
 *   (`changeSummary`). CRM activates the service in the pratica's transaction with the registered user's tax
 *   code and names (the identity's, never the client's) and a new personal contract code; eBill then keeps the
 *   personal billing account, keyed by the pratica id;
 * - changes while TIM TUO is active (rows 37–41): billing data, IBAN, payment method towards card / direct debit /
 *   postal slip (refused towards the method already active). CRM keeps the pratica (open: eBill applies the change),
 *   once per version of the account eBill holds whatever the keys (`oncePer`: two tabs make one change).
 * Adding a payment method is a `PaymentKind` and its two declarations.
 */
type At = (field: string) => string;
type Raw = Record<string, unknown>;

/** How each payment method is read from the input, and named to CRM. */
interface PaymentKind {
  method: PersonalPaymentMethod;
  /** How a refusal names it. */
  label: string;
  /** The input field that carries its data (none for the postal slip). */
  field: 'cardVerificationId' | 'directDebit' | null;
  legacy: 'CARTA' | 'RID' | 'BOLLETTINO';
}
const CARD: PaymentKind = { method: 'CARD', label: 'The card', field: 'cardVerificationId', legacy: 'CARTA' };
const DIRECT_DEBIT: PaymentKind = { method: 'DIRECT_DEBIT', label: 'The direct debit', field: 'directDebit', legacy: 'RID' };
const POSTAL_SLIP: PaymentKind = { method: 'POSTAL_SLIP', label: 'The postal slip', field: null, legacy: 'BOLLETTINO' };
const PAYMENT_FIELDS = ['cardVerificationId', 'directDebit'] as const;

/** The payment as the input gives it: the card by its verification at the provider, the IBAN and its holder. */
export type PaymentInput = { method: 'CARD'; cardVerificationId: string }
  | { method: 'DIRECT_DEBIT'; iban: string; accountHolder: Person & { address: PostalAddress } }
  | { method: 'POSTAL_SLIP' };

const SETUP_ID = /^seti_[0-9a-f]{24}$/;
const present = (value: unknown) => value !== undefined && value !== null;

function person(raw: unknown, at: string): Person {
  const p = (typeof raw === 'object' && raw !== null ? raw : {}) as Raw;
  return {
    firstName: checkRequiredText(p.firstName, `${at}.firstName`, 40).toUpperCase(),
    lastName: checkRequiredText(p.lastName, `${at}.lastName`, 40).toUpperCase(),
    taxCode: checkPersonalTaxCode(p.taxCode, `${at}.taxCode`),
  };
}

/** The method's own field, and none of another method's (the request says one way of paying). */
export function paymentOf(kind: PaymentKind, raw: Raw, at: At): PaymentInput {
  for (const other of PAYMENT_FIELDS) {
    if (other !== kind.field && present(raw[other])) throw badUserInput(at(other), `is not for the payment method ${kind.method}`);
  }
  if (kind.method === 'CARD') {
    if (typeof raw.cardVerificationId !== 'string' || !SETUP_ID.test(raw.cardVerificationId)) {
      throw badUserInput(at('cardVerificationId'), 'must be the id startTimTuoCardVerification answered');
    }
    return { method: 'CARD', cardVerificationId: raw.cardVerificationId };
  }
  if (kind.method === 'DIRECT_DEBIT') {
    const d = (typeof raw.directDebit === 'object' && raw.directDebit !== null ? raw.directDebit : null) as Raw | null;
    if (!d) throw badUserInput(at('directDebit'), 'is required for a direct debit');
    const holder = (typeof d.accountHolder === 'object' && d.accountHolder !== null ? d.accountHolder : {}) as Raw;
    return {
      method: 'DIRECT_DEBIT',
      iban: checkItalianIban(d.iban, at('directDebit.iban')),
      accountHolder: { ...person(holder, at('directDebit.accountHolder')), address: checkPostalAddress(holder.address, at('directDebit.accountHolder.address')) },
    };
  }
  return { method: 'POSTAL_SLIP' };
}

/** The card of a verification the viewer completed for this line; anything else names the input field. */
function cardRefusal(line: EmployeeLine, payment: PaymentInput, at: At, viewer: Identity): string | GraphError | null {
  if (payment.method !== 'CARD') return null;
  const setup = line.cardSetup;
  if (!setup || setup.customer !== viewer.userId || setup.reference !== line.number) {
    return badUserInput(at('cardVerificationId'), 'must be the id startTimTuoCardVerification answered for this line');
  }
  if (setup.status === 'REQUIRES_AUTHENTICATION') return 'The card still waits for your confirmation on the payment provider\'s page (redirectUrl).';
  return setup.status === 'SUCCEEDED' && setup.card ? null : 'The payment provider did not verify the card: start a new verification.';
}

/** The payment as eBill keeps it: the card as the provider masked it (the target carries the verified setup). */
function personalPayment(line: EmployeeLine, payment: PaymentInput): PersonalPayment {
  if (payment.method === 'CARD') return { method: 'CARD', card: line.cardSetup!.card! };
  return payment;
}

const notPostpaid = (line: EmployeeLine) => (line.kind !== 'POSTPAID' ? 'These TIM TUO pages are for postpaid lines (seed 002 §9.2.1.1).' : null);
const notActive = (line: EmployeeLine) => notPostpaid(line)
  ?? (line.employeeTimTuo.status !== 'ACTIVE' || !line.account ? 'TIM TUO is not active on the line: activate it first.' : null);

const numberOf = (raw: Raw, at: At) => checkMobileNumber(raw.number, at('number'));

/**
 * The fact a change of the personal account records (issue 19, `oncePer`): the account's next change after the
 * version eBill holds. Two tabs sending one change under two keys both pass the rules before either writes; CRM
 * answers the second the first's pratica (or refuses it, when it asks the same change otherwise), and eBill takes the
 * write only at that version, so the account changes once.
 */
const accountFact = (line: EmployeeLine) => `${line.number}:account:after:${line.account!.version}`;
const asked = (line: EmployeeLine) => ({ lineNumber: line.number, version: line.account!.version });

// ── Activation (rows 34–36) ─────────────────────────────────────────────────────────────────────────────────────
export interface ActivationTerms { number: string; invoiceAddress: PostalAddress; payment: PaymentInput; smsNumber: string | null }
export interface ActivationInput extends ActivationTerms { acceptConditions: true }

/** What the summary and the mutation must agree on, without personal data in the signed reference: a digest of it. */
export const activationTerms = (t: ActivationTerms) => ({
  method: t.payment.method,
  digest: createHash('sha256').update(JSON.stringify([t.number, t.invoiceAddress, t.payment, t.smsNumber])).digest('base64url'),
});

/** "Scarica il pdf con il riepilogo dei dati": what the employee reads in the module (the IBAN masked). */
function activationModule(line: EmployeeLine, terms: ActivationTerms): [string, string][] {
  const a = terms.invoiceAddress;
  const payment = terms.payment.method === 'DIRECT_DEBIT' ? `IBAN ${terms.payment.iban.slice(0, 5)}...${terms.payment.iban.slice(-4)}`
    : terms.payment.method === 'CARD' ? `carta ${line.cardSetup?.card?.masked ?? ''}` : 'bollettino postale';
  return [
    ['modalita di pagamento', payment],
    ['indirizzo di fatturazione', `${a.street} ${a.houseNumber}, ${a.postalCode} ${a.city} (${a.province})`],
    ['notifica SMS', terms.smsNumber ?? ''],
  ];
}

export function activationTermsOf(kind: PaymentKind, raw: Raw, at: At): ActivationTerms {
  const sms = raw.smsNumber ?? null;
  return {
    number: numberOf(raw, at),
    invoiceAddress: checkPostalAddress(raw.invoiceAddress, at('invoiceAddress')),
    payment: paymentOf(kind, raw, at),
    smsNumber: sms === null ? null : checkMobileNumber(sms, at('smsNumber')),
  };
}

/** The rules of §9.2.1.1.1 on the line as it is: postpaid, enabled by the ROA, not yet active; a verified card. */
export function activationRefusal(line: EmployeeLine, terms: ActivationTerms, at: At, viewer: Identity): string | GraphError | null {
  return notPostpaid(line)
    ?? (!line.employeeTimTuo.enabled ? 'The ROA has not enabled this line to TIM TUO: ask him to (seed 002 §9.2.1.1).' : null)
    ?? (line.employeeTimTuo.status === 'ACTIVE' ? 'TIM TUO is already active on the line: change its billing data or payment instead.' : null)
    ?? (!line.viewer ? 'Your registered data could not be read: try again later.' : null)
    ?? cardRefusal(line, terms.payment, at, viewer);
}

function activation(kind: PaymentKind, field: string, row: number, pratica: string): DispositiveDeclaration<ActivationInput, EmployeeLine> {
  return {
    field,
    appendixRows: [row],
    capabilities: ['BIL-10'],
    pratica,
    ordine: true,
    target: EMPLOYEE_TIM_TUO,
    validate(raw, at) {
      const terms = activationTermsOf(kind, raw, at);
      if (raw.acceptConditions !== true) throw badUserInput(at('acceptConditions'), 'must be true: the conditions of the TIM TUO service must be accepted');
      return { ...terms, acceptConditions: true };
    },
    targetId: (input) => employeeTargetId(input.number, input.payment.method === 'CARD' ? input.payment.cardVerificationId : null),
    refusal: activationRefusal,
    summary: { terms: (_line, input) => activationTerms(input), module: activationModule },
    crm: ({ viewer }) => ({
      parameters: { azione: 'ATTIVAZIONE', modalitaPagamento: kind.legacy, codiceFiscale: viewer!.taxCode, cognome: viewer!.lastName, nome: viewer!.firstName },
    }),
    applyElsewhere: ({ created, target, input }, { legacy }: SubgraphContext) => legacy.ebill.setPersonalAccount(created.request.id, {
      lineNumber: target.number,
      holder: { firstName: target.viewer!.firstName, lastName: target.viewer!.lastName, taxCode: target.viewer!.taxCode },
      invoiceAddress: input.invoiceAddress,
      payment: personalPayment(target, input.payment),
      smsNumber: input.smsNumber,
    }).then(() => undefined),
  };
}

export const ACTIVATE_TIM_TUO_BY_CARD = activation(CARD, 'activateTimTuoByCard', 34, 'Domiciliazione tim tuo');
export const ACTIVATE_TIM_TUO_BY_DIRECT_DEBIT = activation(DIRECT_DEBIT, 'activateTimTuoByDirectDebit', 35, 'Domiciliazione tim tuo');
export const ACTIVATE_TIM_TUO_BY_POSTAL_SLIP = activation(POSTAL_SLIP, 'activateTimTuoByPostalSlip', 36, 'Pagamento bollettino');

// ── Changes while TIM TUO is active (rows 37–41) ────────────────────────────────────────────────────────────────
interface BillingDataInput { number: string; holder: Person; invoiceAddress: PostalAddress }

export const CHANGE_TIM_TUO_BILLING_DATA: DispositiveDeclaration<BillingDataInput, EmployeeLine> = {
  field: 'changeTimTuoBillingData',
  appendixRows: [37],
  capabilities: ['BIL-10'],
  pratica: 'Modifica dati di fatturazione',
  ordine: false,
  target: EMPLOYEE_TIM_TUO,
  validate: (raw, at) => ({ number: numberOf(raw, at), holder: person(raw.holder, at('holder')), invoiceAddress: checkPostalAddress(raw.invoiceAddress, at('invoiceAddress')) }),
  targetId: (input) => input.number,
  refusal: notActive,
  crm: () => ({ parameters: { azione: 'MODIFICA' } }),
  oncePer: accountFact,
  applyElsewhere: ({ created, target, input }, { legacy }) =>
    legacy.ebill.setPersonalAccount(created.request.id, { ...asked(target), holder: input.holder, invoiceAddress: input.invoiceAddress }).then(() => undefined),
};

interface PaymentChangeInput { number: string; payment: PaymentInput }

/**
 * A change of how the personal invoice is paid: towards a method (refused when it is the one active), or, for the
 * IBAN (row 38), of the direct debit's data while the direct debit is the one active.
 */
function paymentChange(kind: PaymentKind, field: string, row: number, pratica: string, sameMethod: boolean): DispositiveDeclaration<PaymentChangeInput, EmployeeLine> {
  return {
    field,
    appendixRows: [row],
    capabilities: ['BIL-10'],
    pratica,
    ordine: false,
    target: EMPLOYEE_TIM_TUO,
    validate: (raw, at) => ({ number: numberOf(raw, at), payment: paymentOf(kind, raw, at) }),
    targetId: (input) => employeeTargetId(input.number, input.payment.method === 'CARD' ? input.payment.cardVerificationId : null),
    refusal: (line, input, at, viewer) => notActive(line)
      ?? (sameMethod && line.account!.paymentMethod !== kind.method ? 'The IBAN can be changed only while the direct debit is the payment method.' : null)
      ?? (!sameMethod && line.account!.paymentMethod === kind.method ? `${kind.label} is already the payment method.` : null)
      ?? cardRefusal(line, input.payment, at, viewer),
    crm: () => ({ parameters: { azione: 'MODIFICA', modalitaPagamento: kind.legacy } }),
    oncePer: accountFact,
    applyElsewhere: ({ created, target, input }, { legacy }) =>
      legacy.ebill.setPersonalAccount(created.request.id, { ...asked(target), payment: personalPayment(target, input.payment) }).then(() => undefined),
  };
}

export const CHANGE_TIM_TUO_IBAN = paymentChange(DIRECT_DEBIT, 'changeTimTuoIban', 38, 'Domiciliazioni - modifica', true);
export const SWITCH_TIM_TUO_PAYMENT_TO_CARD = paymentChange(CARD, 'switchTimTuoPaymentToCard', 39, 'Domiciliazione tim tuo', false);
export const SWITCH_TIM_TUO_PAYMENT_TO_DIRECT_DEBIT = paymentChange(DIRECT_DEBIT, 'switchTimTuoPaymentToDirectDebit', 40, 'Domiciliazioni - attivazione', false);
export const SWITCH_TIM_TUO_PAYMENT_TO_POSTAL_SLIP = paymentChange(POSTAL_SLIP, 'switchTimTuoPaymentToPostalSlip', 41, 'Pagamento bollettino', false);

/** Every declaration of the employee's TIM TUO, for the subgraph's list. */
export const EMPLOYEE_TIM_TUO_OPERATIONS = [
  ACTIVATE_TIM_TUO_BY_CARD, ACTIVATE_TIM_TUO_BY_DIRECT_DEBIT, ACTIVATE_TIM_TUO_BY_POSTAL_SLIP, CHANGE_TIM_TUO_BILLING_DATA,
  CHANGE_TIM_TUO_IBAN, SWITCH_TIM_TUO_PAYMENT_TO_CARD, SWITCH_TIM_TUO_PAYMENT_TO_DIRECT_DEBIT, SWITCH_TIM_TUO_PAYMENT_TO_POSTAL_SLIP,
];
