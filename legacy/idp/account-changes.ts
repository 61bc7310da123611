import { createHash, randomBytes } from 'node:crypto';
import { importJWK, jwtVerify } from 'jose';
import type { CrmUserEmail } from '../../adapters/crm/user-email';
import type { Mailer } from '../../adapters/mail';
import { logger } from '../../observability/logger';
import { ExpiringMap } from '../../stack/expiring-map';
import { invalidRequest, type Answer } from './anonymous';
import type { CredentialStore } from './credentials';
import { countAttempt } from './metrics';
import { passwordProblem } from './passwords';
import type { RateLimiter } from './rate-limit';
import { EMAIL, PEC_DOMAIN } from './registration';
import type { SigningKey } from './signing-key';

/**
 * issue 20, ACC-03 (seed 000 "Dati Personali"): what a signed-in user changes of his own account, with the token the
 * IdP issued him: the password (the current one required) and the registration e-mail (confirmed by a link sent to
 * the new address, valid 48 hours; no PEC). The e-mail is the account's ("senza risalita sui legacy": no billing
 * system's address changes); CRM's user record, which the graph's `viewer.email` reads, takes it when the link is
 * opened. The company's mobile number and tax code are not the user's to change: no endpoint changes them.
 */
export const EMAIL_LINK_TTL_MS = 48 * 60 * 60_000;

const digestOf = (token: string) => createHash('sha256').update(token).digest('hex');
const UNAUTHENTICATED: Answer = { status: 401, body: { error: 'invalid_token', error_description: 'sign in again' } };

export interface AccountChangesOptions {
  key: SigningKey; issuer: string; audience: string; credentials: CredentialStore; limiter: RateLimiter;
  mailer?: Mailer; crmUserEmail?: CrmUserEmail; emailLinkTtlMs?: number;
}

export function accountChanges(opts: AccountChangesOptions) {
  const publicKey = importJWK(opts.key.publicJwk, 'ES256');
  const pending = new ExpiringMap<string, { username: string; userId: string; email: string }>(100_000);

  /** The active user the bearer token names, or null. */
  async function userOf(authorization: string | undefined) {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, await publicKey, { issuer: opts.issuer, audience: opts.audience, algorithms: ['ES256'] });
      const user = typeof payload.preferred_username === 'string' ? opts.credentials.activeUser(payload.preferred_username) : undefined;
      return user && user.id === payload.sub ? user : null;
    } catch {
      return null;
    }
  }

  return {
    async changePassword(authorization: string | undefined, form: Record<string, string | undefined>): Promise<Answer> {
      const user = await userOf(authorization);
      if (!user) return UNAUTHENTICATED;
      if (!form.current_password) return invalidRequest('current_password', 'required');
      const problem = passwordProblem(form.new_password ?? '');
      if (problem) return invalidRequest('new_password', problem);
      if (!await opts.limiter.take(`password_change:${user.id}`)) return countAttempt('password_change', 'rate_limited'), { status: 429, body: { error: 'slow_down' } };
      const check = await opts.credentials.check(user.username, form.current_password);
      countAttempt('password_change', check.ok ? 'ok' : 'wrong');
      if (!check.ok) return { status: 400, body: { error: 'invalid_grant', field: 'current_password', error_description: 'the current password is wrong' } };
      await opts.credentials.setPassword(user.username, form.new_password!);
      return { status: 204 };
    },

    async requestEmailChange(authorization: string | undefined, form: Record<string, string | undefined>, origin: string): Promise<Answer> {
      const user = await userOf(authorization);
      if (!user) return UNAUTHENTICATED;
      const email = form.email?.trim().toLowerCase() ?? '';
      if (!EMAIL.test(email) || email.length > 254) return invalidRequest('email', 'an e-mail address');
      if (PEC_DOMAIN.test(email.split('@')[1])) return invalidRequest('email', 'not a certified (PEC) address');
      if (!opts.mailer) return { status: 503, body: { error: 'temporarily_unavailable' } };
      if (!await opts.limiter.take(`email_change:${user.id}`)) return countAttempt('email_change', 'rate_limited'), { status: 429, body: { error: 'slow_down' } };
      const token = randomBytes(24).toString('base64url');
      pending.set(digestOf(token), { username: user.username, userId: user.id, email }, Date.now() + (opts.emailLinkTtlMs ?? EMAIL_LINK_TTL_MS));
      countAttempt('email_change', 'accepted');
      const mailer = opts.mailer;
      setImmediate(() => {
        mailer.send({ to: email, subject: 'TIM Business: conferma la nuova e-mail di registrazione', text: `Gentile ${user.firstName},\n\n`
          + `per confermare questo indirizzo come e-mail di registrazione all'Area Clienti apri il link:\n${origin}/account/email/confirm?token=${token}\n\n`
          + 'Il link vale 48 ore. Se non l\'hai chiesto tu, ignora questo messaggio: l\'indirizzo non cambia.\n' })
          .catch((err: unknown) => logger.warn({ reason: err instanceof Error ? err.name : 'unknown' }, 'an e-mail of the IdP was not sent'));
      });
      return { status: 202, body: { status: 'CONFIRMATION_SENT' } };
    },

    /** The link: once, within 48 hours. CRM's user record takes the address under the link's digest as idempotency key. */
    async confirmEmail(token: string | undefined): Promise<Answer> {
      const digest = digestOf(token ?? '');
      const change = pending.get(digest);
      countAttempt('email_confirm', change ? 'ok' : 'no_code');
      if (!change) return { status: 400, body: { error: 'invalid_link', error_description: 'the link is wrong, used or expired' } };
      if (opts.crmUserEmail) await opts.crmUserEmail.set({ userId: change.userId, email: change.email, idempotencyKey: `idp-email-${digest.slice(0, 32)}`, fingerprint: digest });
      opts.credentials.setEmail(change.username, change.email);
      pending.delete(digest);
      return { status: 200, body: { email: change.email } };
    },
  };
}
