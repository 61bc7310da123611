import { createHash } from 'node:crypto';
import { boundedClientText } from '../../../observability/client-text';
import { logger } from '../../../observability/logger';
import { metricsEnabled, untrustedDocuments } from '../../../observability/metrics';
import { loadManifest, type Manifest } from './manifest';
import type { TrustedClientSetting, TrustedDocumentsMode, UnnamedClients } from './setting';

/**
 * Trusted documents per client (README "Trusted documents"). The client is the registered application the user
 * signed in through, as the verified bearer token names it (`client_id` / `azp`, admit-trusted.ts), never a header a
 * request may set at will; the one setting `TRUSTED_DOCUMENTS` gives each client a mode and a manifest.
 * A request sends its document as text (`query`) or by hash only (`extensions.persistedQuery.sha256Hash`, Apollo's
 * convention, or `documentId`, graphql-codegen's): the text is looked up by its SHA-256, the hash in the manifest.
 * - `enforce`: a document outside the manifest is refused before it is parsed, let alone planned;
 * - `log`: it runs, and is logged (hash, client, never the text) and counted;
 * - `off`: anything runs, as for any client.
 * A token that names no client of the setting (none, or one not listed) falls under `*` if set; else it runs
 * anything when `unnamedClients` is `allow`, and nothing when it is `refuse` (production's default: Apollo's and
 * Hive's "safelist for everyone"). Not access control: what a user may see is the policy layer's. It keeps a partner
 * portal's users to the operations the portal was reviewed with.
 */
export interface GraphQLRequestBody {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
  [key: string]: unknown;
}

export type Admission =
  | { ok: true; body: GraphQLRequestBody }
  | { ok: false; status: number; code: 'PERSISTED_QUERY_NOT_IN_LIST' | 'QUERY_NOT_IN_SAFELIST'; message: string };

/** The client: `name` as the bearer token names it (undefined: none), `version` as the request says (logs only). */
export interface ClientId { name?: string; version?: string }

export interface TrustedDocuments {
  (client: ClientId, body: GraphQLRequestBody): Admission;
  /** The operation names of every loaded manifest, whatever its client's mode: the metrics' registered operations. */
  operationNames(): ReadonlySet<string>;
}

const ANY_CLIENT = '*';

export function trustedDocuments(settings: Record<string, TrustedClientSetting>, unnamedClients: UnnamedClients = 'allow'): TrustedDocuments {
  // Every manifest read now: one that is missing or broken stops the gateway at start, not at the first request.
  const clients = new Map<string, { mode: TrustedDocumentsMode; manifest: Manifest | null }>(
    Object.entries(settings).map(([name, s]) => [name, { mode: s.mode, manifest: s.manifest ? loadManifest(s.manifest, name) : null }]),
  );

  const decide = ({ name: clientName, version }: ClientId, body: GraphQLRequestBody): Admission => {
    const name = clientName && clients.has(clientName) ? clientName : ANY_CLIENT;
    const client = clients.get(name);
    if (!client) return unnamedClients === 'allow' ? { ok: true, body } : refuseUnnamed(clientName);
    if (client.mode === 'off' || !client.manifest) return { ok: true, body };
    const found = lookUp(client.manifest, body);
    if (found.known) return { ok: true, body: found.body };
    if (metricsEnabled) untrustedDocuments.inc({ client: name, mode: client.mode });
    logger.warn({ client: name, clientVersion: version === undefined ? undefined : boundedClientText(version, 64), hash: found.hash, mode: client.mode }, 'document not in the client\'s trusted documents');
    if (client.mode === 'log') return { ok: true, body };
    return found.byHashOnly
      ? { ok: false, status: 400, code: 'PERSISTED_QUERY_NOT_IN_LIST', message: `No trusted document of client ${name} has the hash ${found.hash}: send one of the operations of its manifest.` }
      : { ok: false, status: 400, code: 'QUERY_NOT_IN_SAFELIST', message: `Client ${name} runs only the documents of its manifest (trusted documents); this one is not among them.` };
  };
  const manifests = [...clients.values()].flatMap(({ manifest }) => (manifest ? [manifest] : []));
  return Object.assign(decide, {
    operationNames: () => new Set(manifests.flatMap((manifest) => [...manifest.operationNames()])),
  });
}

/** Safelist for everyone: a client the setting does not name has an empty manifest. */
function refuseUnnamed(clientName: string | undefined): Admission {
  if (metricsEnabled) untrustedDocuments.inc({ client: 'unnamed', mode: 'enforce' });
  logger.warn({ client: 'unnamed', tokenNamesClient: clientName !== undefined }, 'request of a client without trusted documents refused');
  return {
    ok: false, status: 400, code: 'QUERY_NOT_IN_SAFELIST',
    message: 'This service runs only the trusted documents of registered clients, and the bearer token names none of them: sign in through your application\'s registered client.',
  };
}

type Lookup = { known: true; body: GraphQLRequestBody } | { known: false; hash: string; byHashOnly: boolean };

function lookUp(manifest: Manifest, body: GraphQLRequestBody): Lookup {
  if (typeof body.query === 'string') {
    const hash = sha256(body.query);
    return manifest.document(hash) === undefined ? { known: false, hash, byHashOnly: false } : { known: true, body };
  }
  const sent = body.extensions?.persistedQuery?.sha256Hash ?? body.documentId;
  const hash = typeof sent === 'string' ? sent.replace(/^sha256:/, '') : '';
  const document = manifest.document(hash);
  if (document === undefined) return { known: false, hash: hash.slice(0, 64), byHashOnly: true };
  // The text from the manifest: Apollo Server checks it against the persistedQuery hash, which is its SHA-256.
  const { documentId: _id, ...rest } = body;
  return { known: true, body: { ...rest, query: document } };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
