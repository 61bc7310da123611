import { DashboardDocument } from './gql/graphql';

/**
 * Trusted documents from the client's side: the gateway runs only the documents of this client's manifest
 * (src/gql/persisted-documents.json, written by graphql-codegen), so the client sends the hash, never the text.
 * A `fetch` for urql that replaces the body's `query` by the `documentId` codegen embedded in the document.
 */
const HASHES: Record<string, string> = {
  Dashboard: (DashboardDocument as unknown as { __meta__: { hash: string } }).__meta__.hash,
};

export function persistedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (typeof init?.body !== 'string') return fetch(input, init);
  const { query: _text, ...body } = JSON.parse(init.body) as { query?: string; operationName?: string };
  const documentId = body.operationName ? HASHES[body.operationName] : undefined;
  if (!documentId) throw new Error(`no trusted document for operation ${body.operationName ?? '(anonymous)'}: run npm run codegen`);
  return fetch(input, { ...init, body: JSON.stringify({ ...body, documentId }) });
}
