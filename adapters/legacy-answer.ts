import { legacyUnavailable, type LegacySystem } from './errors';
import { logLegacyFailure, type LegacyResponse } from './http';
import type { PdfDocument } from './domain';

/** An answer the adapter cannot use: KO body, 5xx, wrong shape, unreadable value. The message is legacy detail. */
export class UnusableAnswer extends Error {
  override name = 'UnusableAnswer';
}

/**
 * Reads a legacy answer. Whatever the reader refuses becomes LEGACY_UNAVAILABLE naming the system; the legacy detail
 * goes to the log under the correlation id, never into the error.
 */
export function readAnswer<T>(system: LegacySystem, operation: string, res: LegacyResponse, read: (res: LegacyResponse) => T): T {
  try {
    return read(res);
  } catch (err) {
    logLegacyFailure(system, operation, res.correlationId, err);
    throw legacyUnavailable(system, res.correlationId);
  }
}

/** A PDF answer: `null` on 404 (no such document); anything but a complete PDF is unusable. */
export function pdfDocument(res: LegacyResponse, fileName: string, describeFailure: (res: LegacyResponse) => string): PdfDocument | null {
  if (res.status === 404) return null;
  if (res.status !== 200) throw new UnusableAnswer(`HTTP ${res.status}: ${describeFailure(res)}`);
  // A cut transfer still starts well; the trailer at the end is what proves the document is whole.
  const tail = res.body.subarray(Math.max(0, res.body.length - 64)).toString('latin1');
  if (!res.body.subarray(0, 5).equals(Buffer.from('%PDF-')) || !tail.includes('%%EOF')) {
    throw new UnusableAnswer(`not a complete PDF (${res.body.length} bytes)`);
  }
  return { fileName, contentType: 'application/pdf', bytes: res.body };
}
