import { currentRequestScope } from '../../observability/request-scope';
import { badUserInput, legacyRejected } from '../../adapters/errors';
import type { PersonalInvoicing } from '../../adapters/ebill/personal-invoices';
import { authorisedTarget } from '../runtime/dispositive/engine';
import { fingerprint } from '../runtime/dispositive/fingerprint';
import { MOBILE_LINE } from '../runtime/dispositive/targets';
import type { SubgraphContext } from '../runtime/server';
import { checkEmail } from '../runtime/validators/email';
import { checkMobileNumber } from '../runtime/validators/phone';
import { checkIdempotencyKey } from '../runtime/validators/idempotency-key';
import { personalInvoicingOf } from './personal-invoicing';

/**
 * h-invoice (issue 12). MODIFICA EMAIL / USA EMAIL DI REGISTRAZIONE of "La mia fattura" (seed 002 §9.2.1.2). Not a
 * pratica (the Appendix has no row for it), so not a dispositive declaration: like deletePaymentMethod it acts on the
 * systems directly, on the viewer's own line found as the dispositive mechanism finds targets (unknown and foreign
 * alike NOT_FOUND; a line he sees only as a referent FORBIDDEN).
 *
 * "La modifica dell'indirizzo di email ha effetto anche sull'indirizzo di email utilizzato durante la registrazione":
 * two writes in two systems, no transaction across them. Both go under the client's idempotency key (scoped to the
 * user): CRM's registration e-mail first, which answers the user's e-mail as it stands (after a replay, as it is
 * now), then eBill's notification address set to that answer. A failure between them leaves CRM ahead; the retry
 * with the same key writes nothing in CRM and completes eBill, so both end equal, even if another change came
 * between (the replay carries CRM's current address, and eBill keeps a later change over a replayed key).
 */
interface ChangeInput { number?: unknown; email?: unknown; useRegistrationEmail?: unknown; idempotencyKey?: unknown }

const FIELD = 'changeInvoiceNotificationEmail';

function validate(input: ChangeInput) {
  const key = checkIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey');
  const useRegistrationEmail = input.useRegistrationEmail === true;
  if (useRegistrationEmail && input.email !== undefined && input.email !== null) {
    throw badUserInput('input.email', 'leave it out when using the registration e-mail');
  }
  const email = useRegistrationEmail ? null : checkEmail(input.email, 'input.email');
  // A malformed number is the client's mistake (BAD_USER_INPUT), not a line that does not exist (issue 19).
  return { key, email, useRegistrationEmail, number: checkMobileNumber(input.number, 'input.number') };
}

async function registrationEmail({ legacy, identity }: SubgraphContext): Promise<string> {
  const email = (await legacy.crm.getUserProfile(identity.userId))?.email;
  if (!email) throw badUserInput('input.useRegistrationEmail', 'your registration has no e-mail: type the address instead');
  return email;
}

export async function changeInvoiceNotificationEmail(_root: unknown, { input }: { input: ChangeInput }, context: SubgraphContext): Promise<PersonalInvoicing> {
  const { key, email, useRegistrationEmail, number } = validate(input);
  const { target: line } = await authorisedTarget(MOBILE_LINE, number, FIELD, context);
  if (!await personalInvoicingOf(line, {}, context)) {
    throw legacyRejected('eBill', 'TIM TUO postpaid is not active on this line: it has no personal invoice to notify.', currentRequestScope()?.correlationId ?? '');
  }
  const scopedKey = `${context.identity.userId}:${key}`;
  const registered = await context.legacy.crm.userEmail.set({
    userId: context.identity.userId,
    email: email ?? await registrationEmail(context),
    idempotencyKey: scopedKey,
    fingerprint: fingerprint(FIELD, line.number, { email, useRegistrationEmail }),
  });
  await context.legacy.ebill.setNotificationEmail({ operationId: scopedKey, lineNumber: line.number, email: registered });
  context.loaders.ebill.personalInvoicing.clear(line.number);
  return (await personalInvoicingOf(line, {}, context))!;
}
