import type { SmsClient } from '../../adapters/sms';
import { logger } from '../../observability/logger';
import type { DemoUser } from '../data/users';
import type { CredentialStore } from './credentials';
import { countAttempt, type Flow } from './metrics';
import type { OneTimeCodes } from './one-time-codes';
import { passwordProblem } from './passwords';
import { inProcessRateLimiter, type RateLimiter } from './rate-limit';

/**
 * issue 20: what the IdP does before anyone has a token: ask for an SMS code, sign in with it, recover the username,
 * reset the password (seed 004). Each answers the same whether the number or username is known or not, and before
 * any SMS is sent (sending happens after the answer), so neither the answer nor its time tells who has an account.
 * Rate limits per number or username and per client; every attempt counted (metrics.ts); no code or password is
 * ever logged.
 */
export type Answer = { status: number; body?: Record<string, unknown> };

export const ACCEPTED: Answer = { status: 202, body: { status: 'ACCEPTED' } };
const TOO_MANY: Answer = { status: 429, body: { error: 'slow_down', error_description: 'too many requests: try again later' } };
export const INVALID_GRANT: Answer = { status: 400, body: { error: 'invalid_grant', error_description: 'the code is wrong or no longer valid' } };
const UNAVAILABLE: Answer = { status: 503, body: { error: 'temporarily_unavailable', error_description: 'SMS codes cannot be sent now' } };
export const invalidRequest = (field: string, rule: string): Answer =>
  ({ status: 400, body: { error: 'invalid_request', error_description: `${field}: ${rule}`, field } });

/**
 * Sends an SMS after the answer (false when no SMS gateway is set): the answer's time never depends on it, and a
 * failure is logged by kind only (the text carries a code or a username).
 */
export function smsSender(sms: SmsClient | undefined): (mobile: string, text: string) => boolean {
  return (mobile, text) => {
    if (!sms) return false;
    setImmediate(() => {
      sms.send(mobile, text).catch((err: unknown) => logger.warn({ reason: err instanceof Error ? err.message : 'unknown' }, 'an SMS of the IdP was not sent'));
    });
    return true;
  };
}

/** An Italian mobile number, national (`3485180611`) or international (`+393485180611`): the national form, else null. */
export function nationalMobile(value: string | undefined): string | null {
  const m = /^(?:\+39|0039)?(3\d{8,9})$/.exec((value ?? '').replace(/[\s-]/g, ''));
  return m ? m[1] : null;
}

/** Per number or username: 5 codes in 15 minutes. Per client: 300 calls a minute, all flows together. */
export const SUBJECT_LIMIT = { limit: 5, windowMs: 15 * 60_000 };
export const CLIENT_LIMIT = { limit: 300, windowMs: 60_000 };

export interface AnonymousFlowsOptions { credentials: CredentialStore; codes: OneTimeCodes; sms?: SmsClient; limiters?: { subject: RateLimiter; client: RateLimiter } }

export function anonymousFlows(opts: AnonymousFlowsOptions) {
  const { credentials, codes, sms } = opts;
  const limiters = opts.limiters ?? { subject: inProcessRateLimiter(SUBJECT_LIMIT), client: inProcessRateLimiter(CLIENT_LIMIT) };

  /** The client's and the subject's budgets; false (and counted) when either is spent. */
  async function allowed(flow: Flow, client: string, subject: string): Promise<boolean> {
    if (await limiters.client.take(`${flow}:${client}`) && await limiters.subject.take(`${flow}:${subject}`)) return true;
    countAttempt(flow, 'rate_limited');
    return false;
  }

  /** A request for an SMS to a number: its national form once valid, within the limits and counted; else the answer. */
  async function acceptSmsRequest(flow: Flow, client: string, rawMobile: string | undefined): Promise<{ mobile: string } | { answer: Answer }> {
    const mobile = nationalMobile(rawMobile);
    if (!mobile) return countAttempt(flow, 'invalid'), { answer: invalidRequest('mobile', 'an Italian mobile number') };
    if (!sms) return { answer: UNAVAILABLE };
    if (!await allowed(flow, client, mobile)) return { answer: TOO_MANY };
    countAttempt(flow, 'accepted');
    return { mobile };
  }

  const sendLater = smsSender(sms);

  return {
    /** Sign-in step 1: an SMS code to this number, if it names an active user. */
    async requestSignInCode(client: string, rawMobile: string | undefined): Promise<Answer> {
      const request = await acceptSmsRequest('sms_code_request', client, rawMobile);
      if ('answer' in request) return request.answer;
      const { mobile } = request;
      if (credentials.userOfMobile(mobile)) {
        const code = codes.issue(`signin:${mobile}`);
        sendLater(mobile, `TIM Business: il tuo codice di accesso all'Area Clienti è ${code}. Vale 5 minuti; non comunicarlo a nessuno.`);
      }
      return ACCEPTED;
    },

    /** Sign-in step 2: the user of the number, when the code is the one sent and still valid. */
    async signInWithCode(client: string, rawMobile: string | undefined, code: string | undefined): Promise<{ user: DemoUser } | { answer: Answer }> {
      const mobile = nationalMobile(rawMobile);
      if (!mobile) return countAttempt('sms_sign_in', 'invalid'), { answer: invalidRequest('mobile', 'an Italian mobile number') };
      if (!code || !/^\d{6}$/.test(code)) return countAttempt('sms_sign_in', 'invalid'), { answer: invalidRequest('code', 'the six digits received by SMS') };
      if (!await limiters.client.take(`sms_sign_in:${client}`)) return countAttempt('sms_sign_in', 'rate_limited'), { answer: TOO_MANY };
      const outcome = codes.check(`signin:${mobile}`, code);
      const user = outcome === 'ok' ? credentials.userOfMobile(mobile) : undefined;
      countAttempt('sms_sign_in', outcome === 'ok' ? (user ? 'ok' : 'refused') : outcome === 'wrong' ? 'wrong' : 'no_code');
      return user ? { user } : { answer: INVALID_GRANT };
    },

    /** Seed 004, "recupera username": the username by SMS to the number it is registered with. */
    async recoverUsername(client: string, rawMobile: string | undefined): Promise<Answer> {
      const request = await acceptSmsRequest('username_recovery', client, rawMobile);
      if ('answer' in request) return request.answer;
      const { mobile } = request;
      const user = credentials.userOfMobile(mobile);
      if (user) sendLater(mobile, `TIM Business: la username dell'Area Clienti registrata su questo numero è ${user.username}.`);
      return ACCEPTED;
    },

    /** Seed 004, "recupera password" step 1: a code by SMS to the user's mobile number. */
    async requestPasswordReset(client: string, username: string | undefined): Promise<Answer> {
      if (!username || username.length > 100) return countAttempt('password_recovery', 'invalid'), invalidRequest('username', '1 to 100 characters');
      if (!sms) return UNAVAILABLE;
      if (!await allowed('password_recovery', client, username)) return TOO_MANY;
      countAttempt('password_recovery', 'accepted');
      const user = credentials.activeUser(username);
      if (user?.mobile) {
        const code = codes.issue(`reset:${username}`);
        sendLater(user.mobile, `TIM Business: il codice per reimpostare la password dell'Area Clienti è ${code}. Vale 5 minuti; non comunicarlo a nessuno.`);
      }
      return ACCEPTED;
    },

    /** Step 2: the new password, with the code. The old one stops working at once. */
    async resetPassword(client: string, username: string | undefined, code: string | undefined, newPassword: string | undefined): Promise<Answer> {
      if (!username || username.length > 100) return countAttempt('password_reset', 'invalid'), invalidRequest('username', '1 to 100 characters');
      if (!code || !/^\d{6}$/.test(code)) return countAttempt('password_reset', 'invalid'), invalidRequest('code', 'the six digits received by SMS');
      const problem = passwordProblem(newPassword ?? '');
      if (problem) return countAttempt('password_reset', 'invalid'), invalidRequest('new_password', problem);
      if (!await limiters.client.take(`password_reset:${client}`)) return countAttempt('password_reset', 'rate_limited'), TOO_MANY;
      const outcome = codes.check(`reset:${username}`, code);
      const user = outcome === 'ok' ? credentials.activeUser(username) : undefined;
      countAttempt('password_reset', outcome === 'ok' ? (user ? 'ok' : 'refused') : outcome === 'wrong' ? 'wrong' : 'no_code');
      if (!user) return INVALID_GRANT;
      await credentials.setPassword(user.username, newPassword!);
      return { status: 204 };
    },
  };
}
export type AnonymousFlows = ReturnType<typeof anonymousFlows>;
