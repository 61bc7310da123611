import type { AdmitRequest } from '../../../stack/http/admit';
import type { TrustedClientSetting } from './setting';
import { trustedDocuments } from './trusted-documents';

/** Apollo's client identification headers (the version is only logged). */
const CLIENT_NAME_HEADER = 'apollographql-client-name';
const CLIENT_VERSION_HEADER = 'apollographql-client-version';

/** Trusted documents as the HTTP front's `admit`: the client named by its header. */
export function admitTrustedDocuments(settings: Record<string, TrustedClientSetting>): AdmitRequest {
  const decide = trustedDocuments(settings);
  return (req, body) => {
    const header = (name: string) => (typeof req.headers[name] === 'string' ? req.headers[name] : undefined);
    return decide({ name: header(CLIENT_NAME_HEADER), version: header(CLIENT_VERSION_HEADER) }, body);
  };
}
