import { resolve } from 'node:path';
import { z } from 'zod';
import { RESILIENCE_VARIABLES, resilienceOf, type ResilienceSettings } from '../../adapters/resilience/settings';
import { workerCount } from '../../stack/cluster';
import { PROCESS_VARIABLES, processSettingsOf, type ProcessSettings } from '../../stack/settings/common';
import { expect, readVariables, variable } from '../../stack/settings/define';
import { REDIS_VARIABLES } from '../../stack/settings/redis';
import { IDENTITY_SECRET_VARIABLE } from '../../subgraphs/runtime/identity';
import { DEFAULT_ADMISSION, type AdmissionSettings } from '../limits/admission';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from '../limits/operation-limits';
import { fileSourcesFrom, type FileSources } from '../downloads/file-sources';
import { FRONTEND_VARIABLES, frontendSettingsOf, type FrontendSettings } from './frontend-settings';

/**
 * Every variable the gateway reads, with what it means: the one source of the README table "Settings of the
 * gateway" (`npm run settings:readme`). Read once at start: a wrong value stops the process with one message naming
 * every offender, instead of failing the first request.
 */
export const GATEWAY_VARIABLES = {
  HOST: variable(expect.text().default('127.0.0.1'), { meaning: 'the address the gateway listens on' }),
  PORT: variable(expect.integer(0).default(0), { meaning: 'its port (`0`: any free one; `npm start`: 4000)' }),
  GATEWAY_WORKERS: variable(expect.parsedBy((raw) => workerCount(raw, 'GATEWAY_WORKERS'), 'a positive integer or "auto"').default(1), {
    meaning: 'worker processes sharing the port (`auto`: one per core); with 1 nothing is forked',
  }),
  AUTH_JWKS_URL: variable(expect.httpUrl(), { meaning: 'JWKS of the identity provider that signs the users\' bearer tokens' }),
  AUTH_ISSUER: variable(expect.text().default('onegraph-demo-idp'), { meaning: 'the `iss` a token must carry' }),
  AUTH_AUDIENCE: variable(expect.text().default('onegraph'), { meaning: 'the `aud` a token must carry' }),
  GRANTS_CACHE_SECONDS: variable(expect.integer(0).default(30), {
    meaning: 'how long a user\'s status and grants read from CRM are reused: a revoked grant or a disabled user stops working within this time',
  }),
  GRANTS_STALE_SECONDS: variable(expect.integer(0).default(600), {
    meaning: 'while CRM is unavailable, how long after CRM last gave them a user\'s grants are still used',
  }),
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: variable(expect.integer(1).default(3600), {
    meaning: 'a bearer token meant to live longer than this (counted from its `iat`, or from now) is refused; `exp` is always required',
  }),
  CRM_URL: variable(expect.httpUrl(), { meaning: 'CRM SOAP endpoint (the gateway reads users and grants)' }),
  CRM_USER: variable(expect.text().default('onegraph'), { meaning: 'CRM HTTP Basic user' }),
  CRM_PASSWORD: variable(expect.text().default('onegraph'), { meaning: 'CRM HTTP Basic password', secret: true }),
  GATEWAY_IDENTITY_SECRET: IDENTITY_SECRET_VARIABLE,
  SUPERGRAPH_PATH: variable(expect.text().default('schema/supergraph.graphql'), { meaning: 'the composed supergraph (`npm run compose`)' }),
  SUBGRAPH_URLS: variable(
    expect.parsedBy((raw) => JSON.parse(raw) as unknown, 'a JSON object {"<subgraph>": "<url>"}')
      .pipe(z.record(z.string(), expect.httpUrl(), { error: 'a JSON object {"<subgraph>": "<url>"}' })).optional(),
    { meaning: 'JSON `{"account": "http://…/graphql", …}` overriding the routing URLs of the supergraph', shownDefault: 'routing URLs of the supergraph' },
  ),
  SUBGRAPH_TIMEOUT_MS: variable(expect.integer(1).default(10_000), { meaning: 'how long the gateway waits for one subgraph fetch (headers, then between body chunks)' }),
  MAX_DEPTH: variable(expect.integer(1).default(DEFAULT_OPERATION_LIMITS.maxDepth), { meaning: 'deepest selection an operation may have' }),
  MAX_ALIASES: variable(expect.integer(0).default(DEFAULT_OPERATION_LIMITS.maxAliases), { meaning: 'aliases in one operation' }),
  MAX_DIRECTIVES: variable(expect.integer(0).default(DEFAULT_OPERATION_LIMITS.maxDirectives), { meaning: 'directives in one operation' }),
  MAX_TOKENS: variable(expect.integer(1).default(DEFAULT_OPERATION_LIMITS.maxTokens), { meaning: 'tokens in one document' }),
  MAX_COST: variable(expect.integer(1).default(DEFAULT_OPERATION_LIMITS.maxCost), { meaning: 'cost of one operation (README "Limits at the gateway")' }),
  MAX_BODY_BYTES: variable(expect.integer(1).default(64 * 1024), { meaning: 'a larger request body is refused (413) unread' }),
  UPLOAD_MAX_BYTES: variable(expect.integer(1).default(10 * 1024 * 1024), { meaning: '`POST /uploads`: the largest file taken (413 beyond, nothing stored)' }),
  UPLOAD_TIMEOUT_MS: variable(expect.integer(1).default(120_000), { meaning: '`POST /uploads`: how long one upload may take end to end' }),
  UPLOADS_PER_HOUR: variable(expect.integer(1).default(20), {
    meaning: '`POST /uploads`: files one user may upload in an hour (429 beyond), in memory per gateway process; only users who may run an operation that takes a file upload at all',
  }),
  DOWNLOAD_TIMEOUT_MS: variable(expect.integer(1).default(10_000), { meaning: '`GET /downloads/…`: how long the system holding the file may keep the gateway waiting' }),
  EBILL_URL: variable(expect.httpUrl().optional(), { meaning: 'eBill base URL, for the invoice PDFs of signed download links (unset: those links answer 503)', shownDefault: 'unset' }),
  EBILL_API_KEY: variable(expect.text().default('onegraph-ebill'), { meaning: 'eBill `X-Api-Key`', secret: true }),
  EBPFA_URL: variable(expect.httpUrl().optional(), { meaning: 'EBPFA base URL, for the fixed-line invoice PDFs of signed download links (unset: those links answer 503)', shownDefault: 'unset' }),
  EBPFA_API_KEY: variable(expect.text().default('onegraph-ebpfa'), { meaning: 'EBPFA `X-Api-Key`', secret: true }),
  MUTATIONS_PER_MINUTE: variable(expect.integer(1).default(30), {
    meaning: 'changes per user per minute (every mutation field of a request, aliases included; a request is taken or refused whole), across every replica with `REDIS_URL`, else per gateway process',
  }),
  GATEWAY_MAX_CONCURRENT_REQUESTS: variable(expect.integer(1).default(DEFAULT_ADMISSION.maxConcurrent), {
    meaning: 'GraphQL requests executing at once per gateway process; more wait in a queue (docs/operating.md "Admission")',
  }),
  GATEWAY_MAX_QUEUED_REQUESTS: variable(expect.integer(0).default(DEFAULT_ADMISSION.maxQueued), {
    meaning: 'GraphQL requests waiting for a slot per gateway process, first come first served; one more gets 503 with Retry-After at once',
  }),
  GATEWAY_MAX_QUEUE_WAIT_MS: variable(expect.integer(1).default(DEFAULT_ADMISSION.maxWaitMs), {
    meaning: 'how long a GraphQL request may wait for a slot before it gets 503 with Retry-After',
  }),
  ...REDIS_VARIABLES,
  // Browsers and partner portals (issue 14): CORS, the IDE, trusted documents.
  ...FRONTEND_VARIABLES,
};

export interface GatewaySettings {
  host: string;
  port: number;
  /** Worker processes on the one port (stack/cluster.ts). */
  workers: number;
  auth: {
    issuer: string;
    audience: string;
    jwksUrl: URL;
    /** How long a user's grants loaded from CRM are reused. */
    grantsCacheSeconds: number;
    /** How long after CRM last gave them a user's grants are still used while CRM is unavailable. */
    grantsStaleSeconds: number;
    /** A bearer token meant to live longer than this (from its `iat` or from now) is refused. */
    maxTokenLifetimeSeconds: number;
  };
  crm: { url: string; user: string; password: string; resilience: ResilienceSettings };
  identitySecret: Uint8Array;
  supergraphPath: string;
  /** Routing URLs by subgraph name, overriding the ones composed into the supergraph. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  /** Depth, aliases, directives, tokens and cost of one operation. */
  operationLimits: OperationLimits;
  /** A larger request body is refused (413) unread. */
  maxBodyBytes: number;
  /** GraphQL requests executing at once, waiting for a slot, and for how long (gateway/limits/admission.ts). */
  admission: AdmissionSettings;
  /** Mutations per user per minute (in Redis across replicas, or per gateway process). */
  mutationsPerMinute: number;
  /** Redis shared by the replicas (gateway/replica-state/); undefined: every store in this process. */
  redisUrl: string | undefined;
  /** Off when NODE_ENV=production: the schema is not published to whoever asks. */
  introspection: boolean;
  process: ProcessSettings;
  /** POST /uploads: the largest file taken, how long one upload may take end to end (the client's pace), files per user per hour. */
  uploads: { maxBytes: number; timeoutMs: number; perHour: number };
  /** GET /downloads: the systems signed links point into, and how long the system may keep the gateway waiting. */
  downloads: { sources: FileSources; timeoutMs: number };
  /** CORS, the offline IDE, trusted documents per client (gateway/front/). */
  frontend: FrontendSettings;
}

export function readGatewaySettings(env: Record<string, string | undefined> = process.env): GatewaySettings {
  const v = readVariables('gateway', { ...GATEWAY_VARIABLES, ...PROCESS_VARIABLES, ...RESILIENCE_VARIABLES }, env);
  const common = processSettingsOf(v);
  return {
    host: v.HOST,
    port: v.PORT,
    workers: v.GATEWAY_WORKERS,
    auth: {
      issuer: v.AUTH_ISSUER,
      audience: v.AUTH_AUDIENCE,
      jwksUrl: new URL(v.AUTH_JWKS_URL),
      grantsCacheSeconds: v.GRANTS_CACHE_SECONDS,
      grantsStaleSeconds: v.GRANTS_STALE_SECONDS,
      maxTokenLifetimeSeconds: v.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    },
    crm: { url: v.CRM_URL, user: v.CRM_USER, password: v.CRM_PASSWORD, resilience: resilienceOf('CRM', v) },
    identitySecret: v.GATEWAY_IDENTITY_SECRET,
    supergraphPath: resolve(v.SUPERGRAPH_PATH),
    subgraphUrls: v.SUBGRAPH_URLS ?? {},
    subgraphTimeoutMs: v.SUBGRAPH_TIMEOUT_MS,
    operationLimits: {
      maxDepth: v.MAX_DEPTH,
      maxAliases: v.MAX_ALIASES,
      maxDirectives: v.MAX_DIRECTIVES,
      maxTokens: v.MAX_TOKENS,
      maxCost: v.MAX_COST,
    },
    maxBodyBytes: v.MAX_BODY_BYTES,
    admission: { maxConcurrent: v.GATEWAY_MAX_CONCURRENT_REQUESTS, maxQueued: v.GATEWAY_MAX_QUEUED_REQUESTS, maxWaitMs: v.GATEWAY_MAX_QUEUE_WAIT_MS },
    mutationsPerMinute: v.MUTATIONS_PER_MINUTE,
    redisUrl: v.REDIS_URL,
    introspection: !common.production,
    process: common,
    uploads: { maxBytes: v.UPLOAD_MAX_BYTES, timeoutMs: v.UPLOAD_TIMEOUT_MS, perHour: v.UPLOADS_PER_HOUR },
    downloads: { sources: fileSourcesFrom(v), timeoutMs: v.DOWNLOAD_TIMEOUT_MS },
    frontend: frontendSettingsOf(v, common.production),
  };
}
