import { PERSONAL_INVOICE_LINES, PERSONAL_INVOICES } from '../data/ebill-personal-invoices';
import { DUAL_BILLING_INVOICES, DUAL_BILLING_LINES } from '../data/ebill-dual-billing';
import { legacyAmount } from '../runtime/amount';
import { legacyDate } from '../runtime/clock';
import { openDatabase, placeholders } from '../runtime/db';
import { minimalPdf } from '../runtime/pdf';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { idList, invalid, jsonBody, ok, optionalString } from './operations';
import type { EbillFileRoute } from './protocol';

/**
 * h-invoice (issue 12). eBill's personal invoicing of TIM TUO postpaid lines (seed 002 §9.2.1.2 "La mia fattura"): per
 * line the invoice mode (CM8: "SOLO WEB" only), the traffic documentation ("COMPLETA"), the e-mail the publication of
 * each invoice is notified to, and the employee's personal invoices. Its own SQLite file (`ebill-fatture-personali`),
 * served on eBill's port with eBill's envelope and codes:
 * - `tim-tuo/fatture-personali` {nrLinee} (≤50) → {linee: [{nrLinea, servizio, modalitaFattura, docTraffico,
 *   emailNotifica, fatture: [{nrFatt, bim, anno, dtEmis, dtScad, imp, stPag}]}]}: only the lines eBill bills
 *   personally; each line's six newest invoices (the page's "ultime 6 fatture"). `servizio` (issue 22) says under
 *   which service: "TIM TUO" (a CM8 employee's line) or "DUAL BILLING" (a customer-area company line, BIL-12);
 * - `tim-tuo/email-notifica` {idOp, nrLinea, email} → {idOp, nrLinea, emailNotifica}: a write, once per `idOp` (the
 *   client's idempotency key): the same `idOp` again changes nothing and answers the address as it is (a later change
 *   under another `idOp` stands, whatever address the replay carries); the `idOp` with another line is EB-409; a line
 *   eBill does not bill personally is EB-404;
 * - `GET /ebill/v1/tim-tuo/fatture/{nrFatt}/pdf`: the invoice's PDF.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS linee_fatturazione_personale (
  nr_linea TEXT PRIMARY KEY, modalita_fattura TEXT NOT NULL, doc_traffico TEXT NOT NULL, email_notifica TEXT,
  servizio TEXT NOT NULL DEFAULT 'TIM TUO');
CREATE TABLE IF NOT EXISTS fatture_personali (
  nr_fatt TEXT PRIMARY KEY, nr_linea TEXT NOT NULL, bim INTEGER NOT NULL, anno INTEGER NOT NULL, dt_emis TEXT NOT NULL,
  dt_scad TEXT NOT NULL, imp_cent INTEGER NOT NULL, st_pag TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS fatture_personali_linea ON fatture_personali (nr_linea, dt_emis);
CREATE TABLE IF NOT EXISTS operazioni_email (id_op TEXT PRIMARY KEY, richiesta TEXT NOT NULL, dt TEXT NOT NULL);
`;

/** How many invoices the page lists (seed 002 §9.2.1.2). */
const LAST_INVOICES = 6;

interface LineRow { nr_linea: string; modalita_fattura: string; doc_traffico: string; email_notifica: string | null; servizio: string }
interface InvoiceRow { nr_fatt: string; nr_linea: string; bim: number; anno: number; dt_emis: string; dt_scad: string; imp_cent: number; st_pag: string }

const day = (iso: string) => legacyDate(new Date(`${iso}T12:00:00Z`));
const invoiceJson = (r: InvoiceRow) => ({
  nrFatt: r.nr_fatt, bim: String(r.bim), anno: String(r.anno), dtEmis: day(r.dt_emis), dtScad: day(r.dt_scad), imp: legacyAmount(r.imp_cent), stPag: r.st_pag,
});

export function openPersonalInvoicing(dataDir: string) {
  const db = openDatabase(dataDir, 'ebill-fatture-personali', SCHEMA, (d) => {
    const line = d.prepare('INSERT INTO linee_fatturazione_personale VALUES (?, ?, ?, ?, ?)');
    // Convenzione Mobile 8 has one mode only ("Solo web") and the full traffic documentation; the customer area's
    // Dual Billing lines (issue 22) are published the same way.
    for (const l of PERSONAL_INVOICE_LINES) line.run(l.lineNumber, 'SOLO WEB', 'COMPLETA', l.notificationEmail, 'TIM TUO');
    for (const l of DUAL_BILLING_LINES) line.run(l.lineNumber, 'SOLO WEB', 'COMPLETA', l.notificationEmail, 'DUAL BILLING');
    const invoice = d.prepare('INSERT INTO fatture_personali VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const i of [...PERSONAL_INVOICES, ...DUAL_BILLING_INVOICES]) invoice.run(i.number, i.lineNumber, i.bimester, i.year, i.issuedOn, i.dueOn, i.cents, i.paymentStatus);
  });
  const lineOf = (number: string) => db.prepare('SELECT * FROM linee_fatturazione_personale WHERE nr_linea = ?').get(number) as LineRow | undefined;
  const lineJson = (r: LineRow) => ({
    nrLinea: r.nr_linea, servizio: r.servizio, modalitaFattura: r.modalita_fattura, docTraffico: r.doc_traffico, emailNotifica: r.email_notifica ?? '',
  });

  function invoicing(raw: Buffer): StandInReply {
    const lines = idList(jsonBody(raw), 'nrLinee');
    if (lines.length === 0) return ok({ linee: [] });
    const found = db.prepare(`SELECT * FROM linee_fatturazione_personale WHERE nr_linea IN (${placeholders(lines.length)})`).all(...lines) as LineRow[];
    const last = db.prepare('SELECT * FROM fatture_personali WHERE nr_linea = ? ORDER BY dt_emis DESC, nr_fatt DESC LIMIT ?');
    return ok({ linee: found.map((l) => ({ ...lineJson(l), fatture: (last.all(l.nr_linea, LAST_INVOICES) as InvoiceRow[]).map(invoiceJson) })) });
  }

  /** One transaction: the address and the record of the operation, or neither. */
  function changeEmail(raw: Buffer): StandInReply {
    const body = jsonBody(raw);
    const [operationId, line, email] = ['idOp', 'nrLinea', 'email'].map((f) => optionalString(body, f));
    if (!operationId || !line || !email) throw invalid('idOp, nrLinea e email obbligatori');
    const request = JSON.stringify({ line });
    const outcome = db.transaction(() => {
      const done = db.prepare('SELECT richiesta FROM operazioni_email WHERE id_op = ?').get(operationId) as { richiesta: string } | undefined;
      if (done) return done.richiesta === request ? 'done' : 'conflict';
      if (!lineOf(line)) return 'unknown';
      db.prepare('UPDATE linee_fatturazione_personale SET email_notifica = ? WHERE nr_linea = ?').run(email, line);
      db.prepare('INSERT INTO operazioni_email VALUES (?, ?, ?)').run(operationId, request, new Date().toISOString());
      return 'done';
    })();
    if (outcome === 'conflict') throw new LegacyFault(409, 'EB-409', `operazione ${operationId} già eseguita su un'altra linea`);
    if (outcome === 'unknown') throw new LegacyFault(404, 'EB-404', `linea ${line} senza fatturazione personale`);
    return ok({ idOp: operationId, nrLinea: line, emailNotifica: lineOf(line)!.email_notifica });
  }

  function invoicePdf([, number]: string[]): StandInReply {
    const invoice = db.prepare('SELECT * FROM fatture_personali WHERE nr_fatt = ?').get(decodeURIComponent(number)) as InvoiceRow | undefined;
    if (!invoice) throw new LegacyFault(404, 'EB-404', `fattura ${number} inesistente`);
    return {
      status: 200,
      headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${invoice.nr_fatt}.pdf"` },
      body: minimalPdf(`TIM TUO - Fattura personale ${invoice.nr_fatt} - linea ${invoice.nr_linea} - bimestre ${invoice.bim}/${invoice.anno} - importo ${legacyAmount(invoice.imp_cent)} EUR`),
    };
  }

  const files: EbillFileRoute[] = [{ path: /^\/ebill\/v1\/tim-tuo\/fatture\/([^/]+)\/pdf$/, operation: 'tim-tuo/fatture/pdf', run: invoicePdf }];
  return {
    routes: { 'tim-tuo/fatture-personali': invoicing, 'tim-tuo/email-notifica': changeEmail },
    files,
    close: () => db.close(),
  };
}
