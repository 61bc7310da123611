import { LegacyFault, type StandInReply } from '../runtime/server';
import { legacyDate, parseLegacyDate } from '../runtime/clock';
import { legacyAmount } from '../runtime/amount';
import { minimalPdf } from '../runtime/pdf';
import { flowReply } from './flows';
import type { EbpfaStore, InvoiceRow } from './store';
import { paymentRow } from './payments';

/** EBPFA answers for at most 20 customer codes per call. */
export const CUSTOMER_CODE_LIMIT = 20;

const INVOICE_COLUMNS = ['COD_CLIENTE', 'NUM_FATTURA', 'NUM_LINEA', 'BIMESTRE', 'ANNO', 'TIPO', 'STATO_PAG', 'IMPORTO', 'DATA_EMISSIONE', 'DATA_SCADENZA'];

const fromIso = (iso: string) => legacyDate(new Date(`${iso}T12:00:00Z`));

const invoiceRow = (r: InvoiceRow) => [
  r.cod_cliente, r.num_fattura, r.num_linea, String(r.bimestre), String(r.anno), r.tipo, r.stato_pag,
  legacyAmount(r.importo_cent), fromIso(r.data_emissione), fromIso(r.data_scadenza),
];

function dateParam(params: URLSearchParams, name: string): string {
  const d = parseLegacyDate(params.get(name) ?? '');
  if (!d) throw new LegacyFault(400, 'PFA-400', `parametro ${name} non valido (gg/mm/aaaa)`);
  return d.toISOString().slice(0, 10);
}

/** What every list flow asks: 1 to 20 customer codes (`codiciCliente`) and the issue dates `dal`, `al`. */
export function customerWindow(params: URLSearchParams): { codes: string[]; from: string; to: string } {
  const codes = (params.get('codiciCliente') ?? '').split(',').filter((c) => c !== '');
  if (codes.length === 0) throw new LegacyFault(400, 'PFA-400', 'parametro codiciCliente obbligatorio');
  if (codes.length > CUSTOMER_CODE_LIMIT) {
    throw new LegacyFault(413, 'PFA-413', `troppi codici cliente: è possibile indicarne al massimo ${CUSTOMER_CODE_LIMIT}`);
  }
  return { codes, from: dateParam(params, 'dal'), to: dateParam(params, 'al') };
}

export function invoicesFlow(store: EbpfaStore, params: URLSearchParams): StandInReply {
  // Issue 22 (BIL-06): `numeroFattura` alone, one invoice by its number whoever's it is (the payment circuit's
  // look-up of another customer's invoice): its row, or none.
  const number = params.get('numeroFattura');
  if (number !== null) {
    const invoice = store.invoice(number);
    return flowReply(200, INVOICE_COLUMNS, invoice ? [invoiceRow(invoice)] : []);
  }
  const { codes, from, to } = customerWindow(params);
  // Issue 22: `stati` (optional, comma-separated STATO_PAG words) keeps those only, e.g. the unpaid list's export.
  const states = params.get('stati')?.split(',').filter(Boolean);
  const rows = store.invoicesOf(codes, from, to).filter((r) => !states?.length || states.includes(r.stato_pag));
  return flowReply(200, INVOICE_COLUMNS, rows.map(invoiceRow));
}

/** Issue 22: `POST flussi/pagamenti`, an online payment recorded; the invoice's row as it now is. */
export function invoicePayment(store: EbpfaStore, body: Buffer): StandInReply {
  return flowReply(200, INVOICE_COLUMNS, [invoiceRow(store.payInvoice(paymentRow(body)))]);
}

export function invoicePdf(store: EbpfaStore, number: string): StandInReply {
  const invoice = store.invoice(number);
  if (!invoice) throw new LegacyFault(404, 'PFA-404', `fattura ${number} non trovata`);
  const line = `TIM - Fattura ${invoice.num_fattura} - cliente ${invoice.cod_cliente} - linea ${invoice.num_linea} - ${invoice.tipo} - importo ${legacyAmount(invoice.importo_cent)} EUR`;
  return {
    status: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${invoice.num_fattura}.pdf"` },
    body: minimalPdf(line),
  };
}
