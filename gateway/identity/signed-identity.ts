import { signIdentity, type Identity } from '../../subgraphs/runtime/identity';

/**
 * The forwarded identity, signed once per client request instead of once per subgraph fetch: the dashboard makes
 * six fetches for one identity, and HS256 through jose's WebCrypto path cost the gateway more CPU than any other
 * step of a fetch (bench/RESULTS.md). The cache is keyed by the request's identity object, so it lives as long as
 * the request; a token older than REUSE_MS is signed again, so that a fetch late in a long operation still
 * carries a token far from its 60 s expiry.
 */
const REUSE_MS = 20_000;
const signed = new WeakMap<Identity, { secret: Uint8Array; at: number; token: Promise<string> }>();

export function signedIdentity(identity: Identity, secret: Uint8Array): Promise<string> {
  const now = Date.now();
  const cached = signed.get(identity);
  if (cached && cached.secret === secret && now - cached.at < REUSE_MS) return cached.token;
  const token = signIdentity(identity, secret);
  const entry = { secret, at: now, token };
  signed.set(identity, entry);
  // A failed signature is not reused: the next fetch tries again.
  token.catch(() => signed.get(identity) === entry && signed.delete(identity));
  return token;
}
