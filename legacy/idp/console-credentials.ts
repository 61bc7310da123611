import { randomInt, timingSafeEqual, createHash } from 'node:crypto';
import type { UserProfile } from '../../adapters/domain';
import type { Mailer } from '../../adapters/mail';
import { logger } from '../../observability/logger';
import { ACCEPTED, invalidRequest, type Answer } from './anonymous';
import type { CredentialStore } from './credentials';
import { countAttempt } from './metrics';

/**
 * issue 20 item 5 (ACC-08): the credentials the legal representative's console asks for, on the IdP's admin API
 * (a real IdP has its own, e.g. an OIDC provider's "execute actions" or "reset credentials"). `POST
 * /admin/credentials {user_id, request_id}` with `Authorization: Bearer <IDP_ADMIN_KEY>` (the account subgraph's):
 * a new one-time password for the CRM user, kept as a scrypt hash, sent by SMS to his mobile, and his username by
 * e-mail; 202, never the password. The same `request_id` (the console's pratica) sends nothing again, so that a
 * retry of the change repeats nothing (kept in memory: after a restart a replay sends a new password, which replaces
 * the old). A user CRM created from the console is known to the IdP from then on. Nothing of the password is logged.
 */
export interface ConsoleCredentialsOptions {
  adminKey: string;
  credentials: CredentialStore;
  /** CRM's user record (GetProfiloUtente); undefined without CRM: 503. */
  userProfile?: (userId: string) => Promise<UserProfile | null>;
  sendSms: (mobile: string, text: string) => boolean;
  mailer?: Mailer;
}

const UNAVAILABLE: Answer = { status: 503, body: { error: 'temporarily_unavailable' } };
const UNAUTHORISED: Answer = { status: 401, body: { error: 'invalid_token' } };
const USER_ID = /^1-[A-Z]\d{4,7}$/;
const REQUEST_ID = /^7-\d{1,20}$/;
/** Letters and digits a person can read off a phone without mistaking one for another. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function consoleCredentials(opts: ConsoleCredentialsOptions) {
  const delivered = new Set<string>();
  const expected = digest(`Bearer ${opts.adminKey}`);
  return {
    async issue(authorization: string | undefined, form: Record<string, string | undefined>): Promise<Answer> {
      if (!timingSafeEqual(digest(authorization ?? ''), expected)) return UNAUTHORISED;
      if (!USER_ID.test(form.user_id ?? '')) return invalidRequest('user_id', 'a CRM user id');
      if (!REQUEST_ID.test(form.request_id ?? '')) return invalidRequest('request_id', 'the pratica id');
      if (!opts.userProfile || !opts.mailer) return UNAVAILABLE;
      if (delivered.has(form.request_id!)) return ACCEPTED;
      const user = await opts.userProfile(form.user_id!);
      if (!user?.mobile || !user.email) {
        countAttempt('console_credentials', 'refused');
        return { status: 404, body: { error: 'not_found' } };
      }
      const password = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      await opts.credentials.setConsoleCredentials({
        id: user.id, username: user.username, firstName: user.firstName, lastName: user.lastName, taxCode: user.taxCode,
        mobile: user.mobile, email: user.email, status: 'ATTIVA', grants: [],
      }, password);
      delivered.add(form.request_id!);
      opts.sendSms(user.mobile, `TIM Business, Area Clienti: la tua password provvisoria è ${password}. Cambiala al primo accesso.`);
      const mail = { to: user.email, subject: 'TIM Business: le tue credenziali dell\'Area Clienti',
        text: `Gentile ${user.firstName} ${user.lastName},\nil Rappresentante Legale della tua azienda ti ha abilitato all'Area Clienti.\nUsername: ${user.username}\nLa password provvisoria ti è stata inviata per SMS al numero ${user.mobile}.\n` };
      setImmediate(() => {
        opts.mailer!.send(mail).catch((err: unknown) => logger.warn({ reason: err instanceof Error ? err.message : 'unknown' }, 'an e-mail of the IdP was not sent'));
      });
      countAttempt('console_credentials', 'sent');
      return ACCEPTED;
    },
  };
}
