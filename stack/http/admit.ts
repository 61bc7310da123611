import type { IncomingMessage } from 'node:http';

/**
 * A look at a GraphQL request before Apollo Server parses it (the gateway's trusted documents): the request to run,
 * possibly completed (a document found by its hash), or a refusal. A GET carries its request in the query string.
 * Asynchronous: the gateway reads the client from the verified bearer token.
 */
export type GraphQLBody = Record<string, unknown>;
export type AdmitRequest = (req: IncomingMessage, body: GraphQLBody) => Promise<
  | { ok: true; body: GraphQLBody }
  | { ok: false; status: number; code: string; message: string }>;

export type Admitted = { ok: true; body: unknown; search: string } | { ok: false; status: number; code: string; message: string };

export async function admitGraphQLRequest(admit: AdmitRequest, req: IncomingMessage, method: string, body: unknown, search: string): Promise<Admitted> {
  if (method !== 'GET') {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: true, body, search };
    const decision = await admit(req, body as GraphQLBody);
    return decision.ok ? { ok: true, body: decision.body, search } : decision;
  }
  const params = new URLSearchParams(search);
  let extensions: unknown;
  try {
    extensions = params.has('extensions') ? JSON.parse(params.get('extensions')!) : undefined;
  } catch {
    extensions = undefined; // Apollo Server refuses it with its own message.
  }
  const decision = await admit(req, { query: params.get('query') ?? undefined, documentId: params.get('documentId') ?? undefined, extensions });
  if (!decision.ok) return decision;
  if (typeof decision.body.query === 'string') params.set('query', decision.body.query);
  return { ok: true, body, search: `?${params.toString()}` };
}
