import { watchFile } from '../../../stack/watched-file';

/**
 * One client's manifest of trusted documents: `{ "sha256:<hex>": "<document>" }`, the `persisted-documents.json`
 * graphql-codegen's client preset writes. Followed like the supergraph (stack/watched-file.ts): read at start (a
 * missing or broken manifest stops the gateway), then read again when the file changes, looked at on the requests
 * that use it; a broken replacement is logged and counted, and the last good one kept.
 */
export interface Manifest {
  /** The document under this hash, or undefined. */
  document(hash: string): string | undefined;
}

export function loadManifest(path: string, client: string, now: () => number = Date.now): Manifest {
  const file = watchFile(path, 'trusted_documents', (text) => parseManifest(path, text), { client }, now);
  return {
    document(hash) {
      file.refresh();
      return file.current().get(hash);
    },
  };
}

function parseManifest(path: string, text: string): Map<string, string> {
  const value = JSON.parse(text) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path}: not a JSON object of hash → document`);
  // graphql-codegen writes `sha256:<hex>`; a bare hex hash is taken too.
  return new Map(Object.entries(value).map(([key, document]) => {
    const hash = key.replace(/^sha256:/, '');
    if (!/^[0-9a-f]{64}$/.test(hash) || typeof document !== 'string') throw new Error(`${path}: ${key} is not a sha256 hash of a document`);
    return [hash, document];
  }));
}
