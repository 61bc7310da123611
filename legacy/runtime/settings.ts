import { parseLargeCustomers } from '../data/large';
import { LEGACY_TODAY_VARIABLE, PROCESS_VARIABLES, processSettingsOf, type ProcessSettings } from '../../stack/settings/common';
import { expect, readVariables, variable } from '../../stack/settings/define';
import { parseFaultsEnv, type FaultTable } from './faults';

/**
 * Every variable the stand-ins (CRM, eBill, EBPFA) and the demo IdP read, with what it means: the one source of
 * the README table "Settings of the stand-ins" (`npm run settings:readme`). They exist only in the embedded default
 * and the tests, never in front of real systems.
 */
export const STAND_IN_VARIABLES = {
  HOST: variable(expect.text().default('127.0.0.1'), { meaning: 'the address the stand-in listens on' }),
  PORT: variable(expect.integer(0).default(0), { meaning: 'its protocol port (`0`: any free one)' }),
  ADMIN_PORT: variable(expect.integer(0).default(0), { meaning: 'its admin port (counters, faults, health: ARCHITECTURE.md "Legacy stand-ins")' }),
  DATA_DIR: variable(expect.text().default('.data'), { meaning: 'where the SQLite files and the IdP\'s signing key live (seeded on first start)' }),
  LATENCY_MS: variable(expect.integer(0).optional(), { meaning: 'added latency of every answer', shownDefault: 'CRM 60, eBill 90, EBPFA 150, payments 120, SMS 80, mail 0' }),
  JITTER_MS: variable(expect.integer(0).optional(), { meaning: 'random ± spread around that latency', shownDefault: 'CRM 20, eBill 30, EBPFA 50, payments 40, SMS 30, mail 0' }),
  FAULTS: variable(expect.parsedBy(parseFaultsEnv, 'a JSON object {"*" | "<operation>": Fault}').optional(), {
    meaning: 'faults at start, as `PUT /faults` takes them (ARCHITECTURE.md)',
    shownDefault: 'none',
  }),
  LEGACY_TODAY: LEGACY_TODAY_VARIABLE,
  LARGE_CUSTOMERS: variable(expect.parsedBy(parseLargeCustomers, 'ID:LINES,… (ID 2-10 capitals/digits, 1..100000 lines)').optional(), {
    meaning: 'generated customers with many lines (`ID:LINES,…`), for the benchmark',
    shownDefault: 'none',
  }),
  CRM_USER: variable(expect.text().default('onegraph'), { meaning: 'the HTTP Basic user the CRM stand-in accepts' }),
  CRM_PASSWORD: variable(expect.text().default('onegraph'), { meaning: 'and its password', secret: true }),
  EBILL_API_KEY: variable(expect.text().default('onegraph-ebill'), { meaning: 'the `X-Api-Key` the eBill stand-in accepts', secret: true }),
  EBPFA_API_KEY: variable(expect.text().default('onegraph-ebpfa'), { meaning: 'the `X-Api-Key` the EBPFA stand-in accepts', secret: true }),
  ATTACHMENT_TTL_SECONDS: variable(expect.integer(1).default(86_400), {
    meaning: 'CRM: how long an uploaded file waits for the pratica that claims it; unclaimed after this, it is deleted',
  }),
  IDP_ISSUER: variable(expect.text().default('onegraph-demo-idp'), { meaning: 'the `iss` of the demo IdP\'s tokens' }),
  IDP_AUDIENCE: variable(expect.text().default('onegraph'), { meaning: 'the `aud` of the demo IdP\'s tokens' }),
  // h-employee (issue 12): the payment provider's stand-in (seed 002 §9.1.2).
  PAYMENTS_SECRET_KEY: variable(expect.text().default('onegraph-payments'), { meaning: 'the `Authorization: Bearer` secret key the payment provider\'s API accepts', secret: true }),
  // issue 20: the SMS gateway and the e-mail relay, and where the IdP reaches them (its one-time codes and links).
  SMS_API_KEY: variable(expect.text().default('onegraph-sms'), { meaning: 'the `Authorization: Bearer` key of the SMS gateway\'s API (the stand-in accepts it, the IdP sends it)', secret: true }),
  SMS_URL: variable(expect.httpUrl().optional(), { meaning: 'IdP: the SMS gateway\'s API (the launcher wires the stand-in\'s); unset, no SMS is sent and the SMS flows answer 503', shownDefault: 'unset' }),
  SMTP_URL: variable(expect.smtpUrl().optional(), { meaning: 'IdP: the e-mail relay, `smtp://host:port` or `smtps://user:password@host:port` (the launcher wires the stand-in\'s); unset, no e-mail is sent', shownDefault: 'unset', secret: true }),
  IDP_CRM_URL: variable(expect.httpUrl().optional(), { meaning: 'IdP: CRM\'s SOAP endpoint, where registrations are checked and their users created (with `CRM_USER`/`CRM_PASSWORD`; the launcher wires the stand-in\'s); unset, registration answers 503', shownDefault: 'unset' }),
  MAIL_FROM: variable(expect.text().default('TIM Business <noreply@timbusiness.example>'), { meaning: 'IdP: the sender of its e-mails' }),
  // issue 20 item 5 (ACC-08): the IdP's admin API, which the account subgraph calls for the user console's credentials.
  IDP_ADMIN_KEY: variable(expect.text().default('onegraph-idp-admin'), { meaning: 'IdP: the `Authorization: Bearer` key of its admin API (`POST /admin/credentials`), which the account subgraph sends', secret: true }),
  // h-prepaid (issue 12): eBill's TIM TUO prepaid options (seed 002 §9.2.1.3).
  TIM_TUO_PREPAID_APPLY_SECONDS: variable(expect.integer(0).default(120), {
    meaning: 'how long eBill takes to apply a TIM TUO prepaid package/plafond request; until then the line takes no other (`0`: at once)',
  }),
};

export interface StandInSettings {
  host: string;
  port: number;
  adminPort: number;
  dataDir: string;
  /** Unset: the system's own default latency. */
  latencyMs?: number;
  jitterMs?: number;
  faults: FaultTable;
  largeCustomers: { id: string; lines: number }[];
  crm: { user: string; password: string };
  /** CRM: seconds an uploaded file waits for its pratica before it is deleted. */
  attachmentTtlSeconds: number;
  ebillApiKey: string;
  ebpfaApiKey: string;
  idp: { issuer: string; audience: string };
  /** h-employee (issue 12): the payment provider's API key. */
  paymentsSecretKey: string;
  /** issue 20: the SMS gateway's key, and the IdP's way to the SMS gateway and the e-mail relay. */
  smsApiKey: string;
  /** issue 20 (ACC-08): the key of the IdP's admin API. */
  idpAdminKey: string;
  idpMessaging: { smsUrl?: string; smtpUrl?: string; mailFrom: string; crmUrl?: string };
  /** h-prepaid (issue 12): seconds before eBill applies a TIM TUO prepaid option request. */
  timTuoPrepaidApplySeconds: number;
  process: ProcessSettings;
}

export function readStandInSettings(env: Record<string, string | undefined> = process.env): StandInSettings {
  // A stand-in is a demo system by nature (its admin port is open, its keys are the repository's): it is never what
  // production runs, so its demo keys are not refused here; its main warns when started with NODE_ENV=production.
  const v = readVariables('stand-in', { ...STAND_IN_VARIABLES, ...PROCESS_VARIABLES }, env, { demoSecretsInProduction: 'allowed' });
  return {
    host: v.HOST,
    port: v.PORT,
    adminPort: v.ADMIN_PORT,
    dataDir: v.DATA_DIR,
    latencyMs: v.LATENCY_MS,
    jitterMs: v.JITTER_MS,
    faults: v.FAULTS ?? {},
    largeCustomers: v.LARGE_CUSTOMERS ?? [],
    crm: { user: v.CRM_USER, password: v.CRM_PASSWORD },
    attachmentTtlSeconds: v.ATTACHMENT_TTL_SECONDS,
    ebillApiKey: v.EBILL_API_KEY,
    ebpfaApiKey: v.EBPFA_API_KEY,
    idp: { issuer: v.IDP_ISSUER, audience: v.IDP_AUDIENCE },
    paymentsSecretKey: v.PAYMENTS_SECRET_KEY,
    smsApiKey: v.SMS_API_KEY,
    idpAdminKey: v.IDP_ADMIN_KEY,
    idpMessaging: { smsUrl: v.SMS_URL, smtpUrl: v.SMTP_URL, mailFrom: v.MAIL_FROM, crmUrl: v.IDP_CRM_URL },
    timTuoPrepaidApplySeconds: v.TIM_TUO_PREPAID_APPLY_SECONDS,
    process: processSettingsOf(v),
  };
}
