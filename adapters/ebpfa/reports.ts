import iconv from 'iconv-lite';
import type { Decimal, IsoDate } from '../domain';
import type { createLegacyHttp } from '../http';
import { readAnswer, UnusableAnswer } from '../legacy-answer';
import { bimester, count, decimal, legacyDate, year } from '../legacy-values';
import { flowRows } from './protocol';

/**
 * Issue 22. EBPFA's billing reports (CON-04; seed 000 "Consumi", Report fisso) and its merge of two fixed invoices
 * into one PDF (BIL-07; seed 000 "Fatture fisso"), read from and written as its flows (legacy/ebpfa/reports.ts,
 * merges.ts say what the system answers).
 */
export type BilledService = 'VOICE' | 'DATA' | 'INTELLIGENT_NETWORK';
const SERVICE_WORD: Record<BilledService, string> = { VOICE: 'FONIA', DATA: 'DATI', INTELLIGENT_NETWORK: 'RETE INTELLIGENTE' };
const UNIT: Record<string, BilledQuantityUnit> = { MIN: 'MINUTES', GB: 'GIGABYTES', MESI: 'MONTHS' };
export type BilledQuantityUnit = 'MINUTES' | 'GIGABYTES' | 'MONTHS';

/** One billed item of an invoice ("Report dei consumi già fatturati"). */
export interface BilledConsumptionItem {
  accountCode: string; invoiceNumber: string; lineNumber: string; bimester: number; year: number;
  service: BilledService; description: string; quantity: number; unit: BilledQuantityUnit; amount: Decimal;
}

/** One invoice's spend on one cost centre ("Network Management", Internet Cost Administration). */
export interface CostCentreSpend { accountCode: string; invoiceNumber: string; bimester: number; year: number; costCentre: string; amount: Decimal }

/** What EBPFA made of a merge request: produced at once (PRODOTTA), or not yet. */
export interface InvoiceMerge { requestId: string; numbers: [string, string]; produced: boolean }

const CONSUMPTION_COLUMNS = ['COD_CLIENTE', 'NUM_FATTURA', 'NUM_LINEA', 'BIMESTRE', 'ANNO', 'SERVIZIO', 'VOCE', 'QUANTITA', 'UNITA', 'IMPORTO'] as const;
const COST_CENTRE_COLUMNS = ['COD_CLIENTE', 'NUM_FATTURA', 'BIMESTRE', 'ANNO', 'CENTRO_COSTO', 'IMPORTO'] as const;
const MERGE_COLUMNS = ['ID_PRATICA', 'NUM_FATTURA_1', 'NUM_FATTURA_2', 'STATO'] as const;

function known<T>(table: Record<string, T>, word: string): T {
  const value = table[word];
  if (value === undefined) throw new UnusableAnswer(`unknown value ${word}`);
  return value;
}
const serviceOf = (word: string) => known(Object.fromEntries(Object.entries(SERVICE_WORD).map(([k, v]) => [v, k as BilledService])), word);

const windowQuery = (codes: readonly string[], from: IsoDate, to: IsoDate) =>
  ({ codiciCliente: codes.join(','), dal: legacyDate(from), al: legacyDate(to) });

/** Where EBPFA serves the merged PDF of a pratica: a signed download link names it. */
export const mergedPdfPath = (requestId: string) => `/ebpfa/flussi/unioni/${encodeURIComponent(requestId)}/pdf`;

export interface EbpfaReportCalls {
  /** The billed items of one service, invoices issued between `from` and `to`, newest invoice first (≤ 20 codes). */
  billedConsumption(customerCodes: readonly string[], service: BilledService, from: IsoDate, to: IsoDate): Promise<BilledConsumptionItem[]>;
  /** The spend per cost centre of the customers that subscribed Internet Cost Administration (the others: none). */
  networkManagement(customerCodes: readonly string[], from: IsoDate, to: IsoDate): Promise<CostCentreSpend[]>;
  /** Asks for one PDF of two fixed invoices under a pratica, once per pratica (the same again answers the same). A write. */
  mergeInvoices(requestId: string, numbers: readonly [string, string]): Promise<InvoiceMerge>;
}

export function ebpfaReportCalls(http: ReturnType<typeof createLegacyHttp>): EbpfaReportCalls {
  const read = <C extends string, T>(operation: string, query: Record<string, string>, columns: readonly C[], map: (row: Record<C, string>) => T) =>
    http.call({ method: 'GET', path: `/ebpfa/${operation}?${new URLSearchParams(query)}`, operation, kind: 'read' },
      (res) => readAnswer('EBPFA', operation, res, (r) => flowRows(r, columns).map(map)));
  return {
    billedConsumption: (codes, service, from, to) => read('flussi/consumi-fatturati', { ...windowQuery(codes, from, to), servizio: SERVICE_WORD[service] },
      CONSUMPTION_COLUMNS, (r) => ({
        accountCode: r.COD_CLIENTE, invoiceNumber: r.NUM_FATTURA, lineNumber: r.NUM_LINEA, bimester: bimester(r.BIMESTRE), year: year(r.ANNO),
        service: serviceOf(r.SERVIZIO), description: r.VOCE, quantity: count(r.QUANTITA), unit: known(UNIT, r.UNITA), amount: decimal(r.IMPORTO),
      })),
    networkManagement: (codes, from, to) => read('flussi/network-management', windowQuery(codes, from, to), COST_CENTRE_COLUMNS, (r) => ({
      accountCode: r.COD_CLIENTE, invoiceNumber: r.NUM_FATTURA, bimester: bimester(r.BIMESTRE), year: year(r.ANNO), costCentre: r.CENTRO_COSTO, amount: decimal(r.IMPORTO),
    })),
    async mergeInvoices(requestId, [first, second]) {
      const operation = 'flussi/unioni';
      const flow = iconv.encode(`ID_PRATICA;NUM_FATTURA_1;NUM_FATTURA_2\n${requestId};${first};${second}\n`, 'latin1');
      const [merge] = await http.call({
        method: 'POST', path: '/ebpfa/flussi/unioni', operation, kind: 'write', headers: { 'content-type': 'text/csv; charset=ISO-8859-1' }, body: flow,
      }, (res) => readAnswer('EBPFA', operation, res, (r) => flowRows(r, MERGE_COLUMNS).map((m): InvoiceMerge => ({
        requestId: m.ID_PRATICA, numbers: [m.NUM_FATTURA_1, m.NUM_FATTURA_2], produced: m.STATO === 'PRODOTTA',
      }))));
      if (!merge) throw new UnusableAnswer(`EBPFA answered no row for the merge of ${first} and ${second}`);
      return merge;
    },
  };
}
