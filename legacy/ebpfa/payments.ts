import type { Db } from '../runtime/db';
import { LegacyFault } from '../runtime/server';
import type { InvoiceRow } from './store';
import { oneRowFlow } from './flows';

/**
 * Issue 22 (BIL-04). EBPFA records an online payment of a fixed invoice: `POST /ebpfa/flussi/pagamenti` with a
 * one-row flow `NUM_FATTURA;ID_PAGAMENTO;IMPORTO` (ISO-8859-1, `,` decimals), answered with the invoice's row as the
 * invoice flow prints it. The invoice turns PAGATA in the transaction that records the payment's id: the same
 * ID_PAGAMENTO again changes nothing; an invoice paid by another payment is PFA-409, another amount PFA-400.
 */
export const PAYMENTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS pagamenti (
  num_fattura TEXT PRIMARY KEY REFERENCES fatture (num_fattura), id_pagamento TEXT NOT NULL UNIQUE,
  importo_cent INTEGER NOT NULL, data TEXT NOT NULL);
`;

const PAYMENT_COLUMNS = ['NUM_FATTURA', 'ID_PAGAMENTO', 'IMPORTO'];

const bad = (what: string) => new LegacyFault(400, 'PFA-400', `flusso pagamento non valido: ${what}`);

/** The one payment row of the request's flow. */
export function paymentRow(raw: Buffer): { number: string; paymentId: string; cents: number } {
  const row = oneRowFlow(raw, PAYMENT_COLUMNS, bad);
  const [number, paymentId, amount] = row;
  const m = /^(\d{1,7}),(\d{2})$/.exec(amount ?? '');
  if (!number || !paymentId || !m) throw bad('NUM_FATTURA, ID_PAGAMENTO e IMPORTO (es. 5,57) obbligatori');
  return { number, paymentId, cents: Number(m[1]) * 100 + Number(m[2]) };
}

export function payInvoice(db: Db, p: { number: string; paymentId: string; cents: number }): InvoiceRow {
  const invoice = () => db.prepare('SELECT * FROM fatture WHERE num_fattura = ?').get(p.number) as InvoiceRow | undefined;
  return db.transaction(() => {
    const current = invoice();
    if (!current) throw new LegacyFault(404, 'PFA-404', `fattura ${p.number} non trovata`);
    const done = db.prepare('SELECT id_pagamento FROM pagamenti WHERE num_fattura = ?').get(p.number) as { id_pagamento: string } | undefined;
    if (done?.id_pagamento === p.paymentId) return current;
    if (done || current.stato_pag === 'PAGATA') throw new LegacyFault(409, 'PFA-409', `fattura ${p.number} già pagata`);
    if (p.cents !== current.importo_cent) throw bad(`IMPORTO diverso dall'importo della fattura ${p.number}`);
    db.prepare('INSERT INTO pagamenti VALUES (?, ?, ?, ?)').run(p.number, p.paymentId, p.cents, new Date().toISOString());
    db.prepare("UPDATE fatture SET stato_pag = 'PAGATA' WHERE num_fattura = ?").run(p.number);
    return invoice()!;
  })();
}
