import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { LegacySystem } from '../../adapters/errors';

/**
 * Download links: every file the graph hands out (invoice PDFs today; the price list, exports and summary modules
 * next) is a short-lived signed link to the gateway's one route, `GET /downloads/<token>`, which a browser follows
 * without an Authorization header. The subgraph that decided the viewer may have the file signs which file
 * (system + path on it), how to name it and, for the gateway's log, for whom; the gateway verifies and streams the
 * file from that system. The key is the gateway identity secret, which both sides already hold; the audience keeps
 * the two kinds of token apart.
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

export function createDownloadSigner(opts: { secret: Uint8Array; ttlSeconds: number; baseUrl: string }): DownloadSigner {
  const base = opts.baseUrl.replace(/\/$/, '');
  return {
    async urlFor(file, userId) {
      const token = await new SignJWT({ sys: file.system, path: file.path, name: file.fileName, type: file.contentType })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${opts.ttlSeconds}s`)
        .sign(opts.secret);
      return `${base}${DOWNLOAD_ROUTE}/${token}`;
    },
  };
}
const SYSTEMS: readonly string[] = ['CRM', 'eBill', 'EBPFA'] satisfies LegacySystem[];

/** What a link says, `expired` past its time, or `invalid` when it was not signed with our key or is not ours. */
export async function verifyDownload(token: string, secret: Uint8Array): Promise<SignedDownload | 'expired' | 'invalid'> {
  try {
    const { payload: p } = await jwtVerify(token, secret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    if (typeof p.sys !== 'string' || !SYSTEMS.includes(p.sys) || typeof p.path !== 'string' || !p.path.startsWith('/')
      || typeof p.name !== 'string' || typeof p.type !== 'string' || typeof p.sub !== 'string') return 'invalid';
    return { system: p.sys as LegacySystem, path: p.path, fileName: p.name, contentType: p.type, userId: p.sub };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) return 'expired';
    if (err instanceof joseErrors.JOSEError) return 'invalid';
    throw err;
  }
}
