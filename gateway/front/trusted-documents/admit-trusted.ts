import type { AdmitRequest } from '../../../stack/http/admit';
import { clientIdOf } from './client-id';
import type { TrustedClientSetting } from './setting';
import { trustedDocuments } from './trusted-documents';

/** Trusted documents as the HTTP front's `admit`: the client named by its header. */
export function admitTrustedDocuments(settings: Record<string, TrustedClientSetting>): AdmitRequest {
  const decide = trustedDocuments(settings);
  return (req, body) => decide(clientIdOf(req.headers), body);
}
