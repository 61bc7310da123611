import type { Dispatcher } from 'undici';
import type { AvailableTraffic, Invoice, InvoicePayment, InvoiceSearch, Page, PdfDocument, ResidualCredit } from '../domain';
import { badUserInput } from '../errors';
import { createLegacyHttp } from '../http';
import type { ResilienceSettings } from '../resilience/settings';
import { batchesOf, batchSizeOf } from '../batches';
import { pdfDocument, readAnswer } from '../legacy-answer';
import { count, legacyCents } from '../legacy-values';
import { ebillFailure, ebillHeaders, ebillPayload, invoicePdfPath, record, records, text, type EbillRecord } from './protocol';
import {
  changeCall, changedThreshold, notificationFromEbill, notificationsBody, searchBody, thresholdFromEbill, thresholdList,
  type SpendingThreshold, type ThresholdChange, type ThresholdNotification, type ThresholdSearch,
} from './thresholds';
import { onlineTrafficFromEbill, type OnlineTraffic } from './online-traffic';
import { personalBasketCalls, type PersonalBasketClient } from './personal';
import { personalConsumptionCalls, type PersonalConsumptionClient } from './personal-consumption';
import { timTuoPrepaidCalls, type TimTuoPrepaidClient } from './tim-tuo-prepaid';
import { personalInvoicingCalls, type PersonalInvoicingClient } from './personal-invoices';
import { personalAccountCalls, type PersonalAccountClient } from './personal-account';
import { contractDirectDebitCalls, type ContractDirectDebitClient } from './contract-direct-debit';
import { availableTrafficFromEbill, invoiceFromEbill, newestFirst, residualCreditFromEbill, searchRequest } from './mapping';

/** eBill takes at most 50 contract, invoice or line numbers per call. */
export const EBILL_BATCH_LIMIT = 50;
/** The largest page eBill serves; a merged search window cannot go deeper. */
const EBILL_MAX_PAGE = 1_000;

export interface EbillClientOptions { url: string; apiKey?: string; dispatcher?: Dispatcher; resilience?: ResilienceSettings }

export interface EbillClient extends PersonalBasketClient, PersonalConsumptionClient, TimTuoPrepaidClient, PersonalInvoicingClient, PersonalAccountClient,
  ContractDirectDebitClient {
  /** Invoices of the contracts in `search.accountCodes`, newest first. */
  searchInvoices(search: InvoiceSearch, page: { offset: number; limit: number }): Promise<Page<Invoice>>;
  /** Aligned with `numbers`: `null` where eBill has no such invoice. */
  getInvoices(numbers: readonly string[]): Promise<(Invoice | null)[]>;
  getInvoicePdf(number: string): Promise<PdfDocument | null>;
  /** Aligned with `lineNumbers`: `null` for lines without credit (postpaid or unknown). */
  getResidualCredit(lineNumbers: readonly string[]): Promise<(ResidualCredit | null)[]>;
  /** Aligned with `lineNumbers`: `null` for lines without a bundle. */
  getAvailableTraffic(lineNumbers: readonly string[]): Promise<(AvailableTraffic | null)[]>;
  /**
   * Credits a prepaid line (a company recharge, seed 002 §7.3.4), once per `operationId`: the same id again credits
   * nothing and answers the credit as it is. Sent once (a write); its retry is the caller's, with the same id.
   */
  topUpCredit(top: { lineNumber: string; cents: number; operationId: string }): Promise<ResidualCredit>;
  /**
   * Issue 22 (BIL-04): records a charged online payment of a mobile invoice, which turns paid; once per payment id
   * (the same id again answers the invoice as it is). Answers the invoice as eBill now has it.
   */
  payInvoice(payment: InvoicePayment): Promise<Invoice>;
  // issue 11: spending thresholds (seed 002 §7.5; thresholds.ts).
  /** Aligned with `lineNumbers`: every threshold of each line, active or ceased (empty when none). */
  getThresholds(lineNumbers: readonly string[]): Promise<SpendingThreshold[][]>;
  /** The thresholds of contracts (at most 50), filtered, by line then kind: one eBill page. */
  searchThresholds(search: ThresholdSearch, page: { offset: number; limit: number }): Promise<Page<SpendingThreshold>>;
  /** Activates, changes or ceases one line's threshold once per `operationId` (a write, sent once; retried by the caller). */
  changeThreshold(operationId: string, change: ThresholdChange): Promise<SpendingThreshold>;
  /** The notification e-mails about the contracts' lines sent between two dates, newest first. */
  thresholdNotifications(contractNumbers: readonly string[], from: string, to: string): Promise<ThresholdNotification[]>;
  /** Aligned with `lineNumbers`: the traffic not yet billed of this month and the previous one (seed 002 §7.4.3-4). */
  getOnlineTraffic(lineNumbers: readonly string[]): Promise<OnlineTraffic[][]>;
  /** Bills (or stops billing) a TIM TUO option on a line, once per `operationId` (the CRM pratica id); a write. */
  setTimTuoOption(operationId: string, change: { lineNumber: string; option: 'ROAMING_EXTRA_UE' | 'MMS'; active: boolean }): Promise<void>;
  close(): Promise<void>;
}

export function createEbillClient(options: EbillClientOptions): EbillClient {
  const http = createLegacyHttp({
    system: 'eBill',
    url: options.url,
    headers: ebillHeaders(options.apiKey),
    dispatcher: options.dispatcher,
    resilience: options.resilience,
  });

  /** POSTs one JSON call and reads the payload; `operation` is the path below /ebill/v1/. */
  async function post<T>(operation: string, body: Record<string, unknown>, read: (payload: EbillRecord) => T, kind: 'read' | 'write' = 'read'): Promise<T> {
    // The searches only read too (POST carries the criteria); `linee/ricarica` is the one write.
    return http.call({
      method: 'POST', path: `/ebill/v1/${operation}`, operation, kind, batchSize: batchSizeOf(body),
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    }, (res) => readAnswer('eBill', operation, res, (r) => read(ebillPayload(r))));
  }

  /** Looks keys up in batches of 50 and aligns the answers with the keys. */
  async function lookup<T>(keys: readonly string[], operation: string, requestField: string, answerField: string,
    keyField: string, map: (r: EbillRecord) => T): Promise<(T | null)[]> {
    const answers = await Promise.all(batchesOf(keys, EBILL_BATCH_LIMIT).map((batch) =>
      post(operation, { [requestField]: batch }, (payload) => records(payload, answerField).map((r) => [text(r, keyField), map(r)] as const))));
    const byKey = new Map(answers.flat());
    return keys.map((key) => byKey.get(key) ?? null);
  }

  /** Looks lines up in batches of 50 and gives each line its records (none: an empty list). */
  async function groupedByLine<T extends { lineNumber: string }>(lines: readonly string[], operation: string, read: (payload: EbillRecord) => T[]): Promise<T[][]> {
    const answers = await Promise.all(batchesOf(lines, EBILL_BATCH_LIMIT).map((batch) => post(operation, { nrLinee: batch }, read)));
    const all = answers.flat();
    return lines.map((line) => all.filter((r) => r.lineNumber === line));
  }

  function search(search: InvoiceSearch, contracts: string[], pag: number, dimPag: number) {
    return post('fatture/ricerca', searchRequest(search, contracts, pag, dimPag), (payload) => ({
      total: count(text(payload, 'tot')),
      invoices: records(payload, 'fatture').map(invoiceFromEbill),
    }));
  }

  return {
    async searchInvoices(criteria, { offset, limit }) {
      const batches = batchesOf(criteria.accountCodes, EBILL_BATCH_LIMIT);
      if (batches.length === 0) return { totalCount: 0, items: [] };
      if (batches.length === 1 && limit > 0 && offset % limit === 0) {
        // One call: eBill's own pages line up with ours.
        const { total, invoices } = await search(criteria, batches[0], offset / limit + 1, limit);
        return { totalCount: total, items: invoices };
      }
      // Several calls (or a page eBill cannot express): each call contributes its newest offset+limit invoices,
      // which is enough to cut the merged page exactly.
      const window = Math.max(1, offset + limit);
      if (window > EBILL_MAX_PAGE) throw badUserInput('offset', `invoices can be paged through up to ${EBILL_MAX_PAGE}`);
      const answers = await Promise.all(batches.map((batch) => search(criteria, batch, 1, window)));
      const merged = answers.flatMap((a) => a.invoices).sort(newestFirst);
      return { totalCount: answers.reduce((sum, a) => sum + a.total, 0), items: merged.slice(offset, offset + limit) };
    },

    getInvoices: (numbers) => lookup(numbers, 'fatture/dettaglio', 'nrFatt', 'fatture', 'nrFatt', invoiceFromEbill),
    getResidualCredit: (lines) => lookup(lines, 'linee/credito', 'nrLinee', 'crediti', 'nrLinea', residualCreditFromEbill),
    getAvailableTraffic: (lines) => lookup(lines, 'linee/traffico', 'nrLinee', 'traffico', 'nrLinea', availableTrafficFromEbill),

    topUpCredit: ({ lineNumber, cents, operationId }) =>
      post('linee/ricarica', { idOp: operationId, nrLinea: lineNumber, imp: legacyCents(cents) },
        (payload) => residualCreditFromEbill(record(payload, 'credito')), 'write'),

    payInvoice: ({ number, paymentId, cents }) =>
      post('fatture/pagamento', { nrFatt: number, idPag: paymentId, imp: legacyCents(cents) },
        (payload) => invoiceFromEbill(record(payload, 'fattura')), 'write'),

    // issue 11: spending thresholds.
    getThresholds: (lines) => groupedByLine(lines, 'soglie/ricerca', thresholdList),
    getOnlineTraffic: (lines) => groupedByLine(lines, 'linee/traffico-online', (payload) => records(payload, 'traffico').map(onlineTrafficFromEbill)),
    async searchThresholds(search, { offset, limit }) {
      if (search.contractNumbers.length === 0) return { totalCount: 0, items: [] };
      if (search.contractNumbers.length > EBILL_BATCH_LIMIT || limit < 1 || offset % limit !== 0) {
        throw badUserInput('offset', 'must be a multiple of first, over at most 50 contracts');
      }
      return post('soglie/contratto', searchBody(search, search.contractNumbers, offset / limit + 1, limit),
        (payload) => ({ totalCount: count(text(payload, 'tot')), items: records(payload, 'soglie').map(thresholdFromEbill) }));
    },
    setTimTuoOption: (operationId, { lineNumber, option, active }) =>
      post('linee/opzioni-tim-tuo', { idOp: operationId, nrLinea: lineNumber, opzione: option, azione: active ? 'ATTIVA' : 'CESSA' }, () => undefined, 'write'),
    changeThreshold(operationId, change) {
      const { operation, body } = changeCall(operationId, change);
      return post(operation, body, changedThreshold, 'write');
    },
    async thresholdNotifications(contracts, from, to) {
      const answers = await Promise.all(batchesOf(contracts, EBILL_BATCH_LIMIT).map((batch) =>
        post('soglie/notifiche', notificationsBody(batch, from, to), (payload) => records(payload, 'notifiche').map(notificationFromEbill))));
      return answers.flat().sort((a, b) => b.sentOn.localeCompare(a.sentOn) || b.id.localeCompare(a.id));
    },

    async getInvoicePdf(number) {
      const operation = 'fatture/pdf';
      return http.call({ method: 'GET', path: invoicePdfPath(number), operation, kind: 'read' },
        (res) => readAnswer('eBill', operation, res, (r) => pdfDocument(r, `${number}.pdf`, ebillFailure)));
    },

    close: () => http.close(),
    // h-employee (issue 12): the personal baskets (personal.ts).
    ...personalBasketCalls(post),
    // h-consumption (issue 12): the employee's personal consumption (personal-consumption.ts).
    ...personalConsumptionCalls(post),
    // h-prepaid (issue 12): the TIM TUO prepaid options (tim-tuo-prepaid.ts).
    ...timTuoPrepaidCalls(post, lookup),
    // h-invoice (issue 12): TIM TUO's personal invoicing, "La mia fattura" (personal-invoices.ts).
    ...personalInvoicingCalls(post),
    // h-tuopost (issue 12): the personal billing accounts of TIM TUO (personal-account.ts).
    ...personalAccountCalls(post),
    // issue 21: the mobile contracts' direct debits (contract-direct-debit.ts).
    ...contractDirectDebitCalls(post),
  };
}
