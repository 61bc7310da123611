import { openDatabase, type Db } from '../runtime/db';
import { ebpfaFixture } from '../data/ebpfa-reference';
import { payInvoice, PAYMENTS_SCHEMA } from './payments';
import { billedConsumptionFlow, networkManagementFlow, REPORTS_SCHEMA, seedReports } from './reports';
import { mergedPdf, mergeInvoices, MERGES_SCHEMA } from './merges';
import { BILLING_ADDRESSES_SCHEMA, seedBillingAddresses } from './billing-addresses';

/** EBPFA's one table. Dates are ISO text (so that SQL compares them), amounts integer cents. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS fatture (
  num_fattura TEXT PRIMARY KEY, cod_cliente TEXT NOT NULL, num_linea TEXT NOT NULL, bimestre INTEGER NOT NULL,
  anno INTEGER NOT NULL, tipo TEXT NOT NULL, stato_pag TEXT NOT NULL, importo_cent INTEGER NOT NULL,
  data_emissione TEXT NOT NULL, data_scadenza TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS fatture_cliente ON fatture (cod_cliente, data_emissione);
`;

export interface InvoiceRow {
  num_fattura: string; cod_cliente: string; num_linea: string; bimestre: number; anno: number; tipo: string;
  stato_pag: string; importo_cent: number; data_emissione: string; data_scadenza: string;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function seed(db: Db, large: { id: string; lines: number }[]): void {
  const insert = db.prepare('INSERT INTO fatture VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const invoices = ebpfaFixture(large);
  for (const i of invoices) {
    insert.run(i.number, i.customerCode, i.lineNumber, i.bimester, i.year, i.type, i.status, i.cents, isoDate(i.issuedOn), isoDate(i.dueOn));
  }
  seedReports(db, invoices); // issue 22 (CON-04): the reports of what these invoices billed
}

export function openEbpfaStore(dataDir: string, large: { id: string; lines: number }[]) {
  const db = openDatabase(dataDir, 'ebpfa', SCHEMA + PAYMENTS_SCHEMA + REPORTS_SCHEMA + MERGES_SCHEMA + BILLING_ADDRESSES_SCHEMA, (d) => {
    seed(d, large);
    seedBillingAddresses(d);
  });
  return {
    /** Invoices issued between two ISO dates (inclusive), per customer, newest first. */
    invoicesOf(customerCodes: string[], from: string, to: string): InvoiceRow[] {
      if (customerCodes.length === 0) return [];
      const marks = customerCodes.map(() => '?').join(', ');
      return db.prepare(`SELECT * FROM fatture WHERE cod_cliente IN (${marks}) AND data_emissione BETWEEN ? AND ?
        ORDER BY cod_cliente, data_emissione DESC, num_fattura DESC`).all(...customerCodes, from, to) as InvoiceRow[];
    },
    invoice: (number: string) => db.prepare('SELECT * FROM fatture WHERE num_fattura = ?').get(number) as InvoiceRow | undefined,
    /** Issue 22: an online payment of a fixed invoice, once per payment id (payments.ts). */
    payInvoice: (p: { number: string; paymentId: string; cents: number }) => payInvoice(db, p),
    /** Issue 22 (CON-04): the billing reports' flows (reports.ts). */
    billedConsumption: (window: { codes: string[]; from: string; to: string }, params: URLSearchParams) => billedConsumptionFlow(db, window, params),
    networkManagement: (window: { codes: string[]; from: string; to: string }) => networkManagementFlow(db, window),
    /** Issue 22 (BIL-07): two invoices of one bimester merged into one PDF, once per pratica (merges.ts). */
    mergeInvoices: (body: Buffer) => mergeInvoices(db, body),
    mergedPdf: (requestId: string) => mergedPdf(db, requestId),
    /** Issue 21: the billing addresses of fixed customer codes, changed once per operation id (billing-addresses.ts). */
    db,
    close: () => db.close(),
  };
}
export type EbpfaStore = ReturnType<typeof openEbpfaStore>;
