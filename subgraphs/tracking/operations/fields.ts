import type { Contract } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import { checkEmail } from '../../runtime/validators/email';
import { checkPhoneNumber } from '../../runtime/validators/phone';
import { checkOptionalText, checkRequiredText } from '../../runtime/validators/text';
import { notActiveMobile } from '../../mobile/operations/contract-rules';

/**
 * What the assistance forms of seed 002 §7.6.7–§7.7.9 share: "inserisci i dati di contatto ed il motivo della
 * richiesta". The contact is who customer service calls back; CRM keeps it with the pratica for the back office.
 */
export interface Contact { name: string; phone: string; email?: string }

export const objectAt = (raw: unknown): Record<string, unknown> => (raw !== null && typeof raw === 'object' ? raw as Record<string, unknown> : {});

export function checkContact(raw: unknown, at: (field: string) => string): Contact {
  const c = objectAt(raw);
  const email = checkOptionalText(c.email, at('contact.email'), 254);
  return {
    name: checkRequiredText(c.name, at('contact.name'), 80),
    phone: checkPhoneNumber(c.phone, at('contact.phone')),
    ...(email && { email: checkEmail(email, at('contact.email')) }),
  };
}

export const contactParameters = (c: Contact): Record<string, string> =>
  ({ referente: c.name, telefono: c.phone, ...(c.email && { email: c.email }) });

/** One of an enum's values (GraphQL already checks them; the declaration is also called with raw input). */
export function checkOneOf<T extends string>(raw: unknown, field: string, values: readonly T[]): T {
  if (typeof raw !== 'string' || !values.includes(raw as T)) throw badUserInput(field, `must be one of ${values.join(', ')}`);
  return raw as T;
}

/** Technical assistance and SMAS requests are for the devices and services of an active mobile contract (CM8). */
export const notAssistable = (contract: Contract) => notActiveMobile(contract, 'Assistance is requested');
