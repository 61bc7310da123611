import { issuedByEbill, type Invoice, type Profile } from '../../adapters/domain';
import { PAYMENT_ID, type Payment } from '../../adapters/payments';
import { badUserInput } from '../../adapters/errors';
import type { TargetKind } from '../runtime/dispositive/targets';
import type { SubgraphContext } from '../runtime/server';
import { isInvoiceNumber } from './arguments';

/**
 * Issue 22 (BIL-06; seed 000 "Fatture di terzi"): another customer's invoice, paid by a customer-area user who knows
 * it as the page asks for it: its number and the N° Linea printed on it (the fixed line billed; a mobile or unified
 * invoice's contract). Nothing of the other customer is shown beyond the page's columns (ThirdPartyInvoice), and a
 * guess costs and answers exactly what a known number with the wrong line does: eBill and EBPFA are both asked for the
 * number whatever its shape, and the pair matches or nothing is answered.
 *
 * The invoice is outside the payer's grants by nature: the operation is decided on the profiles the payer holds in his
 * own company (`heldProfiles`), and its pratica is filed there, where his requests show.
 */
export interface ThirdPartyInvoice { invoice: Invoice; payer: Payer }
export interface PaidThirdPartyInvoice { payment: Payment; invoice: Invoice; payer: Payer }
/** The payer's company (null for a user of lines only, who holds no profile that may pay) and his profiles. */
interface Payer { companyId: string | null; profiles: ReadonlySet<Profile> }

/** A number of the right shape that no billing system issues (series 00): what a made-up or foreign id looks up. */
const NO_SUCH_INVOICE = '0000000000';
const LINE_OR_CONTRACT = /^\d{6,15}$/;

/** The number and the N° Linea as sent, or BAD_USER_INPUT naming the field. */
export function checkThirdPartyKey(number: unknown, lineNumber: unknown, at: (field: string) => string): { number: string; lineNumber: string } {
  if (typeof number !== 'string' || !isInvoiceNumber(number)) throw badUserInput(at('number'), 'must be an invoice number like 8W00492000');
  if (typeof lineNumber !== 'string' || !LINE_OR_CONTRACT.test(lineNumber)) throw badUserInput(at('lineNumber'), 'must be the N° Linea printed on the invoice: 6 to 15 digits');
  return { number, lineNumber };
}

/** The invoice of that number, whoever's it is, from both billing systems (both always asked: equal cost). */
async function anyInvoice(number: string, { loaders, legacy }: SubgraphContext): Promise<Invoice | null> {
  const [mobile, fixed] = await Promise.all([loaders.ebill.invoices.load(number), legacy.ebpfa.findInvoice(number)]);
  return mobile ?? fixed;
}

/** The N° Linea the page prints: the fixed line billed, or the contract of a mobile or unified invoice. */
export const printedLine = (invoice: Invoice) => invoice.lineNumber ?? invoice.accountCode;

/** The invoice when the number and the N° Linea match; null for a guess, a wrong line or an unknown number alike. */
export async function findThirdPartyInvoice(number: string, lineNumber: string, context: SubgraphContext): Promise<Invoice | null> {
  const invoice = await anyInvoice(number, context);
  return invoice && printedLine(invoice) === lineNumber ? invoice : null;
}

/** The company the payer acts for, and the profiles he holds: the field's @allow decides on them (a UT is refused). */
function payerOf({ identity }: SubgraphContext): Payer {
  const company = identity.grants.find((g) => g.scope.kind === 'COMPANY');
  return { companyId: company?.scope.id ?? null, profiles: new Set(identity.grants.map((g) => g.profile)) };
}

/** The invoice read again past the request's loaders, from the system that issued it: after a payment, it is paid. */
async function freshInvoice(invoice: Invoice, { legacy }: SubgraphContext): Promise<Invoice> {
  const [found] = issuedByEbill(invoice) ? await legacy.ebill.getInvoices([invoice.number]) : [await legacy.ebpfa.findInvoice(invoice.number)];
  if (!found) throw new Error('an invoice vanished from its billing system right after its payment');
  return found;
}

const payerPlace = ({ payer }: { payer: Payer }) => ({ companyId: payer.companyId ?? '' });
// Only a payer with a company holds a profile that may pay (RL, AF, AL): the engine refused any other before CRM.
const payerRequest = ({ payer }: { payer: Payer }) => ({ kind: 'None' as const, companyId: payer.companyId! });

/** Starting a payment: the id is `<number>:<N° Linea>`, as the page identifies the invoice. */
export const THIRD_PARTY_INVOICE: TargetKind<ThirdPartyInvoice> = {
  recordKind: 'Invoice',
  heldProfiles: ({ payer }) => payer.profiles,
  outcomeField: 'invoice',
  label: 'This invoice',
  plausible: /^[0-9A-Z]{2}\d{6,12}:\d{6,15}$/,
  async load(id, context) {
    const [number, lineNumber] = id.split(':');
    const invoice = await findThirdPartyInvoice(number, lineNumber, context);
    return invoice && { invoice, payer: payerOf(context) };
  },
  place: payerPlace,
  crmTarget: payerRequest,
  reload: async (target, context) => ({ ...target, invoice: await freshInvoice(target.invoice, context) }),
};

/** Completing it: the payment this user started (its reference the invoice's number), whoever's the invoice is. */
export const PAID_THIRD_PARTY_INVOICE: TargetKind<PaidThirdPartyInvoice> = {
  recordKind: 'Invoice',
  heldProfiles: ({ payer }) => payer.profiles,
  outcomeField: 'payment',
  label: 'This payment',
  plausible: PAYMENT_ID,
  async load(id, context) {
    const payment = await context.legacy.payments.getPayment(id);
    const own = payment !== null && payment.customer === context.identity.userId && isInvoiceNumber(payment.reference);
    // Another user's payment, or an unknown one, looks up an invoice no one has: the same cost as a payment of his own.
    const invoice = await anyInvoice(own ? payment.reference : NO_SUCH_INVOICE, context);
    return own && invoice ? { payment, invoice, payer: payerOf(context) } : null;
  },
  place: payerPlace,
  crmTarget: payerRequest,
  reload: async (target, context) => ({ ...target, invoice: await freshInvoice(target.invoice, context) }),
};
