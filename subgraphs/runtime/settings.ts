import { RESILIENCE_VARIABLES, resilienceOf, type ResilienceSettings } from '../../adapters/resilience/settings';
import { LEGACY_TODAY_VARIABLE, PROCESS_VARIABLES, processSettingsOf, type ProcessSettings } from '../../stack/settings/common';
import { expect, readVariables, variable } from '../../stack/settings/define';
import { IDENTITY_SECRET_VARIABLE } from './identity';

/**
 * Every variable a subgraph reads, with what it means: the one source of the README table "Settings of each
 * subgraph" (`npm run settings:readme`). Read once at start; one error names every bad variable.
 */
export const SUBGRAPH_VARIABLES = {
  HOST: variable(expect.text().default('127.0.0.1'), { meaning: 'the address the subgraph listens on' }),
  PORT: variable(expect.integer(0).default(0), { meaning: 'its port (`0`: any free one); its routing URL goes in `rover.yaml` / `SUBGRAPH_URLS`' }),
  CRM_URL: variable(expect.httpUrl(), { meaning: 'CRM SOAP 1.1 endpoint (`POST /crm/soap`)' }),
  CRM_USER: variable(expect.text().default('onegraph'), { meaning: 'CRM HTTP Basic user' }),
  CRM_PASSWORD: variable(expect.text().default('onegraph'), { meaning: 'CRM HTTP Basic password', secret: true }),
  EBILL_URL: variable(expect.httpUrl(), { meaning: 'eBill base URL' }),
  EBILL_API_KEY: variable(expect.text().default('onegraph-ebill'), { meaning: 'eBill `X-Api-Key`', secret: true }),
  EBPFA_URL: variable(expect.httpUrl(), { meaning: 'EBPFA base URL' }),
  EBPFA_API_KEY: variable(expect.text().default('onegraph-ebpfa'), { meaning: 'EBPFA `X-Api-Key`', secret: true }),
  GATEWAY_IDENTITY_SECRET: IDENTITY_SECRET_VARIABLE,
  DOWNLOAD_URL_TTL_SECONDS: variable(expect.integer(1).default(300), {
    meaning: 'how long a signed download link (e.g. `Invoice.documentUrl`) works: time enough to click a link the page just showed',
  }),
  DOWNLOADS_BASE_URL: variable(expect.httpUrl().optional(), {
    meaning: 'the gateway\'s public origin, prefixed to download links; unset: links are relative to the gateway (`/downloads/…`)', shownDefault: 'unset',
  }),
  POLICY_LAYER: variable(expect.oneOf(['shield', 'off']).default('shield'), {
    meaning: '`off` drops the graphql-shield field rules (record scoping stays): only for the benchmark to measure what they cost; refused with `NODE_ENV=production`',
    refusedInProduction: (value) => value === 'off',
  }),
  LEGACY_TODAY: LEGACY_TODAY_VARIABLE,
  // issue 11 (h-billing)
  EBILL_PORTAL_URL: variable(expect.httpUrl().default('https://ebill.tim.it'), {
    meaning: 'eBill\'s web application, where the CM8 pages send the user for the billed traffic, the online traffic reports and the cost centres (seed 002 §7.4.1-§7.4.4): only written into links, never called',
  }),
  // h-employee (issue 12): the payment provider of the personal top-ups (seed 002 §9.1.2).
  PAYMENTS_URL: variable(expect.httpUrl().optional(), {
    meaning: 'the payment provider\'s API base URL (personal top-ups); unset: they answer LEGACY_UNAVAILABLE (system Payments)', shownDefault: 'unset',
  }),
  PAYMENTS_SECRET_KEY: variable(expect.text().default('onegraph-payments'), { meaning: 'the payment provider\'s secret API key', secret: true }),
  // issue 20 item 5 (ACC-08): the identity provider's admin API, where the user console's credentials are sent from.
  IDP_URL: variable(expect.httpUrl().optional(), {
    meaning: 'the identity provider\'s base URL, for its admin API (`POST /admin/credentials`: the user console\'s credentials); unset: those changes answer LEGACY_UNAVAILABLE (system IdP)', shownDefault: 'unset',
  }),
  IDP_ADMIN_KEY: variable(expect.text().default('onegraph-idp-admin'), { meaning: 'the `Authorization: Bearer` key of the identity provider\'s admin API', secret: true }),
};

/**
 * Whether graphql-shield enforces the @allow policy: `shield` (always, in production) or `off`, which exists only so
 * that the benchmark can measure what the policy layer costs. Record scoping in the resolvers stays on either way.
 */
export type PolicyLayer = 'shield' | 'off';

export interface SubgraphSettings {
  host: string;
  port: number;
  crm: { url: string; user: string; password: string; resilience: ResilienceSettings };
  ebill: { url: string; apiKey: string; resilience: ResilienceSettings };
  ebpfa: { url: string; apiKey: string; resilience: ResilienceSettings };
  /** h-employee (issue 12); `url` empty when unset. */
  payments: { url: string; secretKey: string; resilience: ResilienceSettings };
  /** issue 20 (ACC-08): the IdP's admin API; `url` empty when unset. */
  idp: { url: string; adminKey: string };
  identitySecret: Uint8Array;
  policyLayer: PolicyLayer;
  /** Signed download links: their lifetime and the gateway's public origin. */
  downloads: { ttlSeconds: number; baseUrl: string };
  /** Off when NODE_ENV=production. */
  introspection: boolean;
  /** eBill's web application, for the links of seed 002 §7.4 (issue 11). */
  ebillPortalUrl: string;
  process: ProcessSettings;
}

export function readSubgraphSettings(env: Record<string, string | undefined> = process.env): SubgraphSettings {
  const v = readVariables('subgraph', { ...SUBGRAPH_VARIABLES, ...PROCESS_VARIABLES, ...RESILIENCE_VARIABLES }, env);
  const common = processSettingsOf(v);
  return {
    host: v.HOST,
    port: v.PORT,
    crm: { url: v.CRM_URL, user: v.CRM_USER, password: v.CRM_PASSWORD, resilience: resilienceOf('CRM', v) },
    ebill: { url: v.EBILL_URL, apiKey: v.EBILL_API_KEY, resilience: resilienceOf('eBill', v) },
    ebpfa: { url: v.EBPFA_URL, apiKey: v.EBPFA_API_KEY, resilience: resilienceOf('EBPFA', v) },
    payments: { url: v.PAYMENTS_URL ?? '', secretKey: v.PAYMENTS_SECRET_KEY, resilience: resilienceOf('Payments', v) },
    idp: { url: v.IDP_URL ?? '', adminKey: v.IDP_ADMIN_KEY },
    identitySecret: v.GATEWAY_IDENTITY_SECRET,
    policyLayer: v.POLICY_LAYER,
    downloads: { ttlSeconds: v.DOWNLOAD_URL_TTL_SECONDS, baseUrl: v.DOWNLOADS_BASE_URL ?? '' },
    introspection: !common.production,
    ebillPortalUrl: v.EBILL_PORTAL_URL,
    process: common,
  };
}
