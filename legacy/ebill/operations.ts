import { LegacyFault, type StandInReply } from '../runtime/server';
import { jsonObjectBody } from '../runtime/json-body';
import { parseLegacyDate } from '../runtime/clock';
import { minimalPdf } from '../runtime/pdf';
import { legacyAmount } from '../runtime/amount';
import { creditJson, invoiceJson, trafficJson } from './answers';
import type { EbillStore } from './store';

/** eBill refuses more than 50 line or invoice numbers per call. */
export const BATCH_LIMIT = 50;
const MAX_PAGE_SIZE = 1_000;
const PAYMENT_WORDS = ['PAGATA', 'DA_PAGARE', 'SCADUTA'];
/** Issue 22: the kinds of invoice a search lists (`tipoFatt`, MOBILE when absent). */
const INVOICE_KINDS = ['MOBILE', 'UNICA'];

export const ok = (value: Record<string, unknown>): StandInReply => ({
  status: 200,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ esito: 'OK', ...value }),
});

export const invalid = (what: string) => new LegacyFault(400, 'EB-400', `richiesta non valida: ${what}`);

export const jsonBody = (raw: Buffer) => jsonObjectBody(raw, () => invalid('corpo JSON atteso'));

export function idList(body: Record<string, unknown>, field: string): string[] {
  const ids = body[field];
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw invalid(`${field} deve essere una lista`);
  if (ids.length > BATCH_LIMIT) throw new LegacyFault(413, 'EB-413', `troppi elementi in ${field}: massimo ${BATCH_LIMIT}`);
  return ids as string[];
}

export function isoDateField(body: Record<string, unknown>, field: string): string {
  const d = typeof body[field] === 'string' ? parseLegacyDate(body[field] as string) : null;
  if (!d) throw invalid(`${field} deve essere gg/mm/aaaa`);
  return d.toISOString().slice(0, 10);
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw invalid(field);
  return v;
}

export function intField(body: Record<string, unknown>, field: string, min: number, max: number): number {
  const n = Number(body[field]);
  if (!Number.isInteger(n) || n < min || n > max) throw invalid(`${field} fuori intervallo ${min}-${max}`);
  return n;
}

export function searchInvoices(store: EbillStore, raw: Buffer): StandInReply {
  const body = jsonBody(raw);
  const bim = optionalString(body, 'bim');
  // Issue 22: `stPag` is one word or a list of them (the unpaid list: DA_PAGARE and SCADUTA).
  const stPag = Array.isArray(body.stPag) ? body.stPag as unknown[] : optionalString(body, 'stPag')?.split(',');
  if (bim !== undefined && !/^[1-6]$/.test(bim)) throw invalid('bim');
  if (stPag !== undefined && (stPag.length === 0 || !stPag.every((w) => typeof w === 'string' && PAYMENT_WORDS.includes(w)))) throw invalid('stPag');
  const kind = optionalString(body, 'tipoFatt') ?? 'MOBILE';
  if (!INVOICE_KINDS.includes(kind)) throw invalid('tipoFatt');
  const pag = intField(body, 'pag', 1, Number.MAX_SAFE_INTEGER);
  const dimPag = intField(body, 'dimPag', 1, MAX_PAGE_SIZE);
  const { total, rows } = store.searchInvoices({
    contracts: idList(body, 'cdCtr'),
    kind,
    from: isoDateField(body, 'dtDa'),
    to: isoDateField(body, 'dtA'),
    number: optionalString(body, 'nrFatt'),
    bimester: bim === undefined ? undefined : Number(bim),
    statuses: stPag as string[] | undefined,
    offset: (pag - 1) * dimPag,
    limit: dimPag,
  });
  return ok({ tot: total, fatture: rows.map(invoiceJson) });
}

export function invoiceDetails(store: EbillStore, raw: Buffer): StandInReply {
  return ok({ fatture: store.invoices(idList(jsonBody(raw), 'nrFatt')).map(invoiceJson) });
}

export function residualCredit(store: EbillStore, raw: Buffer): StandInReply {
  return ok({ crediti: store.credits(idList(jsonBody(raw), 'nrLinee')).map(creditJson) });
}

export function availableTraffic(store: EbillStore, raw: Buffer): StandInReply {
  return ok({ traffico: store.traffic(idList(jsonBody(raw), 'nrLinee')).map(trafficJson) });
}

export function invoicePdf(store: EbillStore, number: string): StandInReply {
  const [invoice] = store.invoices([number]);
  if (!invoice) throw new LegacyFault(404, 'EB-404', `fattura ${number} inesistente`);
  const line = `TIM - Fattura ${invoice.nr_fatt} - contratto ${invoice.cd_ctr} - bimestre ${invoice.bim}/${invoice.anno} - importo ${legacyAmount(invoice.imp_cent)} EUR`;
  return {
    status: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${invoice.nr_fatt}.pdf"` },
    body: minimalPdf(line),
  };
}

/** `"22,00"`: eBill's amounts, in cents. */
function amountField(body: Record<string, unknown>, field: string): number {
  const m = typeof body[field] === 'string' ? /^(\d{1,7}),(\d{2})$/.exec(body[field] as string) : null;
  if (!m || Number(m[1]) * 100 + Number(m[2]) <= 0) throw invalid(`${field} deve essere un importo positivo, es. 22,00`);
  return Number(m[1]) * 100 + Number(m[2]);
}

/**
 * `linee/ricarica`: credits a prepaid line's residual credit (a company recharge charged on the invoice, seed 002
 * §7.3.4). Keyed by `idOp`: the same operation again answers the credit as it is and credits nothing; `idOp` with
 * another line or amount is refused (EB-409).
 */
export function topUpCredit(store: EbillStore, raw: Buffer): StandInReply {
  const body = jsonBody(raw);
  const operationId = optionalString(body, 'idOp');
  const line = optionalString(body, 'nrLinea');
  if (!operationId || !line) throw invalid('idOp e nrLinea obbligatori');
  const credited = store.topUp(operationId, line, amountField(body, 'imp'), new Date());
  if (credited === 'conflict') throw new LegacyFault(409, 'EB-409', `operazione ${operationId} già eseguita con altri dati`);
  if (!credited) throw new LegacyFault(404, 'EB-404', `linea ${line} senza credito residuo`);
  return ok({ idOp: operationId, credito: creditJson(credited) });
}
