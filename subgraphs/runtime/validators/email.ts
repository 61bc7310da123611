import { badUserInput } from '../../../adapters/errors';

/**
 * E-mail addresses for the registration and the profile (ACC-03, ACC-11): a plain address, and never certified
 * mail (PEC: "non sono ammessi indirizzi di Posta Elettronica Certificata"). PEC providers are recognised by their
 * domains: a `pec` or `cert` label (pec.telecomitalia.it, cert.legalmail.it) or a known PEC service.
 */
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const PEC_LABELS = new Set(['pec', 'cert', 'postacert']);
const PEC_SERVICES = /(^|\.)(legalmail|arubapec|pecimprese|sicurezzapostale|postecert|casellapec|registerpec|pec-mail|mypec)\./;

export function isPecAddress(email: string): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return domain.split('.').some((label) => PEC_LABELS.has(label)) || PEC_SERVICES.test(`${domain}.`);
}

export function checkEmail(raw: unknown, field: string): string {
  const email = typeof raw === 'string' ? raw.trim() : '';
  if (email.length > 254 || !ADDRESS.test(email)) throw badUserInput(field, 'must be an e-mail address like name@example.it');
  if (isPecAddress(email)) throw badUserInput(field, 'must not be a certified (PEC) address');
  return email;
}
