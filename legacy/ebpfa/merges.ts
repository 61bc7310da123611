import type { Db } from '../runtime/db';
import { legacyAmount } from '../runtime/amount';
import { minimalPdf } from '../runtime/pdf';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { flowReply, oneRowFlow } from './flows';
import type { InvoiceRow } from './store';

/**
 * Issue 22 (BIL-07; seed 000 "Fatture fisso": "Unire in PDF due fatture stesso bimestre"). CRM's pratica asks EBPFA
 * for one PDF of two fixed invoices of one customer and one bimester:
 * - `POST /ebpfa/flussi/unioni` with a one-row flow `ID_PRATICA;NUM_FATTURA_1;NUM_FATTURA_2` (ISO-8859-1), answered
 *   `ID_PRATICA;NUM_FATTURA_1;NUM_FATTURA_2;STATO`: EBPFA produces the merged PDF at once (STATO PRODOTTA). Once per
 *   pratica: the same pratica again answers the merge it made; with other invoices it is PFA-409. Invoices of two
 *   bimesters or two customers are PFA-400, an unknown one PFA-404.
 * - `GET /ebpfa/flussi/unioni/{ID_PRATICA}/pdf`: the merged PDF, one section per invoice.
 */
export const MERGES_SCHEMA = `
CREATE TABLE IF NOT EXISTS unioni (
  id_pratica TEXT PRIMARY KEY, num_fattura_1 TEXT NOT NULL REFERENCES fatture (num_fattura),
  num_fattura_2 TEXT NOT NULL REFERENCES fatture (num_fattura), stato TEXT NOT NULL, data TEXT NOT NULL);
`;

const REQUEST_COLUMNS = ['ID_PRATICA', 'NUM_FATTURA_1', 'NUM_FATTURA_2'];
export const MERGE_COLUMNS = [...REQUEST_COLUMNS, 'STATO'];

interface MergeRow { id_pratica: string; num_fattura_1: string; num_fattura_2: string; stato: string }

const bad = (what: string) => new LegacyFault(400, 'PFA-400', `flusso unione non valido: ${what}`);
const mergeReply = (m: MergeRow) => flowReply(200, MERGE_COLUMNS, [[m.id_pratica, m.num_fattura_1, m.num_fattura_2, m.stato]]);

function requestRow(raw: Buffer): { requestId: string; numbers: [string, string] } {
  const [requestId, first, second] = oneRowFlow(raw, REQUEST_COLUMNS, 'flusso unione non valido');
  if (!requestId || !first || !second || first === second) throw bad('ID_PRATICA e due NUM_FATTURA diversi obbligatori');
  return { requestId, numbers: [first, second] };
}

export function mergeInvoices(db: Db, raw: Buffer): StandInReply {
  const { requestId, numbers } = requestRow(raw);
  const invoice = (n: string) => {
    const row = db.prepare('SELECT * FROM fatture WHERE num_fattura = ?').get(n) as InvoiceRow | undefined;
    if (!row) throw new LegacyFault(404, 'PFA-404', `fattura ${n} non trovata`);
    return row;
  };
  const merge = db.transaction((): MergeRow => {
    const done = db.prepare('SELECT * FROM unioni WHERE id_pratica = ?').get(requestId) as MergeRow | undefined;
    if (done) {
      if (done.num_fattura_1 !== numbers[0] || done.num_fattura_2 !== numbers[1]) throw new LegacyFault(409, 'PFA-409', `pratica ${requestId} già usata per altre fatture`);
      return done;
    }
    const [a, b] = numbers.map(invoice);
    if (a.cod_cliente !== b.cod_cliente) throw bad('fatture di clienti diversi');
    if (a.bimestre !== b.bimestre || a.anno !== b.anno) throw bad('fatture di bimestri diversi');
    const row = { id_pratica: requestId, num_fattura_1: a.num_fattura, num_fattura_2: b.num_fattura, stato: 'PRODOTTA' };
    db.prepare('INSERT INTO unioni VALUES (?, ?, ?, ?, ?)').run(row.id_pratica, row.num_fattura_1, row.num_fattura_2, row.stato, new Date().toISOString());
    return row;
  });
  return mergeReply(merge());
}

export function mergedPdf(db: Db, requestId: string): StandInReply {
  const merge = db.prepare('SELECT * FROM unioni WHERE id_pratica = ?').get(requestId) as MergeRow | undefined;
  if (!merge) throw new LegacyFault(404, 'PFA-404', `unione ${requestId} non trovata`);
  const invoices = [merge.num_fattura_1, merge.num_fattura_2]
    .map((n) => db.prepare('SELECT * FROM fatture WHERE num_fattura = ?').get(n) as InvoiceRow);
  const lines = [
    `TIM - Fatture unite ${merge.num_fattura_1} e ${merge.num_fattura_2} - bimestre ${invoices[0].bimestre}/${invoices[0].anno}`,
    ...invoices.map((i) => `Fattura ${i.num_fattura} - cliente ${i.cod_cliente} - linea ${i.num_linea} - ${i.tipo} - importo ${legacyAmount(i.importo_cent)} EUR`),
  ];
  return {
    status: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="fatture_${merge.num_fattura_1}_${merge.num_fattura_2}.pdf"` },
    body: minimalPdf(lines),
  };
}
