import type { MobileLine } from '../../adapters/domain';
import type { EmployeeTimTuo } from '../../adapters/crm/tim-tuo-employee';
import { personalAccountSummaryPath, type PersonalBillingAccount, type PersonalPaymentMethod } from '../../adapters/ebill/personal-account';
import { badUserInput, legacyRejected } from '../../adapters/errors';
import { currentRequestScope } from '../../observability/request-scope';
import { confirmationRef } from '../runtime/dispositive/confirmation';
import { authorisedTarget } from '../runtime/dispositive/engine';
import { EMPLOYEE_TIM_TUO, employeeTargetId, employeeTimTuoOf } from '../runtime/dispositive/employee-tim-tuo-target';
import { MOBILE_LINE } from '../runtime/dispositive/targets';
import type { Resolvers, SubgraphContext } from '../runtime/server';
import { checkIdempotencyKey } from '../runtime/validators/idempotency-key';
import { checkMobileNumber } from '../runtime/validators/phone';
import { ACTIVATIONS, activationRefusal, activationTerms, activationTermsOf } from './operations/employee-tim-tuo';

/**
 * h-tuopost (issue 12). TIM TUO as the employee, postpaid (seed 002 §9.2.1.1, BIL-10): the "Gestisci" and
 * "Reportistica" pages (`MobileLine.employeeTimTuo`, the EU's alone: CRM's TIM TUO record and eBill's personal billing
 * account), the summary the employee downloads before he confirms an activation, and the start of the card
 * verification on the provider's page. The changes themselves are declarations (operations/employee-tim-tuo.ts).
 */
const rejected = (why: string) => legacyRejected('CRM', why, currentRequestScope()?.correlationId ?? '');

/**
 * "Scarica il pdf con il riepilogo dei dati" (§9.2.1.1.1): the activation's rules checked on the line as the mutation
 * checks them, then a link to eBill's summary and the reference the mutation must quote. A line that is not the
 * viewer's is NOT_FOUND, as in the mutation.
 */
async function activationSummary({ input }: { input: Record<string, unknown> }, context: SubgraphContext) {
  const activation = ACTIVATIONS[input.paymentMethod as PersonalPaymentMethod];
  if (!activation) throw badUserInput('input.paymentMethod', 'must be CARD, DIRECT_DEBIT or POSTAL_SLIP');
  const at = (field: string) => `input.${field}`;
  const terms = activationTermsOf(activation.kind, input, at);
  const id = employeeTargetId(terms.number, terms.payment.method === 'CARD' ? terms.payment.cardVerificationId : null);
  const { target: line } = await authorisedTarget(EMPLOYEE_TIM_TUO, id, activation.declaration.field, context);
  const refusal = activationRefusal(line, terms, at, context.identity);
  if (typeof refusal === 'string') throw rejected(refusal);
  if (refusal) throw refusal;
  const signed = activationTerms(terms);
  const reference = confirmationRef(context.identity, { operation: activation.declaration.field, records: [line.number], terms: signed });
  const a = terms.invoiceAddress;
  const payment = terms.payment.method === 'DIRECT_DEBIT' ? `IBAN ${terms.payment.iban.slice(0, 5)}...${terms.payment.iban.slice(-4)}`
    : terms.payment.method === 'CARD' ? `carta ${line.cardSetup!.card!.masked}` : 'bollettino postale';
  const summaryUrl = await context.downloads.urlFor({
    system: 'eBill', fileName: `riepilogo-tim-tuo-${line.number}.pdf`, contentType: 'application/pdf',
    path: personalAccountSummaryPath({
      lineNumber: line.number, method: terms.payment.method, payment, address: `${a.street} ${a.houseNumber}, ${a.postalCode} ${a.city} (${a.province})`,
      reference: signed.digest.slice(0, 12),
    }),
  }, context.identity.userId);
  return { summaryUrl, confirmationRef: reference };
}

/**
 * The card's verification on the provider's page (§9.2.1.1.1 "Domiciliazione su carta di credito", PSD2): the
 * employee's own postpaid line; a zero-amount setup under the client's key (the same key answers the same setup).
 * Nothing is recorded in the systems of record until the activation or the change quotes it.
 */
async function startCardVerification({ input }: { input: Record<string, unknown> }, context: SubgraphContext) {
  const key = checkIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey');
  const number = checkMobileNumber(input.number, 'input.number');
  const returnUrl = input.returnUrl ?? null;
  if (returnUrl !== null && (typeof returnUrl !== 'string' || !/^https?:\/\/\S{1,500}$/.test(returnUrl))) throw badUserInput('input.returnUrl', 'must be an http(s) URL');
  const { target: line } = await authorisedTarget(MOBILE_LINE, number, 'startTimTuoCardVerification', context);
  if (line.kind !== 'POSTPAID') throw rejected('These TIM TUO pages are for postpaid lines (seed 002 §9.2.1.1).');
  const setup = await context.legacy.payments.createCardSetup({
    idempotencyKey: `${context.identity.userId}:${key}`, customer: context.identity.userId, reference: line.number, returnUrl: returnUrl as string | null,
  });
  if (setup === 'conflict') throw badUserInput('input.idempotencyKey', 'was already used for another card verification');
  return setup;
}

/** The pages' fields: the service as CRM holds it, the account as eBill does. */
export const employeeTimTuoResolvers = {
  Query: { timTuoActivationSummary: (_root, args: { input: Record<string, unknown> }, context) => activationSummary(args, context) },
  Mutation: { startTimTuoCardVerification: (_root, args: { input: Record<string, unknown> }, context) => startCardVerification(args, context) },
  EmployeeTimTuo: {
    associated: (t: EmployeeTimTuo) => t.employee !== null,
    taxCode: (t: EmployeeTimTuo) => t.employee?.taxCode ?? null,
    lastName: (t: EmployeeTimTuo) => t.employee?.lastName ?? null,
    firstName: (t: EmployeeTimTuo) => t.employee?.firstName ?? null,
    trafficDetail: () => 'Rendiconto Telefonico',
    billingAccount: (t: EmployeeTimTuo, _args, { loaders }) => (t.employee ? loaders.ebill.personalAccount.load(t.number) : null),
  },
  TimTuoBillingAccount: {
    maskedCard: (a: PersonalBillingAccount) => a.card?.masked ?? null,
    cardExpiry: (a: PersonalBillingAccount) => a.card?.expiry ?? null,
  },
} satisfies Resolvers;

export const employeeTimTuoField = (line: MobileLine, _args: unknown, context: SubgraphContext) => employeeTimTuoOf(line, context);
