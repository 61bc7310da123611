import type { IncomingMessage } from 'node:http';
import { stripIgnoredCharacters } from 'graphql';
import { decodeJwt } from 'jose';
import { IDENTITY_HEADER } from '../../subgraphs/runtime/identity';

/**
 * What identifies a subgraph fetch for the gateway-only benchmark: the subgraph, the user it is made for (the
 * subject of the signed `x-gateway-identity`: the same query answers each user with their own records), its query
 * with the ignored characters (whitespace, commas, comments) stripped, and its variables with every object's keys
 * sorted. Two
 * gateways that send the same operation with other spacing or key order get the same recorded answer; any other
 * difference (another selection, another representation) is another request, which the replay refuses.
 */
export interface SubgraphFetch { query?: unknown; variables?: unknown }

export function replayKey(subgraph: string, user: string, fetch: SubgraphFetch): string {
  if (typeof fetch.query !== 'string') throw new Error(`${subgraph}: a subgraph fetch without a query`);
  return `${subgraph}\n${user}\n${stripIgnoredCharacters(fetch.query)}\n${JSON.stringify(sorted(fetch.variables ?? {}))}`;
}

/**
 * The user a fetch is made for: the subject of its identity token, read without verifying it (the replay stands
 * in for the subgraphs' answers, not for their checks; the recording went through the real, verifying ones).
 * Tokens are reused for seconds (gateway/identity/signed-identity.ts), so the decoding is remembered.
 */
const subjects = new Map<string, string>();

export function userOf(headers: Record<string, string | string[] | undefined>): string {
  const token = headers[IDENTITY_HEADER];
  if (typeof token !== 'string') return '(anonymous)';
  let user = subjects.get(token);
  if (user === undefined) {
    if (subjects.size > 1_000) subjects.clear();
    user = decodeJwt(token).sub ?? '(no subject)';
    subjects.set(token, user);
  }
  return user;
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])]));
}

/** One recorded answer: what the real subgraph sent back, headers included (hop-by-hop ones aside). */
export interface RecordedAnswer { status: number; headers: Record<string, string>; body: string }

/** The file the recorder writes and the replay server reads: key → answer. */
export type Recordings = Record<string, RecordedAnswer>;

/** Headers that describe one connection or one encoding of the body, not the answer: never recorded. */
export const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date', 'content-encoding']);

/** A fetch's body as the gateway sent it (the recorder and the replay read it the same way). */
export async function requestBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
