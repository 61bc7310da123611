import { Kind, parse } from 'graphql';
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
  /** The names of the operations its documents define: the metrics' `operation` labels (observability/operation-label.ts). */
  operationNames(): ReadonlySet<string>;
}

interface ManifestVersion {
  documents: Map<string, string>;
  operationNames: ReadonlySet<string>;
}

export function loadManifest(path: string, client: string, now: () => number = Date.now): Manifest {
  const file = watchFile(path, 'trusted_documents', (text) => parseManifest(path, text), { client }, now);
  return {
    document(hash) {
      file.refresh();
      return file.current().documents.get(hash);
    },
    operationNames() {
      file.refresh();
      return file.current().operationNames;
    },
  };
}

function parseManifest(path: string, text: string): ManifestVersion {
  const value = JSON.parse(text) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path}: not a JSON object of hash → document`);
  // graphql-codegen writes `sha256:<hex>`; a bare hex hash is taken too.
  const documents = new Map(Object.entries(value).map(([key, document]) => {
    const hash = key.replace(/^sha256:/, '');
    if (!/^[0-9a-f]{64}$/.test(hash) || typeof document !== 'string') throw new Error(`${path}: ${key} is not a sha256 hash of a document`);
    return [hash, document];
  }));
  return { documents, operationNames: new Set([...documents.values()].flatMap((document) => operationNamesOf(path, document))) };
}

/** A document that does not parse is refused with the manifest: it could never run anyway. */
function operationNamesOf(path: string, document: string): string[] {
  try {
    return parse(document).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
  } catch (err) {
    throw new Error(`${path}: a document does not parse: ${err instanceof Error ? err.message : String(err)}`);
  }
}
