import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import type { LegacyResponse } from '../http';
import { UnusableAnswer } from '../legacy-answer';

/**
 * EBPFA's flows: semicolon-separated text with one header row, ISO-8859-1 bytes. A failure is a KO flow
 * (`ESITO;CODICE;DESCRIZIONE`) with a 4xx/5xx.
 */
const KO_COLUMNS = ['ESITO', 'CODICE', 'DESCRIZIONE'];

/** Decodes with the charset the content type names; EBPFA's is ISO-8859-1 when it names none. */
function decode(res: LegacyResponse): string {
  const contentType = res.headers['content-type'];
  const charset = /charset=([^;\s]+)/i.exec(String(contentType ?? ''))?.[1] ?? 'ISO-8859-1';
  if (!iconv.encodingExists(charset)) throw new UnusableAnswer(`unknown charset "${charset}"`);
  return iconv.decode(res.body, charset);
}

function records(res: LegacyResponse): string[][] {
  try {
    return parse(decode(res), { delimiter: ';', skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (err) {
    throw new UnusableAnswer(`unreadable flow: ${(err as Error).message}`);
  }
}

/** The legacy's own account of a failed answer, for the log. */
export function ebpfaFailure(res: LegacyResponse): string {
  try {
    const [header, first] = records(res);
    return header?.join(';') === KO_COLUMNS.join(';') && first ? `${first[1]} ${first[2]}` : `HTTP ${res.status}, no KO flow`;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The rows of a successful flow with exactly `columns`, as objects keyed by column name. */
export function flowRows<C extends string>(res: LegacyResponse, columns: readonly C[]): Record<C, string>[] {
  if (res.status !== 200) throw new UnusableAnswer(`HTTP ${res.status}: ${ebpfaFailure(res)}`);
  const [header, ...rows] = records(res);
  if (header?.join(';') !== columns.join(';')) throw new UnusableAnswer(`unexpected flow header "${header?.join(';')}": ${ebpfaFailure(res)}`);
  return rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])) as Record<C, string>);
}

/** EBPFA's credentials on every call (default: the stand-in's key). */
export const ebpfaHeaders = (apiKey = 'onegraph-ebpfa') => ({ 'x-api-key': apiKey });

/**
 * EBPFA's invoice flow of some customer codes and issue dates (`states`: only those STATO_PAG words, issue 22): what
 * the adapter reads, and the file a signed link hands out as the list's export (BIL-05).
 */
export function invoiceFlowPath(codes: readonly string[], from: string, to: string, states?: readonly string[]): string {
  const query = new URLSearchParams({ codiciCliente: codes.join(','), dal: from, al: to, ...(states?.length && { stati: states.join(',') }) });
  return `/ebpfa/flussi/fatture?${query}`;
}

/** Where EBPFA serves an invoice's PDF: the adapter reads it there, and a signed download link names it. */
/** Issue 22 (BIL-06): the flow of one invoice, by number, whoever's it is. */
export const invoiceByNumberPath = (number: string) => `/ebpfa/flussi/fatture?${new URLSearchParams({ numeroFattura: number })}`;

export const invoicePdfPath = (number: string) => `/ebpfa/flussi/fatture/${encodeURIComponent(number)}/pdf`;
