import { mergedPdfPath, type InvoiceMerge } from '../../adapters/ebpfa';
import type { TargetKind } from '../runtime/dispositive/targets';
import type { SubgraphContext } from '../runtime/server';
import { INVOICE_NUMBER } from './arguments';
import type { PlacedInvoice } from './accounts';
import { findVisibleInvoice } from './invoices';

/**
 * Issue 22 (BIL-07; seed 000 "Fatture fisso": "Unire in PDF due fatture stesso bimestre"). The record a merge acts on:
 * two invoices the viewer may see, named `<number>+<otherNumber>`. Either one unknown or outside his grants answers
 * NOT_FOUND like an unknown pair; the pair is placed where the first invoice is (the rules make the second one the
 * same customer's). `merge` is what EBPFA made of the pratica, once it has been asked (the operation's applyElsewhere).
 */
export interface InvoicePair { invoices: [PlacedInvoice, PlacedInvoice]; merge: InvoiceMerge | null }

export const pairId = (number: string, otherNumber: string) => `${number}+${otherNumber}`;

export const INVOICE_PAIR: TargetKind<InvoicePair> = {
  recordKind: 'Invoice',
  outcomeField: 'merge',
  label: 'This invoice',
  plausible: new RegExp(`^${INVOICE_NUMBER.source.slice(1, -1)}\\+${INVOICE_NUMBER.source.slice(1, -1)}$`),
  async load(id, context) {
    const [first, second] = await Promise.all(id.split('+').map((number) => findVisibleInvoice(context, number)));
    return first && second ? { invoices: [first, second], merge: null } : null;
  },
  place: ({ invoices: [first] }) => ({ companyId: first.companyId, contractNumber: first.contractNumber }),
  // The pratica is the contract's, like a payment's: CRM knows contracts, the invoices are EBPFA's.
  crmTarget: ({ invoices: [first] }) => ({ kind: 'Contract', id: first.contractNumber }),
  // Merging changes no invoice: the pair as it was, with EBPFA's answer.
  reload: async (pair) => pair,
};

/** The merged PDF as a signed link, once EBPFA has produced it; null before. Reads nothing. */
export function mergedDocumentUrl({ merge, invoices }: InvoicePair, _args: unknown, { downloads, identity }: SubgraphContext): Promise<string> | null {
  if (!merge?.produced) return null;
  return downloads.urlFor({
    system: 'EBPFA', path: mergedPdfPath(merge.requestId), fileName: `fatture_${invoices[0].number}_${invoices[1].number}.pdf`, contentType: 'application/pdf',
  }, identity.userId);
}
