import { badUserInput } from '../../../adapters/errors';

/**
 * Ids of uploads (the gateway's POST /uploads answers them: `ALL-<uuid>`) and the content types an operation takes.
 * Whether the id exists, is the viewer's, unused and of the right type is CRM's to say, inside the pratica's
 * transaction; this only refuses what cannot be an id at all.
 */
const ATTACHMENT_ID = /^ALL-[0-9a-f-]{36}$/;

/** Documents (a theft report, an identity document): PDF, or a scan as JPEG or PNG. */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** Lists of SIMs: CSV or an Excel workbook. */
export const LIST_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;

export function checkAttachmentId(raw: unknown, field: string): string {
  if (raw === undefined || raw === null || raw === '') throw badUserInput(field, 'is required: upload the file (POST /uploads) and send its id');
  if (typeof raw !== 'string' || !ATTACHMENT_ID.test(raw)) throw badUserInput(field, 'must be the id POST /uploads answered, e.g. ALL-…');
  return raw;
}
