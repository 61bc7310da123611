import type { LegacyResponse } from '../http';
import { UnusableAnswer } from '../legacy-answer';

/**
 * eBill's JSON envelope: `{"esito":"OK", ...payload}` on success, `{"esito":"KO","cdErr","dsErr"}` with a 4xx/5xx
 * otherwise. Field values are strings (numbers are tolerated: the legacy is not consistent about it).
 */
export type EbillRecord = Record<string, unknown>;

const isRecord = (v: unknown): v is EbillRecord => typeof v === 'object' && v !== null && !Array.isArray(v);

function parse(res: LegacyResponse): unknown {
  try {
    return JSON.parse(res.body.toString('utf8'));
  } catch {
    throw new UnusableAnswer(`HTTP ${res.status}: body is not JSON (${res.body.length} bytes)`);
  }
}

/** The legacy's own account of a failed answer, for the log. */
export function ebillFailure(res: LegacyResponse): string {
  try {
    const body = parse(res);
    return isRecord(body) ? `${String(body.cdErr)} ${String(body.dsErr)}` : 'unexpected body';
  } catch (err) {
    return (err as Error).message;
  }
}

export function ebillPayload(res: LegacyResponse): EbillRecord {
  const body = parse(res);
  if (!isRecord(body)) throw new UnusableAnswer(`HTTP ${res.status}: body is not a JSON object`);
  if (res.status !== 200 || body.esito !== 'OK') throw new UnusableAnswer(`HTTP ${res.status}: ${String(body.cdErr)} ${String(body.dsErr)}`);
  return body;
}

export function records(payload: EbillRecord, field: string): EbillRecord[] {
  const list = payload[field];
  if (!Array.isArray(list) || !list.every(isRecord)) throw new UnusableAnswer(`"${field}" is not a list of records`);
  return list;
}

export function record(payload: EbillRecord, field: string): EbillRecord {
  const value = payload[field];
  if (!isRecord(value)) throw new UnusableAnswer(`"${field}" is not a record`);
  return value;
}

export function text(record: EbillRecord, field: string): string {
  const value = record[field];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new UnusableAnswer(`field "${field}" missing`);
}

/** eBill's credentials on every call (default: the stand-in's key). */
export const ebillHeaders = (apiKey = 'onegraph-ebill') => ({ 'x-api-key': apiKey });

/** Where eBill serves an invoice's PDF: the adapter reads it there, and a signed download link names it. */
/** Issue 22: where eBill serves a search of invoices as a CSV file (the lists' export), e.g. the unpaid ones. */
export function invoicesCsvPath(contracts: readonly string[], kind: 'MOBILE' | 'UNIFIED', from: string, to: string, unpaidOnly: boolean): string {
  const query = new URLSearchParams({
    cdCtr: contracts.join(','), dtDa: from, dtA: to, tipoFatt: kind === 'UNIFIED' ? 'UNICA' : 'MOBILE', ...(unpaidOnly && { stPag: 'DA_PAGARE,SCADUTA' }),
  });
  return `/ebill/v1/fatture/csv?${query}`;
}

export const invoicePdfPath = (number: string) => `/ebill/v1/fatture/${encodeURIComponent(number)}/pdf`;
