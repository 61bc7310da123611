import { hkdfSync } from 'node:crypto';
import { EncryptJWT, jwtDecrypt, errors as joseErrors } from 'jose';
import type { LegacySystem } from '../../adapters/errors';

/**
 * Download links: every file the graph hands out (invoice PDFs today; the price list, exports and summary modules
 * next) is a short-lived signed link to the gateway's one route, `GET /downloads/<token>`, which a browser follows
 * without an Authorization header. The subgraph that decided the viewer may have the file signs which file
 * (system + path on it), how to name it and, for the gateway's log, for whom; the gateway verifies and streams the
 * file from that system.
 *
 * The token is opaque (issue 19 item 10): an encrypted JWT (JWE, `dir` + A256GCM), so the link shows neither the
 * legacy path nor the CRM user id to whoever sees it (a browser's history, a proxy's log, a forwarded e-mail), and
 * any change to it fails its authentication tag. It is a bearer link: whoever holds it gets the file until it expires
 * (DOWNLOAD_URL_TTL_SECONDS, README "Files"), because a browser follows it without a header. Its key is derived
 * from the gateway identity secret, which both sides already hold, for this use only: an identity token never
 * decrypts as a link, nor a link verifies as an identity.
 */
export const DOWNLOAD_ROUTE = '/downloads';
const AUDIENCE = 'onegraph-downloads';
const ISSUER = 'onegraph-subgraphs';

/** The content types of the lists the pages offer as files (the seed's ".xls o .csv"), one spelling for every subgraph. */
export const LIST_FILE_TYPES = { CSV: 'text/csv', XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** A file in a legacy system, as the gateway fetches it (`path` below the system's base URL). */
export interface DownloadableFile {
  system: LegacySystem;
  path: string;
  /** The name the browser saves it under. */
  fileName: string;
  contentType: string;
}

export interface SignedDownload extends DownloadableFile {
  /** CRM user id of the viewer it was signed for. */
  userId: string;
}

export interface DownloadSigner {
  /** The link: `<baseUrl>/downloads/<token>`; a path on the gateway's origin when no base URL is set. */
  urlFor(file: DownloadableFile, userId: string): Promise<string>;
}

/** The links' own 256-bit key, derived from the identity secret (HKDF-SHA256, bound to this use by its label). */
function linkKey(secret: Uint8Array): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, new Uint8Array(0), 'onegraph download links v1', 32));
}

export function createDownloadSigner(opts: { secret: Uint8Array; ttlSeconds: number; baseUrl: string }): DownloadSigner {
  const base = opts.baseUrl.replace(/\/$/, '');
  const key = linkKey(opts.secret);
  return {
    async urlFor(file, userId) {
      const token = await new EncryptJWT({ sys: file.system, path: file.path, name: file.fileName, type: file.contentType })
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${opts.ttlSeconds}s`)
        .encrypt(key);
      return `${base}${DOWNLOAD_ROUTE}/${token}`;
    },
  };
}
const SYSTEMS: readonly string[] = ['CRM', 'eBill', 'EBPFA'] satisfies LegacySystem[];

/** What a link says, `expired` past its time, or `invalid` when it was not made with our key or is not ours. */
export async function verifyDownload(token: string, secret: Uint8Array): Promise<SignedDownload | 'expired' | 'invalid'> {
  try {
    const { payload: p } = await jwtDecrypt(token, linkKey(secret), {
      issuer: ISSUER, audience: AUDIENCE, keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'],
    });
    if (typeof p.sys !== 'string' || !SYSTEMS.includes(p.sys) || typeof p.path !== 'string' || !p.path.startsWith('/')
      || typeof p.name !== 'string' || typeof p.type !== 'string' || typeof p.sub !== 'string') return 'invalid';
    return { system: p.sys as LegacySystem, path: p.path, fileName: p.name, contentType: p.type, userId: p.sub };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) return 'expired';
    if (err instanceof joseErrors.JOSEError) return 'invalid';
    throw err;
  }
}
