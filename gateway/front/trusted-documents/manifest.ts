import { readFileSync, statSync } from 'node:fs';
import { logger } from '../../../observability/logger';

/**
 * One client's manifest of trusted documents: `{ "sha256:<hex>": "<document>" }`, the `persisted-documents.json`
 * graphql-codegen's client preset writes. Read at start (a missing or broken manifest stops the gateway), then
 * read again when the file changes (size or modification time, looked at most once a second on the requests that
 * use it): a deployment replaces the file, no restart. A broken replacement is logged and the last good one kept.
 */
export interface Manifest {
  /** The document under this hash, or undefined. */
  document(hash: string): string | undefined;
}

const CHECK_EVERY_MS = 1000;

export function loadManifest(path: string, client: string, now: () => number = Date.now): Manifest {
  let documents = parseManifest(path);
  let seen = fingerprint(path);
  let checkedAt = now();

  function refresh(): void {
    if (now() - checkedAt < CHECK_EVERY_MS) return;
    checkedAt = now();
    const current = fingerprint(path);
    if (current === seen) return;
    try {
      documents = parseManifest(path);
      seen = current;
      logger.info({ client, documents: documents.size }, 'trusted documents reloaded');
    } catch (err) {
      logger.error({ client, err: err instanceof Error ? err.message : String(err) }, 'trusted documents manifest unreadable; the previous one stays');
    }
  }

  return {
    document(hash) {
      refresh();
      return documents.get(hash);
    },
  };
}

function fingerprint(path: string): string {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function parseManifest(path: string): Map<string, string> {
  const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path}: not a JSON object of hash → document`);
  // graphql-codegen writes `sha256:<hex>`; a bare hex hash is taken too.
  return new Map(Object.entries(value).map(([key, document]) => {
    const hash = key.replace(/^sha256:/, '');
    if (!/^[0-9a-f]{64}$/.test(hash) || typeof document !== 'string') throw new Error(`${path}: ${key} is not a sha256 hash of a document`);
    return [hash, document];
  }));
}
