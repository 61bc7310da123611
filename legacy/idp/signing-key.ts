import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/**
 * The IdP's ES256 key pair. It is generated on the first start and kept in `DATA_DIR/idp-key.json`, so that
 * tokens issued before a restart still verify after it (the gateway caches the JWKS, clients cache tokens).
 */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half as published in the JWKS. */
  publicJwk: JWK;
}

export const KEY_FILE = 'idp-key.json';
const ALG = 'ES256';

export async function loadOrCreateSigningKey(dataDir: string): Promise<SigningKey> {
  const path = join(dataDir, KEY_FILE);
  const privateJwk = readKeyFile(path) ?? (await createKeyFile(dataDir, path));
  const { d: _private, ...publicJwk } = privateJwk;
  const kid = privateJwk.kid ?? (await calculateJwkThumbprint(publicJwk));
  return {
    kid,
    privateKey: (await importJWK(privateJwk, ALG)) as CryptoKey,
    publicJwk: { ...publicJwk, kid, alg: ALG, use: 'sig' },
  };
}

function readKeyFile(path: string): JWK | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as JWK;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`${path} is not a readable key file: ${(err as Error).message}`);
  }
}

async function createKeyFile(dataDir: string, path: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  jwk.kid = await calculateJwkThumbprint(jwk);
  mkdirSync(dataDir, { recursive: true });
  // Write then rename: a crash mid-write must not leave a half key that makes every later start fail.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(jwk), { mode: 0o600 });
  renameSync(tmp, path);
  return jwk;
}
