import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { LegacyFault, type StandInReply } from '../runtime/server';

/** EBPFA's text "flows": semicolon-separated, one header row, ISO-8859-1 bytes. */
export const FLOW_CONTENT_TYPE = 'text/csv; charset=ISO-8859-1';

export function flowReply(status: number, header: string[], rows: string[][]): StandInReply {
  const text = stringify([header, ...rows], { delimiter: ';', record_delimiter: '\n' });
  return { status, headers: { 'content-type': FLOW_CONTENT_TYPE }, body: iconv.encode(text, 'latin1') };
}

/** The KO flow every EBPFA error answers with. */
export function koFlow(status: number, code: string, text: string): StandInReply {
  return flowReply(status, ['ESITO', 'CODICE', 'DESCRIZIONE'], [['KO', code, text]]);
}

/**
 * Broken rows, as a failing extraction produces them: every data row cut after half its fields (a flow without
 * rows gets one stray fragment), the header left intact.
 */
export function breakRows(flow: Buffer): Buffer {
  const [header, ...rows] = iconv.decode(flow, 'latin1').split('\n').filter((line) => line !== '');
  const broken = rows.map((row) => row.split(';').slice(0, Math.ceil(row.split(';').length / 2)).join(';'));
  return iconv.encode([header, ...(broken.length > 0 ? broken : ['###'])].join('\n') + '\n', 'latin1');
}

/**
 * The one data row of a flow a caller posts (a payment, a merge), after a header of exactly `columns`; PFA-400 with
 * `what` (e.g. "flusso pagamento non valido") otherwise.
 */
export function oneRowFlow(raw: Buffer, columns: readonly string[], what: string): string[] {
  let rows: string[][];
  try {
    rows = parse(iconv.decode(raw, 'latin1'), { delimiter: ';', skip_empty_lines: true }) as string[][];
  } catch {
    throw new LegacyFault(400, 'PFA-400', `${what}: righe illeggibili`);
  }
  const [header, row, ...more] = rows;
  if (header?.join(';') !== columns.join(';') || !row || more.length > 0) throw new LegacyFault(400, 'PFA-400', `${what}: attesa una riga ${columns.join(';')}`);
  return row;
}
