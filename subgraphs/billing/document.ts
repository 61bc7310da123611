import type { Invoice } from '../../adapters/domain';
import type { LegacyClients } from '../runtime/legacy';

/** BIL-03: the PDF from the system that issued the invoice, fetched only when the field is asked for. */
export async function invoiceDocument(invoice: Invoice, legacy: LegacyClients) {
  const issuer = invoice.kind === 'MOBILE' ? legacy.ebill : legacy.ebpfa;
  const pdf = await issuer.getInvoicePdf(invoice.number);
  return pdf && { fileName: pdf.fileName, contentType: pdf.contentType, contentBase64: pdf.bytes.toString('base64') };
}
