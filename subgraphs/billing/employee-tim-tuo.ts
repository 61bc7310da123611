import type { MobileLine } from '../../adapters/domain';
import type { EmployeeTimTuo } from '../../adapters/crm/tim-tuo-employee';
import type { PersonalBillingAccount } from '../../adapters/ebill/personal-account';
import { badUserInput, legacyRejected } from '../../adapters/errors';
import { currentRequestScope } from '../../observability/request-scope';
import { authorisedTarget } from '../runtime/dispositive/engine';
import { employeeTimTuoOf } from '../runtime/dispositive/employee-tim-tuo-target';
import { MOBILE_LINE } from '../runtime/dispositive/targets';
import type { Resolvers, SubgraphContext } from '../runtime/server';
import { checkIdempotencyKey } from '../runtime/validators/idempotency-key';
import { checkMobileNumber } from '../runtime/validators/phone';

/**
 * h-tuopost (issue 12). TIM TUO as the employee, postpaid (seed 002 §9.2.1.1, BIL-10): the "Gestisci" and
 * "Reportistica" pages (`MobileLine.employeeTimTuo`, the EU's alone: CRM's TIM TUO record and eBill's personal billing
 * account) and the start of the card verification on the provider's page (the summary the employee downloads before
 * he confirms an activation is `changeSummary`'s, from the declaration's terms). The changes themselves are declarations (operations/employee-tim-tuo.ts).
 */
const rejected = (why: string) => legacyRejected('CRM', why, currentRequestScope()?.correlationId ?? '');

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
