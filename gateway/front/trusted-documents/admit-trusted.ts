import { isGraphError } from '../../../adapters/errors';
import { currentRequestScope } from '../../../observability/request-scope';
import type { AdmitRequest } from '../../../stack/http/admit';
import type { TokenVerifier } from '../../auth/bearer-token';
import { clientVersionOf } from './client-id';
import type { TrustedDocuments } from './trusted-documents';

/**
 * Trusted documents as the HTTP front's `admit`: the client is the one the verified bearer token names, whatever
 * the request's `apollographql-client-name` says (issue 19 item 7: no name, an empty one, another one or the same in
 * other case no longer lets a CM8 user out of the portal's manifest). The verification is the authenticator's own,
 * cached, so the context's check of the same token costs nothing more.
 */
export function admitTrustedDocuments(decide: TrustedDocuments, verifyBearer: TokenVerifier): AdmitRequest {
  return async (req, body) => {
    let client: string | undefined;
    try {
      ({ client } = await verifyBearer(req.headers.authorization, currentRequestScope()!.correlationId));
    } catch (err) {
      // No valid token: the context refuses the request (401, or LEGACY_UNAVAILABLE for the IdP) before parsing it.
      if (isGraphError(err)) return { ok: true, body };
      throw err;
    }
    return decide({ name: client, version: clientVersionOf(req.headers) }, body);
  };
}
