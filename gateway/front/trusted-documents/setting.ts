import { projectFile } from '../../../stack/artefact';

/** What the gateway does with a named client's documents (README "Trusted documents"). */
export type TrustedDocumentsMode = 'off' | 'log' | 'enforce';

export interface TrustedClientSetting {
  mode: TrustedDocumentsMode;
  /** Absolute path of the client's manifest (hash → document); required for `log` and `enforce`. */
  manifest: string | null;
}

const MODES: readonly TrustedDocumentsMode[] = ['off', 'log', 'enforce'];

/**
 * What the gateway does with a request whose token names no client of `TRUSTED_DOCUMENTS` (and no `*` entry):
 * `allow` runs anything (the demo, scripts, the IDE), `refuse` runs nothing (`TRUSTED_DOCUMENTS_UNNAMED_CLIENTS`).
 */
export type UnnamedClients = 'allow' | 'refuse';

/** `TRUSTED_DOCUMENTS` (relative manifest paths are read from the project root): `{"cm8-portal": {"mode": "enforce", "manifest": "trusted-documents/cm8-portal.json"}}`. */
export function parseTrustedDocumentsSetting(raw: string): Record<string, TrustedClientSetting> {
  const value = JSON.parse(raw) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  return Object.fromEntries(Object.entries(value).map(([client, entry]) => {
    const { mode, manifest } = (entry ?? {}) as { mode?: unknown; manifest?: unknown };
    if (!MODES.includes(mode as TrustedDocumentsMode)) throw new Error(`${client}: mode must be off, log or enforce`);
    if (mode !== 'off' && typeof manifest !== 'string') throw new Error(`${client}: mode ${String(mode)} needs a manifest path`);
    return [client, { mode: mode as TrustedDocumentsMode, manifest: typeof manifest === 'string' ? projectFile(manifest) : null }];
  }));
}
