import type { Readable } from 'node:stream';
import { resilienceFromEnv } from '../resilience/settings';
import { UnusableAnswer } from '../legacy-answer';
import { readCrmAnswer, text } from './soap';
import { createCrmHttp, type CrmClientOptions } from './client';

/** What the gateway knows of an upload when it sends it on: whose it is and what its content says it is. */
export interface AttachmentUpload {
  /** CRM's user id of the uploader: only he may use the attachment, once. */
  owner: string;
  /** Detected from the content (gateway/uploads/content-type.ts), never from the file name. */
  contentType: string;
  content: Readable;
}

export interface AttachmentUploader {
  /** Streams the file into CRM's attachment store and answers its id. */
  upload(upload: AttachmentUpload): Promise<string>;
  close(): Promise<void>;
}

/**
 * Uploads go through a CRM channel of their own: a client sends a file at his own pace, so its attempt lasts as
 * long as `timeoutMs` allows (not the 1.2 s of a read), and the few connections it may hold are never those the
 * profile lookups need. It is a write (sent once): a stream cannot be sent again.
 */
export function createAttachmentUploader(options: CrmClientOptions & { timeoutMs: number; connections: number }): AttachmentUploader {
  const base = options.resilience ?? resilienceFromEnv('CRM');
  const http = createCrmHttp({
    ...options,
    resilience: { ...base, attemptTimeoutMs: options.timeoutMs, callBudgetMs: options.timeoutMs, maxInFlight: options.connections },
  });
  return {
    upload: ({ owner, contentType, content }) => http.call({
      method: 'POST', path: `/crm/allegati?utente=${encodeURIComponent(owner)}`, operation: 'CaricaAllegato', kind: 'write',
      headers: { 'content-type': contentType }, body: content,
    }, (res) => readCrmAnswer('CaricaAllegato', res, (answer) => {
      const id = text(answer, 'id');
      if (!id) throw new UnusableAnswer('empty attachment id');
      return id;
    })),
    close: () => http.close(),
  };
}
