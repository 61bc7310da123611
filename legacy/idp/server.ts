import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logger } from '../../observability/logger';
import type { SmsClient } from '../../adapters/sms';
import type { DemoUser } from '../data/users';
import { issueAccessToken, TOKEN_LIFETIME_SECONDS, type TokenClaimsSettings } from './access-token';
import type { CrmRegistration } from '../../adapters/crm/registration';
import type { Mailer } from '../../adapters/mail';
import { anonymousFlows, smsSender, SUBJECT_LIMIT, type Answer } from './anonymous';
import { inProcessRateLimiter } from './rate-limit';
import { registrationFlow } from './registration';
import { accountChanges } from './account-changes';
import type { CrmUserEmail } from '../../adapters/crm/user-email';
import { clientOfTokenRequest } from './clients';
import type { CredentialStore } from './credentials';
import { countAttempt, METRICS_CONTENT_TYPE, metricsText } from './metrics';
import { createOneTimeCodes } from './one-time-codes';
import { consoleCredentials } from './console-credentials';
import type { UserProfile } from '../../adapters/domain';
import type { SigningKey } from './signing-key';

export interface IdpOptions extends TokenClaimsSettings {
  host: string;
  port: number;
  key: SigningKey;
  credentials: CredentialStore;
  /** issue 20: the SMS gateway the codes go by; without it the SMS flows answer 503. */
  sms?: SmsClient;
  /** issue 20: CRM's registration and the e-mail relay; without them registration answers 503. */
  crm?: CrmRegistration;
  mailer?: Mailer;
  /** ACC-03: CRM's user record, which takes a confirmed registration e-mail. */
  crmUserEmail?: CrmUserEmail;
  /** issue 20 (ACC-08): the admin API's key and CRM's user record, for the credentials the user console sends. */
  adminKey?: string;
  userProfile?: (userId: string) => Promise<UserProfile | null>;
}

/** issue 20: the grant of a sign-in with an SMS code (an extension grant, RFC 6749 §4.5). */
export const SMS_CODE_GRANT = 'urn:onegraph:params:oauth:grant-type:sms-code';

export interface RunningIdp { url: string; close(): Promise<void> }

/** A login form posts a few hundred bytes; anything much larger is not a token request. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * The endpoints of an OAuth 2 identity provider that the graph needs: the JWKS the gateway verifies tokens with,
 * and the token endpoint, through a registered client (`client_id`, clients.ts) or none: the resource-owner password
 * grant and (issue 20) the SMS-code grant. issue 20 adds the anonymous flows before it (anonymous.ts): `POST
 * /sms-code`, `POST /recovery/username`, `POST /recovery/password`, `POST /recovery/password/reset`; and `GET /metrics`.
 */
export async function startIdp(opts: IdpOptions): Promise<RunningIdp> {
  const jwks = JSON.stringify({ keys: [opts.key.publicJwk] });
  const codes = createOneTimeCodes();
  const flows = anonymousFlows({ credentials: opts.credentials, codes, sms: opts.sms });
  const changes = accountChanges({
    key: opts.key, issuer: opts.issuer, audience: opts.audience, credentials: opts.credentials, limiter: inProcessRateLimiter(SUBJECT_LIMIT),
    mailer: opts.mailer, crmUserEmail: opts.crmUserEmail,
  });
  const credentialsForConsole = consoleCredentials({
    adminKey: opts.adminKey ?? 'onegraph-idp-admin', credentials: opts.credentials, userProfile: opts.userProfile, sendSms: smsSender(opts.sms), mailer: opts.mailer,
  });
  const registration = registrationFlow({
    credentials: opts.credentials, codes, crm: opts.crm, mailer: opts.mailer, sendSms: smsSender(opts.sms), limiter: inProcessRateLimiter(SUBJECT_LIMIT),
  });

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof BadRequest) return sendJson(res, 400, { error: 'invalid_request', error_description: err.message });
      logger.error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://idp').pathname;
    // Browsers (the IDE, examples/dashboard/) log in from other origins. Any origin: the demo IdP hands a token only
    // to who knows the password, and uses no cookie, so a page of another site gains nothing it could not by itself.
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-methods': 'POST, GET', 'access-control-allow-headers': 'content-type, authorization', 'access-control-max-age': '600' });
      res.end();
      return;
    }
    if (req.method === 'GET' && path === '/.well-known/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' });
      res.end(jwks);
      return;
    }
    if (req.method === 'POST' && path === '/oauth/token') return token(req, res);
    if (req.method === 'GET' && path === '/metrics') {
      res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE });
      res.end(await metricsText());
      return;
    }
    if (req.method === 'GET' && path === '/registration/certify') {
      const answer = registration.certify(new URL(req.url ?? '/', 'http://idp').searchParams.get('token') ?? undefined);
      return sendJson(res, answer.status, answer.body);
    }
    if (req.method === 'GET' && path === '/account/email/confirm') {
      const answer = await changes.confirmEmail(new URL(req.url ?? '/', 'http://idp').searchParams.get('token') ?? undefined);
      return sendJson(res, answer.status, answer.body);
    }
    if (req.method === 'POST' && (path === '/account/password' || path === '/account/email')) {
      const form = await readForm(req);
      const answer = path === '/account/password'
        ? await changes.changePassword(req.headers.authorization, form)
        : await changes.requestEmailChange(req.headers.authorization, form, `http://${req.headers.host ?? `${opts.host}:${opts.port}`}`);
      return sendAnswer(res, answer);
    }
    // issue 20 (ACC-08): the admin API the account subgraph calls for the user console (console-credentials.ts).
    if (req.method === 'POST' && path === '/admin/credentials') return sendAnswer(res, await credentialsForConsole.issue(req.headers.authorization, await readForm(req)));
    if (req.method === 'POST' && path in ANONYMOUS_ROUTES) return anonymous(req, res, ANONYMOUS_ROUTES[path]);
    sendJson(res, 404, { error: 'not_found' });
  }

  /** Anonymous flows take a form or JSON, and the client as the token endpoint does (an unknown one is refused). */
  type AnonymousRoute = (client: string, form: Form, origin: string) => Answer | Promise<Answer>;
  const ANONYMOUS_ROUTES: Record<string, AnonymousRoute> = {
    '/sms-code': (client, form) => flows.requestSignInCode(client, form.mobile),
    '/recovery/username': (client, form) => flows.recoverUsername(client, form.mobile),
    '/recovery/password': (client, form) => flows.requestPasswordReset(client, form.username),
    '/recovery/password/reset': (client, form) => flows.resetPassword(client, form.username, form.code, form.new_password),
    // issue 20: the spontaneous registration (registration.ts), one step per call.
    '/registration': (client, form) => registration.start(client, form.mobile),
    '/registration/code/resend': (client, form) => registration.resend(client, form.registration_id),
    '/registration/code': (_client, form) => registration.confirmCode(form.registration_id, form.code),
    '/registration/personal-data': (_client, form) => registration.personalData(form.registration_id, form),
    '/registration/account': (_client, form, origin) => registration.account(form.registration_id, form, origin),
    '/registration/complete': (_client, form) => registration.complete(form.registration_id, form),
  };

  async function anonymous(req: IncomingMessage, res: ServerResponse, run: AnonymousRoute): Promise<void> {
    const form = await readForm(req);
    const client = clientOfTokenRequest(form.client_id);
    if (!client.ok) return sendJson(res, 401, { error: 'invalid_client' });
    // The IdP's own links (the certification e-mail's) use the address the caller reached it at.
    return sendAnswer(res, await run(client.client ?? 'unnamed', form, `http://${req.headers.host ?? `${opts.host}:${opts.port}`}`));
  }

  async function sendToken(res: ServerResponse, user: DemoUser, client: string | undefined): Promise<void> {
    const accessToken = await issueAccessToken(opts.key, user, opts, client);
    sendJson(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS });
  }

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    if (form.grant_type !== 'password' && form.grant_type !== SMS_CODE_GRANT) return sendJson(res, 400, { error: 'unsupported_grant_type' });
    if (form.grant_type === 'password' && (!form.username || !form.password)) throw new BadRequest('username and password are required');
    // RFC 6749 §5.2: a client the IdP has not registered is `invalid_client`, before any password is looked at.
    const client = clientOfTokenRequest(form.client_id);
    if (!client.ok) return sendJson(res, 401, { error: 'invalid_client' });
    if (form.grant_type === SMS_CODE_GRANT) {
      const signIn = await flows.signInWithCode(client.client ?? 'unnamed', form.mobile, form.code);
      if ('answer' in signIn) return sendJson(res, signIn.answer.status, signIn.answer.body);
      return sendToken(res, signIn.user, client.client);
    }
    const check = await opts.credentials.check(form.username!, form.password!);
    countAttempt('password_sign_in', check.ok ? 'ok' : 'refused');
    // One answer for a wrong password, an unknown user and a disabled one: the client learns nothing more.
    if (!check.ok) return sendJson(res, 401, { error: 'invalid_grant' });
    return sendToken(res, check.user, client.client);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host}:${port}`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

class BadRequest extends Error {}

type Form = Record<string, string | undefined>;

async function readForm(req: IncomingMessage): Promise<Form> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (type === 'application/json') {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new BadRequest('the body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null) throw new BadRequest('the body must be a JSON object');
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
  }
  throw new BadRequest('use application/x-www-form-urlencoded or application/json');
}

function sendAnswer(res: ServerResponse, answer: Answer): void {
  if (answer.body) return sendJson(res, answer.status, answer.body);
  res.writeHead(answer.status, { 'cache-control': 'no-store' });
  res.end();
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  // Token answers must never be cached by an intermediary (RFC 6749 §5.1).
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}
