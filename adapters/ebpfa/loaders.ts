import DataLoader from 'dataloader';
import type { Invoice, IsoDate } from '../domain';
import { EBPFA_CUSTOMER_CODE_LIMIT, type EbpfaClient } from './client';

/**
 * EBPFA answers per customer code *and* date window, so the loader key carries both. Keys that share a window are
 * batched into calls of up to 20 codes; keys with different windows in the same tick go out as separate calls.
 * Each key resolves to that customer's invoices in the window, newest first (empty when there are none).
 */
export interface FixedInvoicesKey { customerCode: string; from: IsoDate; to: IsoDate }

const windowOf = (key: FixedInvoicesKey) => `${key.from}/${key.to}`;

export function createEbpfaLoaders(client: EbpfaClient) {
  const invoicesByCustomerCode = new DataLoader<FixedInvoicesKey, Invoice[], string>(async (keys) => {
    const windows = new Map<string, FixedInvoicesKey[]>();
    for (const key of keys) windows.set(windowOf(key), [...(windows.get(windowOf(key)) ?? []), key]);
    const byWindowAndCode = new Map<string, Invoice[]>();
    await Promise.all([...windows.values()].map(async (sameWindow) => {
      const { from, to } = sameWindow[0];
      const invoices = await client.listInvoices(sameWindow.map((k) => k.customerCode), from, to);
      for (const invoice of invoices) {
        const id = cacheKeyOf({ customerCode: invoice.accountCode, from, to });
        byWindowAndCode.set(id, [...(byWindowAndCode.get(id) ?? []), invoice]);
      }
    }));
    return keys.map((key) => byWindowAndCode.get(cacheKeyOf(key)) ?? []);
  }, { maxBatchSize: EBPFA_CUSTOMER_CODE_LIMIT, cacheKeyFn: cacheKeyOf });
  return { invoicesByCustomerCode };
}

function cacheKeyOf(key: FixedInvoicesKey): string {
  return `${windowOf(key)}/${key.customerCode}`;
}

export type EbpfaLoaders = ReturnType<typeof createEbpfaLoaders>;
