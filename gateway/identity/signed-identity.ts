import { ExpiringMap } from '../../stack/expiring-map';
import { signIdentity, type Identity } from '../../subgraphs/runtime/identity';

/**
 * The forwarded identity, signed once per user and grants for REUSE_MS instead of once per subgraph fetch: the
 * dashboard makes six fetches for one identity, and HS256 through jose's WebCrypto path cost the gateway more CPU
 * than any other step of a fetch (bench/RESULTS.md). Reusing the token across requests also lets each subgraph
 * verify it once (subgraphs/runtime/identity.ts). A token is reused while younger than REUSE_MS, so that a fetch
 * always carries one at least 40 s from its 60 s expiry; the key is the whole identity, so a change of grants
 * (the gateway reloads them every 30 s) gets a new token at once.
 */
const REUSE_MS = 20_000;
const signed = new ExpiringMap<string, { secret: Uint8Array; token: Promise<string> }>(10_000);

export function signedIdentity(identity: Identity, secret: Uint8Array): Promise<string> {
  const key = JSON.stringify([identity.userId, identity.username, identity.name, identity.grants]);
  const cached = signed.get(key);
  if (cached?.secret === secret) return cached.token;
  const token = signIdentity(identity, secret);
  const entry = { secret, token };
  signed.set(key, entry, Date.now() + REUSE_MS);
  // A failed signature is not reused: the next fetch tries again.
  token.catch(() => signed.delete(key, entry));
  return token;
}
