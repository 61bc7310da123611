import { issuedByEbill, type Invoice } from '../../adapters/domain';
import { invoicePdfPath as ebillPdfPath } from '../../adapters/ebill/protocol';
import { invoicePdfPath as ebpfaPdfPath } from '../../adapters/ebpfa/protocol';
import type { Identity } from '../runtime/identity';
import type { DownloadableFile, DownloadSigner } from '../runtime/downloads';
import type { LegacyClients } from '../runtime/legacy';

/** BIL-03: the PDF lives in the system that issued the invoice; the graph hands out a link to it, not its bytes. */
function invoicePdf(invoice: Invoice): DownloadableFile {
  const ebill = issuedByEbill(invoice);
  return {
    system: ebill ? 'eBill' : 'EBPFA',
    path: ebill ? ebillPdfPath(invoice.number) : ebpfaPdfPath(invoice.number),
    fileName: `${invoice.number}.pdf`,
    contentType: 'application/pdf',
  };
}

/** A signed download link for the viewer: no legacy call, the gateway fetches the file when the link is followed. */
export const invoiceDocumentUrl = (invoice: Invoice, identity: Identity, signer: DownloadSigner) => signer.urlFor(invoicePdf(invoice), identity.userId);

/** The deprecated `document`: the whole PDF in base64, fetched when the field is asked for. */
export async function invoiceDocument(invoice: Invoice, legacy: LegacyClients) {
  const issuer = issuedByEbill(invoice) ? legacy.ebill : legacy.ebpfa;
  const pdf = await issuer.getInvoicePdf(invoice.number);
  return pdf && { fileName: pdf.fileName, contentType: pdf.contentType, contentBase64: pdf.bytes.toString('base64') };
}
