import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { INVOICE_NUMBER } from '../arguments';
import { INVOICE_PAIR, pairId, type InvoicePair } from '../invoice-merge-target';

/**
 * Issue 22 (BIL-07; seed 000 "Fatture fisso": "Unire in PDF due fatture stesso bimestre. L'operazione genera la
 * richiesta nell'accordion Richieste"): a pratica "Unione fatture in PDF" on the invoices' contract, no order; then
 * EBPFA is asked for the merged PDF under the pratica's id (once per pratica, so a retry or a crash repeats nothing).
 * Two fixed invoices of one customer code and one bimester: anything else is BAD_USER_INPUT naming the invoice that
 * does not fit, and nothing is written. One pratica per pair whatever the keys (`oncePer`).
 */
interface MergeRequest { number: string; otherNumber: string }

function invoiceNumber(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !INVOICE_NUMBER.test(raw)) throw badUserInput(field, 'must be an invoice number like 8W00038521');
  return raw;
}

export const MERGE_FIXED_INVOICES: DispositiveDeclaration<MergeRequest, InvoicePair> = {
  field: 'mergeFixedInvoices',
  appendixRows: [],
  capabilities: ['BIL-07'],
  pratica: 'Unione fatture in PDF',
  ordine: false,
  target: INVOICE_PAIR,
  validate(raw, at) {
    const number = invoiceNumber(raw.number, at('number'));
    const otherNumber = invoiceNumber(raw.otherNumber, at('otherNumber'));
    if (otherNumber === number) throw badUserInput(at('otherNumber'), 'must be another invoice than number');
    return { number, otherNumber };
  },
  targetId: (input) => pairId(input.number, input.otherNumber),
  refusal({ invoices: [first, second] }, _input, at) {
    if (first.kind !== 'FIXED') return badUserInput(at('number'), 'must be a fixed invoice: only fixed invoices are merged into one PDF');
    if (second.kind !== 'FIXED') return badUserInput(at('otherNumber'), 'must be a fixed invoice: only fixed invoices are merged into one PDF');
    if (second.accountCode !== first.accountCode) return badUserInput(at('otherNumber'), 'must be an invoice of the same customer code as number');
    if (second.bimester !== first.bimester || second.year !== first.year) {
      return badUserInput(at('otherNumber'), 'must be an invoice of the same bimester as number: only two invoices of one bimester are merged');
    }
    return null;
  },
  // The same two invoices are one merge, in whichever order and under whichever key they are asked.
  oncePer: ({ invoices }) => invoices.map((i) => i.number).sort().join('+'),
  crm: ({ invoices: [first, second] }) => ({ parameters: { numeroFattura: first.number, numeroFatturaUnita: second.number } }),
  async applyElsewhere({ created, target }, { legacy }) {
    // The outcome reads EBPFA's answer from the pair (reload keeps it as it is).
    target.merge = await legacy.ebpfa.mergeInvoices(created.request.id, [target.invoices[0].number, target.invoices[1].number]);
  },
};
