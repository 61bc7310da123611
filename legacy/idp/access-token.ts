import { SignJWT } from 'jose';
import type { DemoUser } from '../data/users';
import type { SigningKey } from './signing-key';

export const TOKEN_LIFETIME_SECONDS = 3600;

export interface TokenClaimsSettings { issuer: string; audience: string }

/**
 * An OAuth access token as a real IdP would issue it: who the user is and which registered application he signed in
 * through (`client_id` and `azp`, when the request named one: clients.ts), nothing about what he may do.
 */
export function issueAccessToken(key: SigningKey, user: DemoUser, settings: TokenClaimsSettings, client?: string): Promise<string> {
  return new SignJWT({
    preferred_username: user.username,
    name: `${user.firstName} ${user.lastName}`,
    ...(client !== undefined && { client_id: client, azp: client }),
  })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
    .sign(key.privateKey);
}
