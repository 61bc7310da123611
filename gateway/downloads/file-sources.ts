import { crmAuthorization } from '../../adapters/crm/soap';
import { ebillHeaders } from '../../adapters/ebill/protocol';
import { ebpfaHeaders } from '../../adapters/ebpfa/protocol';
import type { LegacySystem } from '../../adapters/errors';

/** Where the gateway fetches a signed download from: the system's base URL and credentials. */
export interface FileSource { url: string; headers: Record<string, string> }
export type FileSources = Partial<Record<LegacySystem, FileSource>>;

/**
 * The systems that hold files, from the same variables the subgraphs read (`CRM_URL`, `EBILL_URL`, `EBPFA_URL` and
 * their credentials). A system left unset is one whose links answer 503.
 */
export function fileSourcesFromEnv(env: Record<string, string | undefined>): FileSources {
  const sources: FileSources = {};
  if (env.CRM_URL) sources.CRM = { url: env.CRM_URL, headers: { authorization: crmAuthorization(env.CRM_USER, env.CRM_PASSWORD) } };
  if (env.EBILL_URL) sources.eBill = { url: env.EBILL_URL, headers: ebillHeaders(env.EBILL_API_KEY) };
  if (env.EBPFA_URL) sources.EBPFA = { url: env.EBPFA_URL, headers: ebpfaHeaders(env.EBPFA_API_KEY) };
  return sources;
}
