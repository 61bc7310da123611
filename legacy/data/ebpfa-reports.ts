import { generatedCents, unitHash } from './billing-calendar';
import type { EbpfaInvoiceRecord } from './ebpfa-reference';

/**
 * Issue 22 (CON-04; seed 000 "Consumi", Report fisso): EBPFA's reports of what it already billed, derived from its
 * invoices so that they always match them. "Report dei consumi già fatturati": per invoice, the billed items of the
 * services TIM di Fonia, Trasmissione Dati and Rete Intelligente (Numeri Verdi, Numeri Ripartiti, Numeri Unici).
 * "Network Management": only for the customers that subscribed "Internet Cost Administration", the spend of each
 * invoice split over the cost centres the customer defined.
 */
export type EbpfaService = 'FONIA' | 'DATI' | 'RETE INTELLIGENTE';

export interface BilledConsumptionRecord {
  customerCode: string; invoiceNumber: string; lineNumber: string; bimester: number; year: number;
  service: EbpfaService; item: string; quantity: number; unit: string; cents: number;
}

/** The items EBPFA bills per service, with the unit of their quantity and the range of a bimester's quantity. */
const ITEMS: readonly { service: EbpfaService; item: string; unit: string; max: number }[] = [
  { service: 'FONIA', item: 'Traffico urbano', unit: 'MIN', max: 900 },
  { service: 'FONIA', item: 'Traffico nazionale', unit: 'MIN', max: 1_200 },
  { service: 'FONIA', item: 'Traffico verso mobili', unit: 'MIN', max: 700 },
  { service: 'DATI', item: 'Canone trasmissione dati', unit: 'MESI', max: 2 },
  { service: 'DATI', item: 'Traffico dati', unit: 'GB', max: 400 },
  { service: 'RETE INTELLIGENTE', item: 'Numero Verde 800', unit: 'MIN', max: 600 },
  { service: 'RETE INTELLIGENTE', item: 'Numero Unico 199', unit: 'MIN', max: 300 },
];

export function billedConsumptionOf(invoices: readonly EbpfaInvoiceRecord[]): BilledConsumptionRecord[] {
  return invoices.flatMap((invoice) => ITEMS.map(({ service, item, unit, max }) => {
    const key = `${invoice.number}/${item}`;
    return {
      customerCode: invoice.customerCode, invoiceNumber: invoice.number, lineNumber: invoice.lineNumber,
      bimester: invoice.bimester, year: invoice.year, service, item, unit,
      quantity: 1 + Math.floor(unitHash(key) * max), cents: generatedCents(key, 1, 60),
    };
  }));
}

/** The customers (billing customer codes) that subscribed "Internet Cost Administration", with their cost centres. */
export const INTERNET_COST_ADMINISTRATION: readonly { customerCode: string; costCentres: readonly string[] }[] = [
  // Company A: the customer of the seed's screens. Company B and the ceased customer did not subscribe it.
  { customerCode: '99318457198', costCentres: ['DIREZIONE', 'AMMINISTRAZIONE', 'VENDITE'] },
];

export interface CostCentreSpendRecord { customerCode: string; invoiceNumber: string; bimester: number; year: number; costCentre: string; cents: number }

/** Each invoice of a subscriber split over his cost centres: the last one takes the rest, so the parts add up. */
export function networkManagementOf(invoices: readonly EbpfaInvoiceRecord[]): CostCentreSpendRecord[] {
  return invoices.flatMap((invoice) => {
    const subscriber = INTERNET_COST_ADMINISTRATION.find((s) => s.customerCode === invoice.customerCode);
    if (!subscriber) return [];
    let left = invoice.cents;
    return subscriber.costCentres.map((costCentre, i) => {
      const last = i === subscriber.costCentres.length - 1;
      const cents = last ? left : Math.floor(left * (0.3 + 0.3 * unitHash(`${invoice.number}/${costCentre}`)));
      left -= cents;
      return { customerCode: invoice.customerCode, invoiceNumber: invoice.number, bimester: invoice.bimester, year: invoice.year, costCentre, cents };
    });
  });
}
