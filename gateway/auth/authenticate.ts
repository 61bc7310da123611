import { GraphError, unauthenticated } from '../../adapters/errors';
import type { Identity } from '../../subgraphs/runtime/identity';
import type { TokenVerifier } from './bearer-token';
import type { ProfileSource } from './profile-cache';

/**
 * Turns the caller's bearer token into the identity the subgraphs receive: the IdP vouches for who he is,
 * CRM says whether his account is enabled and what he may see. Throws a GraphError carrying the HTTP status
 * Apollo Server answers with (401 for UNAUTHENTICATED).
 */
export function createAuthenticator(verifyBearer: TokenVerifier, profiles: ProfileSource) {
  return async function authenticate(authorization: string | undefined, correlationId: string): Promise<Identity> {
    try {
      const subject = await verifyBearer(authorization, correlationId);
      // The IdP's subject is the CRM user id: the user is found by it, and only by it.
      const profile = await profiles.getUserProfile(subject.sub);
      // A user the IdP knows but CRM does not, or one disabled in CRM, has no business in the graph.
      if (!profile || !profile.enabled || profile.id !== subject.sub) throw unauthenticated('This user may not use the service.');
      return {
        userId: profile.id,
        username: profile.username,
        name: `${profile.firstName} ${profile.lastName}`.trim(),
        grants: profile.grants,
      };
    } catch (err) {
      throw withHttpStatus(err);
    }
  };
}
export type Authenticator = ReturnType<typeof createAuthenticator>;

/**
 * A legacy system (CRM, the IdP's keys) failing is not the gateway failing: the answer is a GraphQL error naming the
 * system, with HTTP 200 like any other answer carrying LEGACY_UNAVAILABLE, never a 5xx a proxy would retry or hide.
 */
const STATUS_BY_CODE: Record<string, number> = { UNAUTHENTICATED: 401, LEGACY_UNAVAILABLE: 200 };

function withHttpStatus(err: unknown): unknown {
  if (!(err instanceof GraphError)) return err;
  const status = STATUS_BY_CODE[String(err.extensions.code)] ?? 500;
  Object.assign(err.extensions, { http: { status } });
  return err;
}
