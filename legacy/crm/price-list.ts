import type { StandInReply } from '../runtime/server';
import { minimalPdf } from '../runtime/pdf';
import { notFoundFault } from './operations';
import type { CrmStore } from './store';

/**
 * The convention's price list (seed 002 §7.2.3), a PDF CRM keeps per convention and serves by contract:
 * `GET /crm/contratti/<numero>/listino.pdf` (Basic auth as for SOAP; counted as `GetListino`). The adapters never
 * fetch it: the graph hands out a signed link and the gateway streams it (ARCHITECTURE.md "Download links").
 */
export const PRICE_LIST_PATH = /^\/crm\/contratti\/(\d{1,15})\/listino\.pdf$/;

export function priceListPdf(store: CrmStore, contractNumber: string): StandInReply {
  const [contract] = store.contracts([contractNumber]);
  if (!contract || contract.tipo !== 'MOBILE') throw notFoundFault(`listino del contratto ${contractNumber}`);
  const convention = contract.convenzione ?? 'TIM BUSINESS';
  return {
    status: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="listino-${contractNumber}.pdf"` },
    body: minimalPdf(`Listino ${convention} - contratto ${contractNumber}`),
  };
}
