import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { AttachmentUploader } from '../../adapters/crm';
import { isGraphError } from '../../adapters/errors';
import type { Authenticator } from '../auth/authenticate';
import { metricsEnabled, uploads } from '../../observability/metrics';
import { currentRequestScope } from '../../observability/request-scope';
import type { Profile } from '../../adapters/domain';
import { refuse } from '../../stack/http/refuse';
import { logger } from '../../observability/logger';
import { detectUploadType, SNIFF_BYTES } from './content-type';
import type { UploadQuota } from './upload-quota';

/**
 * `POST /uploads`: the body is the file's bytes (any Content-Type; `fetch(url, { method: 'POST', body: file })`
 * from a browser), with the same bearer token as /graphql. The type is read from the content; the bytes stream on
 * into CRM's attachment store under the caller's user id, and the answer is `201 {"id", "contentType", "size"}`:
 * the id a mutation then refers to, once. Refusals: 401 (no valid token), 403 (no operation the user may run takes a
 * file: `uploaders`, upload-holders.ts), 429 (over the per-user quota, upload-quota.ts), 413 (over `maxBytes`:
 * nothing is kept), 415 (not a PDF, JPEG, PNG, CSV or XLSX), 503 (CRM unavailable).
 */
export function uploadRoute(deps: {
  authenticate: Authenticator; uploader: AttachmentUploader; maxBytes: number;
  /** The profiles of the operations that take an upload (upload-holders.ts). */
  uploaders: ReadonlySet<Profile>;
  quota: UploadQuota;
}) {
  return async function serveUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'BAD_REQUEST', 'Send the file with POST.', true);
    const { correlationId } = currentRequestScope()!;
    let identity: Awaited<ReturnType<Authenticator>>;
    try {
      identity = await deps.authenticate(req.headers.authorization, correlationId);
    } catch (err) {
      if (!isGraphError(err)) throw err;
      const unauthenticated = err.extensions.code === 'UNAUTHENTICATED';
      return refuse(res, unauthenticated ? 401 : 503, String(err.extensions.code), err.message, true);
    }
    const owner = identity.userId;
    if (!identity.grants.some((grant) => deps.uploaders.has(grant.profile))) {
      if (metricsEnabled) uploads.inc({ outcome: 'no_operation' });
      return refuse(res, 403, 'FORBIDDEN', 'No operation you may run takes a file: there is nothing to upload it for.', true);
    }
    const retryAfterSeconds = deps.quota.take(owner);
    if (retryAfterSeconds !== null) {
      if (metricsEnabled) uploads.inc({ outcome: 'quota' });
      res.setHeader('retry-after', String(retryAfterSeconds));
      return refuse(res, 429, 'RATE_LIMITED', `Too many uploads: try again in ${retryAfterSeconds} s.`, true);
    }
    const tooLarge = () => refuse(res, 413, 'BAD_REQUEST', `A file may be at most ${deps.maxBytes} bytes.`, true);
    // A browser declares the length of a file it sends: a file too large is refused before a byte is read.
    if (Number(req.headers['content-length'] ?? 0) > deps.maxBytes) return tooLarge();

    const body = boundedChunks(req, deps.maxBytes);
    const head = await readHead(body);
    if (head === 'too large') return tooLarge();
    if (head.bytes.length === 0) return refuse(res, 400, 'BAD_USER_INPUT', 'The file is empty.', true);
    const contentType = await detectUploadType(head.bytes, head.complete);
    if (!contentType) return refuse(res, 415, 'BAD_USER_INPUT', 'Only PDF, JPEG and PNG documents and CSV or XLSX lists are accepted.', true);

    let size = head.bytes.length;
    const content = Readable.from((async function* () {
      yield head.bytes;
      for await (const chunk of body.rest()) {
        size += chunk.length;
        yield chunk;
      }
    })());
    try {
      const id = await deps.uploader.upload({ owner, contentType, content });
      logger.info({ contentType, size }, 'upload stored');
      if (metricsEnabled) uploads.inc({ outcome: 'stored' });
      res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ id, contentType, size }));
    } catch (err) {
      // Cut off past the limit, the transfer to CRM was aborted: CRM keeps nothing of an incomplete upload.
      if (body.exceeded()) return tooLarge();
      if (!isGraphError(err)) throw err;
      refuse(res, err.extensions.code === 'LEGACY_UNAVAILABLE' ? 503 : 500, String(err.extensions.code), err.message, true);
    }
  };
}

/** The request's chunks, failing once more than `max` bytes have come (a body sent without its length). */
function boundedChunks(req: IncomingMessage, max: number) {
  const iterator = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let received = 0;
  let exceeded = false;
  async function next(): Promise<Buffer | null> {
    const { value, done } = await iterator.next();
    if (done) return null;
    received += value.length;
    if (received > max) {
      exceeded = true;
      throw new Error(`upload over ${max} bytes`);
    }
    return value;
  }
  return {
    next,
    exceeded: () => exceeded,
    async *rest(): AsyncGenerator<Buffer> {
      for (let chunk = await next(); chunk; chunk = await next()) yield chunk;
    },
  };
}

/** The first SNIFF_BYTES (or the whole file, when smaller): what the type is detected from. */
async function readHead(body: ReturnType<typeof boundedChunks>): Promise<{ bytes: Buffer; complete: boolean } | 'too large'> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    while (length < SNIFF_BYTES) {
      const chunk = await body.next();
      if (!chunk) return { bytes: Buffer.concat(chunks), complete: true };
      chunks.push(chunk);
      length += chunk.length;
    }
  } catch (err) {
    if (body.exceeded()) return 'too large';
    throw err;
  }
  return { bytes: Buffer.concat(chunks), complete: false };
}
