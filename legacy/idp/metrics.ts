import { Counter, register } from 'prom-client';
import { logger } from '../../observability/logger';

/**
 * issue 20: every attempt of the IdP's anonymous flows, counted by flow and outcome (never by number, username or
 * client: no personal data in metric labels). `GET /metrics` on the IdP's port serves them.
 */
export type Flow = 'password_sign_in' | 'sms_code_request' | 'sms_sign_in' | 'username_recovery' | 'password_recovery' | 'password_reset'
  | 'password_change' | 'email_change' | 'email_confirm'
  | 'registration' | 'registration_code' | 'registration_personal_data' | 'registration_account' | 'registration_certify' | 'registration_complete'
  // issue 20 item 5 (ACC-08): the credentials the legal representative's console sends (console-credentials.ts).
  | 'console_credentials';
export type Outcome = 'ok' | 'accepted' | 'wrong' | 'no_code' | 'refused' | 'rate_limited' | 'invalid' | 'sent';

export const idpAttempts = new Counter({
  name: 'onegraph_idp_attempts_total',
  help: 'Attempts of the IdP\'s sign-in, code and recovery flows, by flow and outcome (accepted: an SMS would be sent if the number or username is known)',
  labelNames: ['flow', 'outcome'] as const,
});

/** Counted, and logged at info with the flow and the outcome only: who asked, and any code or password, never. */
export function countAttempt(flow: Flow, outcome: Outcome): void {
  idpAttempts.inc({ flow, outcome });
  logger.info({ flow, outcome }, 'idp attempt');
}

export const metricsText = () => register.metrics();
export const METRICS_CONTENT_TYPE = register.contentType;
