import { request } from 'undici';
import { legacyUnavailable } from '../errors';
import { currentRequestScope } from '../../observability/request-scope';
import { logger } from '../../observability/logger';

/**
 * issue 20 item 5 (ACC-08): the identity provider's admin API, which holds the customer area's passwords. The user
 * console asks it to send a user new credentials (a one-time password by SMS, the username by e-mail) once per
 * pratica: `POST /admin/credentials {user_id, request_id}`, `Authorization: Bearer <IDP_ADMIN_KEY>`. A production
 * deployment points IDP_URL at the real IdP's admin API. The password never passes through the graph.
 */
export interface IdpAdmin {
  /** Resolves once the IdP accepted; LEGACY_UNAVAILABLE (system IdP) when it cannot be reached or refuses. */
  sendCredentials(userId: string, requestId: string): Promise<void>;
}

/** An IdP that has not answered in this long is not going to: the RL retries the change (the pratica is replayed). */
const TIMEOUT_MS = 5_000;

export function createIdpAdmin(opts: { url: string; adminKey: string }): IdpAdmin {
  const unavailable = (why: string) => {
    logger.warn({ system: 'IdP', reason: why }, 'the IdP did not send the console\'s credentials');
    return legacyUnavailable('IdP', currentRequestScope()?.correlationId ?? '');
  };
  return {
    async sendCredentials(userId, requestId) {
      if (!opts.url) throw unavailable('IDP_URL is not set');
      const res = await request(`${opts.url}/admin/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.adminKey}` },
        body: JSON.stringify({ user_id: userId, request_id: requestId }),
        headersTimeout: TIMEOUT_MS,
        bodyTimeout: TIMEOUT_MS,
      }).catch((err: unknown) => {
        throw unavailable(err instanceof Error ? err.name : 'error');
      });
      await res.body.dump();
      if (res.statusCode !== 202) throw unavailable(`HTTP ${res.statusCode}`);
    },
  };
}
