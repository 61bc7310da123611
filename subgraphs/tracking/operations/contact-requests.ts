import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { badUserInput } from '../../../adapters/errors';
import { REQUESTER, SCOPE_ID, type RequesterScope } from '../../runtime/dispositive/requester-target';
import { checkPhoneNumber } from '../../runtime/validators/phone';
import { checkFreeText, checkRequiredText } from '../../runtime/validators/text';
import { checkOneOf } from './fields';

/**
 * The contact requests every profile of both portals may make (seed 002 §7.7.3–§7.7.4, seed 000 "Contatti"): they
 * concern the viewer and no record, so their target is one of his own grant scopes (requester-target.ts). Both are a
 * pratica "Richiesta contatto" (Appendix row 29 for "Scrivici"); CRM keeps who asked (`richiedente`) and on which
 * channel (`canale`), so that the back office calls back the right person and the user sees his own bookings.
 */
const CONTACT_PRATICA = 'Richiesta contatto';
type ContactDeclaration<I extends { scopeId: string }> = DispositiveDeclaration<I, RequesterScope>;

const contactRequest = <I extends { scopeId: string }>(d: Pick<ContactDeclaration<I>, 'field' | 'appendixRows' | 'capabilities' | 'validate'>,
  channel: string, parameters: (input: I) => Record<string, string>): ContactDeclaration<I> => ({
  ...d,
  pratica: CONTACT_PRATICA,
  ordine: false,
  target: REQUESTER,
  targetId: (input) => input.scopeId,
  crm: (scope, input) => ({ parameters: { canale: channel, richiedente: scope.requester, ...parameters(input) } }),
});

/** One of the viewer's scopes, in shape: another shape is the client's mistake (issue 19), not a scope he lacks. */
function checkScope(raw: unknown, field: string): string {
  const scope = checkRequiredText(raw, field, 20);
  if (!SCOPE_ID.test(scope)) throw badUserInput(field, "must be one of your grants' scopeId (viewer.grants)");
  return scope;
}

/** §7.7.4 "Scrivici": Causale, Telefono, Note (max. 300 caratteri), all required. */
interface WriteToUs { scopeId: string; subject: string; phone: string; notes: string }

export const WRITE_TO_US = contactRequest<WriteToUs>({
  field: 'writeToUs',
  appendixRows: [29],
  capabilities: ['TRK-07'],
  validate: (raw, at) => ({
    scopeId: checkScope(raw.scopeId, at('scopeId')),
    subject: checkFreeText(raw.subject, at('subject'), { min: 3, max: 100 }),
    phone: checkPhoneNumber(raw.phone, at('phone')),
    notes: checkFreeText(raw.notes, at('notes'), { min: 3, max: 300 }),
  }),
}, 'SCRIVICI', (i) => ({ causale: i.subject, telefono: i.phone, note: i.notes }));

/**
 * §7.7.3 "Prenota una chiamata" and seed 000 "Prenota una chiamata": the number to call, the topic and the preferred
 * time window, within the service's hours (Monday to Friday 09:00–18:00, Saturday 09:00–14:00, holidays excluded).
 * Not an Appendix row: the seed names no pratica for it, and a booking is still a request customer service works and
 * the user follows, so it goes through the one mechanism as "Richiesta contatto", channel RICHIAMATA.
 */
export const CALL_BACK_TOPICS = ['INVOICES', 'LINES_AND_OFFERS', 'ORDERS', 'TECHNICAL', 'PORTAL', 'OTHER'] as const;
export const CALL_BACK_WINDOWS = ['WEEKDAY_09_12', 'WEEKDAY_12_15', 'WEEKDAY_15_18', 'SATURDAY_09_14'] as const;
interface CallBack { scopeId: string; topic: (typeof CALL_BACK_TOPICS)[number]; phone: string; window: (typeof CALL_BACK_WINDOWS)[number] }

export const BOOK_CALL_BACK = contactRequest<CallBack>({
  field: 'bookCallBack',
  appendixRows: [],
  capabilities: ['TRK-07'],
  validate: (raw, at) => ({
    scopeId: checkScope(raw.scopeId, at('scopeId')),
    topic: checkOneOf(raw.topic, at('topic'), CALL_BACK_TOPICS),
    phone: checkPhoneNumber(raw.phone, at('phone')),
    window: checkOneOf(raw.window, at('window'), CALL_BACK_WINDOWS),
  }),
}, 'RICHIAMATA', (i) => ({ argomento: i.topic, telefono: i.phone, fascia: i.window }));
