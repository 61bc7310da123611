import type { AdmitRequest } from '../../../stack/http/admit';
import type { TrustedClientSetting } from './setting';
import { trustedDocuments } from './trusted-documents';

/** Apollo's client identification header (with `apollographql-client-version`, which only the logs read). */
export const CLIENT_NAME_HEADER = 'apollographql-client-name';

/** Trusted documents as the HTTP front's `admit`: the client named by its header. */
export function admitTrustedDocuments(settings: Record<string, TrustedClientSetting>): AdmitRequest {
  const decide = trustedDocuments(settings);
  return (req, body) => {
    const name = req.headers[CLIENT_NAME_HEADER];
    return decide(typeof name === 'string' ? name : undefined, body);
  };
}
