import { createHash, randomBytes } from 'node:crypto';
import type { CrmRegistration } from '../../adapters/crm/registration';
import type { Mailer } from '../../adapters/mail';
import { logger } from '../../observability/logger';
import { ExpiringMap } from '../../stack/expiring-map';
import type { DemoUser } from '../data/users';
import { ACCEPTED, INVALID_GRANT, invalidRequest, nationalMobile, type Answer } from './anonymous';
import type { CredentialStore } from './credentials';
import { countAttempt } from './metrics';
import type { OneTimeCodes } from './one-time-codes';
import { passwordProblem } from './passwords';
import type { RateLimiter } from './rate-limit';

/**
 * issue 20: the spontaneous registration of seed 000, step by step, each step a POST naming the registration by the
 * secret id the first one returned: mobile number (any operator) → SMS code → name, surname, personal and company tax
 * codes (CRM says whether this person may register, or already has) → e-mail (no PEC) and a username of his choice →
 * a certification link by e-mail → password and consents → the user, created by CRM (RL of the company), and a
 * summary e-mail. A registration left unfinished is forgotten after an hour.
 */
export const REGISTRATION_TTL_MS = 60 * 60_000;

type Step = 'CODE' | 'PERSONAL_DATA' | 'ACCOUNT' | 'CERTIFICATION' | 'PASSWORD';
interface Registration {
  step: Step;
  mobile: string;
  personal?: { firstName: string; lastName: string; taxCode: string; companyTaxCode: string | null };
  account?: { email: string; username: string };
}

const PERSONAL_TAX_CODE = /^[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]$/;
const COMPANY_TAX_CODE = /^(\d{11}|[A-Z0-9]{16})$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{3,39}$/;
export const EMAIL = /^[^\s@]{1,64}@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
/** Certified e-mail (PEC) domains: a label `pec`, or the PEC providers' own domains. Seed 000: "no PEC". */
export const PEC_DOMAIN = /(^|\.)(pec|legalmail|postacert|arubapec|pecimprese|cert)\./;
const NAME = /^[\p{L}' -]{1,60}$/u;

const secret = () => randomBytes(24).toString('base64url');
const digestOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface RegistrationOptions {
  credentials: CredentialStore; codes: OneTimeCodes; crm?: CrmRegistration; mailer?: Mailer;
  sendSms: (mobile: string, text: string) => boolean; limiter: RateLimiter;
}

const NOT_FOUND: Answer = { status: 404, body: { error: 'registration_not_found', error_description: 'no such registration, or it expired: start again' } };
const wrongStep = (step: Step): Answer => ({ status: 409, body: { error: 'wrong_step', error_description: `this registration is at step ${step}`, step } });
const next = (step: Step): Answer => ({ status: 200, body: { step } });

export function registrationFlow(opts: RegistrationOptions) {
  const registrations = new ExpiringMap<string, Registration>(100_000);
  /** Certification links: the digest of the link's token → the registration it certifies. */
  const links = new ExpiringMap<string, string>(100_000);
  const expiry = () => Date.now() + REGISTRATION_TTL_MS;

  function at(id: string | undefined, step: Step): { registration: Registration } | { answer: Answer } {
    const registration = id ? registrations.get(id) : undefined;
    if (!registration) return { answer: NOT_FOUND };
    if (registration.step !== step) return { answer: wrongStep(registration.step) };
    return { registration };
  }
  function mailLater(to: string, subject: string, text: string) {
    setImmediate(() => {
      opts.mailer!.send({ to, subject, text }).catch((err: unknown) => logger.warn({ reason: err instanceof Error ? err.name : 'unknown' }, 'an e-mail of the IdP was not sent'));
    });
  }

  return {
    async start(client: string, rawMobile: string | undefined): Promise<Answer> {
      const mobile = nationalMobile(rawMobile);
      if (!mobile) return countAttempt('registration', 'invalid'), invalidRequest('mobile', 'an Italian mobile number');
      if (!opts.crm || !opts.mailer) return { status: 503, body: { error: 'temporarily_unavailable', error_description: 'registration is not available now' } };
      if (!await opts.limiter.take(`registration:${client}:${mobile}`)) return countAttempt('registration', 'rate_limited'), { status: 429, body: { error: 'slow_down', error_description: 'too many requests: try again later' } };
      const id = secret();
      registrations.set(id, { step: 'CODE', mobile }, expiry());
      const code = opts.codes.issue(`registration:${id}`);
      if (!opts.sendSms(mobile, `TIM Business: il codice per la registrazione all'Area Clienti è ${code}. Vale 5 minuti; non comunicarlo a nessuno.`)) {
        return { status: 503, body: { error: 'temporarily_unavailable', error_description: 'SMS codes cannot be sent now' } };
      }
      countAttempt('registration', 'accepted');
      return { status: 202, body: { registration_id: id, step: 'CODE' } };
    },

    /** A new code for the same registration (the seed's "resend"): the earlier one stops working. */
    async resend(client: string, id: string | undefined): Promise<Answer> {
      const found = at(id, 'CODE');
      if ('answer' in found) return found.answer;
      if (!await opts.limiter.take(`registration:${client}:${found.registration.mobile}`)) return { status: 429, body: { error: 'slow_down', error_description: 'too many requests: try again later' } };
      const code = opts.codes.issue(`registration:${id}`);
      opts.sendSms(found.registration.mobile, `TIM Business: il codice per la registrazione all'Area Clienti è ${code}. Vale 5 minuti; non comunicarlo a nessuno.`);
      return ACCEPTED;
    },

    confirmCode(id: string | undefined, code: string | undefined): Answer {
      const found = at(id, 'CODE');
      if ('answer' in found) return found.answer;
      if (!code || !/^\d{6}$/.test(code)) return invalidRequest('code', 'the six digits received by SMS');
      const outcome = opts.codes.check(`registration:${id}`, code);
      countAttempt('registration_code', outcome === 'ok' ? 'ok' : outcome === 'wrong' ? 'wrong' : 'no_code');
      if (outcome !== 'ok') return INVALID_GRANT;
      found.registration.step = 'PERSONAL_DATA';
      return next('PERSONAL_DATA');
    },

    async personalData(id: string | undefined, form: Record<string, string | undefined>): Promise<Answer> {
      const found = at(id, 'PERSONAL_DATA');
      if ('answer' in found) return found.answer;
      const firstName = form.first_name?.trim().toUpperCase() ?? '';
      const lastName = form.last_name?.trim().toUpperCase() ?? '';
      const taxCode = form.tax_code?.trim().toUpperCase() ?? '';
      const companyTaxCode = form.company_tax_code?.trim().toUpperCase() || null;
      if (!NAME.test(firstName)) return invalidRequest('first_name', '1 to 60 letters');
      if (!NAME.test(lastName)) return invalidRequest('last_name', '1 to 60 letters');
      if (!PERSONAL_TAX_CODE.test(taxCode)) return invalidRequest('tax_code', 'a personal tax code (16 characters)');
      if (companyTaxCode !== null && !COMPANY_TAX_CODE.test(companyTaxCode)) return invalidRequest('company_tax_code', 'a company tax code (11 digits or 16 characters)');
      const verdict = await opts.crm!.verify(taxCode, companyTaxCode);
      countAttempt('registration_personal_data', verdict === 'ADMITTED' ? 'ok' : 'refused');
      if (verdict === 'ALREADY_REGISTERED') return { status: 409, body: { error: 'already_registered', error_description: 'this person is already registered: sign in, or recover the username or the password' } };
      if (verdict === 'NOT_ELIGIBLE') return { status: 403, body: { error: 'not_eligible', error_description: 'this customer cannot register online: contact TIM Business' } };
      if (verdict === 'COMPANY_REQUIRED') return invalidRequest('company_tax_code', 'required: the tax code names more than one company');
      found.registration.personal = { firstName, lastName, taxCode, companyTaxCode };
      found.registration.step = 'ACCOUNT';
      return next('ACCOUNT');
    },

    account(id: string | undefined, form: Record<string, string | undefined>, origin: string): Answer {
      const found = at(id, 'ACCOUNT');
      if ('answer' in found) return found.answer;
      const email = form.email?.trim().toLowerCase() ?? '';
      const username = form.username?.trim().toLowerCase() ?? '';
      if (!EMAIL.test(email) || email.length > 254) return invalidRequest('email', 'an e-mail address');
      if (PEC_DOMAIN.test(email.split('@')[1])) return invalidRequest('email', 'not a certified (PEC) address');
      if (!USERNAME.test(username)) return invalidRequest('username', '4 to 40 letters, digits, dots, dashes or underscores');
      if (opts.credentials.usernameTaken(username)) return { status: 409, body: { error: 'username_taken', field: 'username', error_description: 'this username is taken: choose another' } };
      found.registration.account = { email, username };
      found.registration.step = 'CERTIFICATION';
      const token = secret();
      links.set(digestOf(token), id!, expiry());
      mailLater(email, 'TIM Business: conferma il tuo indirizzo e-mail', `Gentile ${found.registration.personal!.firstName},\n\n`
        + `per completare la registrazione all'Area Clienti TIM Business apri questo link:\n${origin}/registration/certify?token=${token}\n\n`
        + 'Il link vale un\'ora. Se non hai chiesto tu la registrazione, ignora questo messaggio.\n');
      countAttempt('registration_account', 'accepted');
      return { status: 202, body: { step: 'CERTIFICATION' } };
    },

    /** The link of the e-mail: once, within the hour; then the password page. */
    certify(token: string | undefined): Answer {
      const digest = digestOf(token ?? '');
      const id = links.get(digest);
      const registration = id ? registrations.get(id) : undefined;
      countAttempt('registration_certify', registration?.step === 'CERTIFICATION' ? 'ok' : 'no_code');
      if (!registration || registration.step !== 'CERTIFICATION') return { status: 400, body: { error: 'invalid_link', error_description: 'the link is wrong, used or expired' } };
      links.delete(digest);
      registration.step = 'PASSWORD';
      return next('PASSWORD');
    },

    async complete(id: string | undefined, form: Record<string, string | undefined>): Promise<Answer> {
      const found = at(id, 'PASSWORD');
      if ('answer' in found) return found.answer;
      const problem = passwordProblem(form.password ?? '');
      if (problem) return invalidRequest('password', problem);
      if (form.privacy_consent !== 'true') return invalidRequest('privacy_consent', 'the privacy notice must be accepted (true)');
      const marketing = form.marketing_consent === 'true';
      const { mobile, personal, account } = found.registration as Required<Registration>;
      const outcome = await opts.crm!.register({ ...personal, ...account, mobile });
      countAttempt('registration_complete', outcome.outcome === 'REGISTERED' ? 'ok' : 'refused');
      if (outcome.outcome === 'USERNAME_TAKEN') {
        found.registration.step = 'ACCOUNT';
        return { status: 409, body: { error: 'username_taken', field: 'username', error_description: 'this username is taken: choose another', step: 'ACCOUNT' } };
      }
      if (outcome.outcome !== 'REGISTERED') {
        registrations.delete(id!);
        return { status: 409, body: { error: outcome.outcome === 'ALREADY_REGISTERED' ? 'already_registered' : 'not_eligible' } };
      }
      const user: DemoUser = {
        id: outcome.userId, username: outcome.username, firstName: personal.firstName, lastName: personal.lastName, taxCode: personal.taxCode,
        mobile, email: account.email, status: 'ATTIVA', grants: [{ profile: 'RL', kind: 'AZIENDA', scope: outcome.customerCode }],
      };
      await opts.credentials.addRegistered(user, form.password!);
      registrations.delete(id!);
      mailLater(account.email, 'TIM Business: la tua registrazione è completa', `Gentile ${personal.firstName} ${personal.lastName},\n\n`
        + 'la registrazione all\'Area Clienti TIM Business è completa. I tuoi dati:\n'
        + `- username: ${user.username}\n- cellulare: ${mobile}\n- codice fiscale: ${personal.taxCode}\n`
        + `${personal.companyTaxCode ? `- codice fiscale aziendale: ${personal.companyTaxCode}\n` : ''}`
        + `- profilo: Rappresentante Legale\n- consenso privacy: sì; consenso marketing: ${marketing ? 'sì' : 'no'}\n\n`
        + 'Puoi usare le stesse credenziali per accedere all\'App TIM BUSINESS.\n');
      return { status: 201, body: { username: user.username, profile: 'RL' } };
    },
  };
}
export type RegistrationFlow = ReturnType<typeof registrationFlow>;
