import type { Db } from '../runtime/db';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { invoiceJson } from './answers';
import { invalid, jsonBody, ok, optionalString } from './operations';
import type { InvoiceRow } from './store';

/**
 * Issue 22. eBill records an online payment of a mobile invoice (BIL-04): `fatture/pagamento` {nrFatt, idPag, imp}
 * → {idPag, fattura}. The invoice turns PAGATA in the same transaction that records the payment's id, so the same
 * `idPag` again changes nothing and answers the invoice as it is; an invoice already paid by another payment is
 * EB-409, an amount other than the invoice's EB-400, an unknown invoice EB-404. In eBill's database, beside `fatture`.
 */
export const INVOICE_PAYMENTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS pagamenti_fatture (
  nr_fatt TEXT PRIMARY KEY REFERENCES fatture (nr_fatt), id_pag TEXT NOT NULL UNIQUE, imp_cent INTEGER NOT NULL, dt TEXT NOT NULL);
`;

/** `"221,12"` in cents, or EB-400. */
function cents(body: Record<string, unknown>, field: string): number {
  const m = typeof body[field] === 'string' ? /^(\d{1,7}),(\d{2})$/.exec(body[field] as string) : null;
  if (!m) throw invalid(`${field} deve essere un importo, es. 221,12`);
  return Number(m[1]) * 100 + Number(m[2]);
}

export function invoicePayments(db: Db) {
  const invoice = (number: string) => db.prepare('SELECT * FROM fatture WHERE nr_fatt = ?').get(number) as InvoiceRow | undefined;

  function pay(number: string, paymentId: string, amount: number): InvoiceRow {
    return db.transaction(() => {
      const current = invoice(number);
      if (!current) throw new LegacyFault(404, 'EB-404', `fattura ${number} inesistente`);
      const done = db.prepare('SELECT id_pag FROM pagamenti_fatture WHERE nr_fatt = ?').get(number) as { id_pag: string } | undefined;
      if (done) {
        if (done.id_pag === paymentId) return current;
        throw new LegacyFault(409, 'EB-409', `fattura ${number} già pagata con altro pagamento`);
      }
      if (current.st_pag === 'PAGATA') throw new LegacyFault(409, 'EB-409', `fattura ${number} già pagata`);
      if (amount !== current.imp_cent) throw invalid(`imp diverso dall'importo della fattura ${number}`);
      db.prepare('INSERT INTO pagamenti_fatture VALUES (?, ?, ?, ?)').run(number, paymentId, amount, new Date().toISOString());
      db.prepare("UPDATE fatture SET st_pag = 'PAGATA' WHERE nr_fatt = ?").run(number);
      return invoice(number)!;
    })();
  }

  return {
    routes: {
      'fatture/pagamento': (raw: Buffer): StandInReply => {
        const body = jsonBody(raw);
        const number = optionalString(body, 'nrFatt');
        const paymentId = optionalString(body, 'idPag');
        if (!number || !paymentId) throw invalid('nrFatt e idPag obbligatori');
        return ok({ idPag: paymentId, fattura: invoiceJson(pay(number, paymentId, cents(body, 'imp'))) });
      },
    },
  };
}
