import { fileTypeFromBuffer } from 'file-type';

/**
 * What an upload is, from its first bytes only: the name and the Content-Type a client sends are his word, the
 * content is the fact. The types the operations take: documents (PDF, JPEG, PNG) and lists of SIMs (CSV, XLSX).
 */
export const UPLOAD_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Enough of a file to recognise it: magic numbers sit at the start, and an XLSX names its `xl/` parts early. */
export const SNIFF_BYTES = 64 * 1024;

const BINARY_TYPES: ReadonlySet<string> = new Set([UPLOAD_TYPES.pdf, UPLOAD_TYPES.jpeg, UPLOAD_TYPES.png, UPLOAD_TYPES.xlsx]);

/** The type of a file whose first bytes are `head` (`complete` when that is the whole file); null when not one we take. */
export async function detectUploadType(head: Buffer, complete: boolean): Promise<string | null> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return BINARY_TYPES.has(detected.mime) ? detected.mime : null;
  return isSeparatedText(head, complete) ? UPLOAD_TYPES.csv : null;
}

/**
 * A CSV has no magic number: it is text (UTF-8 or Latin-1, no control characters but tab and line ends) whose first
 * line holds a separator (`;` as CRM's and EBPFA's flows, `,`, or tab).
 */
function isSeparatedText(head: Buffer, complete: boolean): boolean {
  // A cut sample may end inside a multi-byte character: that tail is not evidence either way.
  const sample = (complete ? head : head.subarray(0, Math.max(0, head.length - 3))).toString('latin1');
  if (sample.length === 0 || /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(sample)) return false;
  const firstLine = sample.split(/\r?\n/, 1)[0];
  return /[;,\t]/.test(firstLine);
}
