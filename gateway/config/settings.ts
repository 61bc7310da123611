import { resolve } from 'node:path';
import { identitySecret } from '../../subgraphs/runtime/identity';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from '../limits/operation-limits';
import { fileSourcesFromEnv, type FileSources } from '../downloads/file-sources';

/**
 * Every setting of the gateway, read once at start from the environment and validated there: a wrong value stops
 * the process with a message naming the variable, instead of failing the first request.
 */
export interface GatewaySettings {
  host: string;
  port: number;
  auth: {
    issuer: string;
    audience: string;
    jwksUrl: URL;
    /** How long a user's grants loaded from CRM are reused. */
    grantsCacheSeconds: number;
    /** How long after CRM last gave them a user's grants are still used while CRM is unavailable. */
    grantsStaleSeconds: number;
  };
  crm: { url: string; user?: string; password?: string };
  identitySecret: Uint8Array;
  supergraphPath: string;
  /** Routing URLs by subgraph name, overriding the ones composed into the supergraph. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  /** Depth, aliases, directives, tokens and cost of one operation. */
  operationLimits: OperationLimits;
  /** A larger request body is refused (413) unread. */
  maxBodyBytes: number;
  /** Mutations per user per minute (in memory, per gateway process). */
  mutationsPerMinute: number;
  /** Off when NODE_ENV=production: the schema is not published to whoever asks. */
  introspection: boolean;
  /** POST /uploads: the largest file taken, and how long one upload may take end to end (the client's pace). */
  uploads: { maxBytes: number; timeoutMs: number };
  /** GET /downloads: the systems signed links point into, and how long the system may keep the gateway waiting. */
  downloads: { sources: FileSources; timeoutMs: number };
}

type Env = Record<string, string | undefined>;

export function readGatewaySettings(env: Env = process.env): GatewaySettings {
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 0),
    auth: {
      issuer: env.AUTH_ISSUER || 'onegraph-demo-idp',
      audience: env.AUTH_AUDIENCE || 'onegraph',
      jwksUrl: new URL(httpUrl('AUTH_JWKS_URL', required(env, 'AUTH_JWKS_URL'))),
      grantsCacheSeconds: integer(env, 'GRANTS_CACHE_SECONDS', 30),
      grantsStaleSeconds: integer(env, 'GRANTS_STALE_SECONDS', 600),
    },
    crm: { url: httpUrl('CRM_URL', required(env, 'CRM_URL')), user: env.CRM_USER, password: env.CRM_PASSWORD },
    identitySecret: identitySecret(env.GATEWAY_IDENTITY_SECRET),
    supergraphPath: resolve(env.SUPERGRAPH_PATH || 'schema/supergraph.graphql'),
    subgraphUrls: subgraphUrls(env.SUBGRAPH_URLS),
    subgraphTimeoutMs: integer(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, 1),
    operationLimits: {
      maxDepth: integer(env, 'MAX_DEPTH', DEFAULT_OPERATION_LIMITS.maxDepth, 1),
      maxAliases: integer(env, 'MAX_ALIASES', DEFAULT_OPERATION_LIMITS.maxAliases, 0),
      maxDirectives: integer(env, 'MAX_DIRECTIVES', DEFAULT_OPERATION_LIMITS.maxDirectives, 0),
      maxTokens: integer(env, 'MAX_TOKENS', DEFAULT_OPERATION_LIMITS.maxTokens, 1),
      maxCost: integer(env, 'MAX_COST', DEFAULT_OPERATION_LIMITS.maxCost, 1),
    },
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 64 * 1024, 1),
    mutationsPerMinute: integer(env, 'MUTATIONS_PER_MINUTE', 30, 1),
    introspection: env.NODE_ENV !== 'production',
    uploads: { maxBytes: integer(env, 'UPLOAD_MAX_BYTES', 10 * 1024 * 1024, 1), timeoutMs: integer(env, 'UPLOAD_TIMEOUT_MS', 120_000, 1) },
    downloads: { sources: fileSourcesFromEnv(env), timeoutMs: integer(env, 'DOWNLOAD_TIMEOUT_MS', 10_000, 1) },
  };
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

function integer(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL, got "${value}"`);
  return value;
}

function subgraphUrls(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`SUBGRAPH_URLS must be a JSON object {"<subgraph>": "<url>"}, got "${raw}"`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('SUBGRAPH_URLS must be a JSON object {"<subgraph>": "<url>"}');
  }
  return Object.fromEntries(Object.entries(parsed).map(([name, url]) => {
    if (typeof url !== 'string') throw new Error(`SUBGRAPH_URLS.${name} must be a string`);
    return [name, httpUrl(`SUBGRAPH_URLS.${name}`, url)];
  }));
}
