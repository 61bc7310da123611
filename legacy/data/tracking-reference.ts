import { daysAgo } from '../runtime/clock';

/**
 * CRM's tracking details beyond the order and pratica records of crm-reference.ts (seed 002 §7.3.1-§7.3.2; TRK-02,
 * TRK-04, TRK-05): the shipment phases of the orders that deliver products, and, for Ente KRISHNA, one order that
 * ships spare SIMs and one "APERTURA TK SERVIZIO ALL RISK" pratica with the ticket's details CRM keeps with it.
 */
export interface ShipmentPhaseRecord { orderId: string; phase: string; reachedOn: Date }
export interface TrackingFixture {
  orders: { id: string; contract: string; customerCode: string; description: string; channel: string; shipmentStatus: string; createdOn: Date;
    items: { description: string; status: string }[] }[];
  requests: { id: string; contract: string; line: string | null; customerCode: string; description: string; openedOn: Date;
    parameters: [string, string][] }[];
  phases: ShipmentPhaseRecord[];
}

const KRSH = '1-KRSH01';
const PREPAID = '888012234558';
/** The macro-phases of a delivery, in order (the portal's "stato della consegna dei prodotti"). */
export const SHIPMENT_PHASES = ['Ordine ricevuto', 'In preparazione', 'Spedito', 'In consegna', 'Consegnato'] as const;

export function trackingFixture(): TrackingFixture {
  const delivered = (orderId: string, firstDay: number) =>
    SHIPMENT_PHASES.map((phase, i) => ({ orderId, phase, reachedOn: daysAgo(firstDay - i) }));
  return {
    orders: [{
      id: '74461200001', contract: PREPAID, customerCode: KRSH, description: 'Scorta calda SIM', channel: 'Web', shipmentStatus: 'Consegnato',
      createdOn: daysAgo(7), items: [{ description: 'SIM TIM Business x 10', status: 'Lavorato' }, { description: 'Spedizione SIM', status: 'Consegnato' }],
    }],
    requests: [{
      id: '7-64520000001', contract: PREPAID, line: '3700801103', customerCode: KRSH, description: 'APERTURA TK SERVIZIO ALL RISK', openedOn: daysAgo(2),
      parameters: [['ticket', 'TK-0045871203'], ['apparato', 'SAMSUNG GALAXY A54'], ['imei', '356938035643809'],
        ['guasto', 'Display danneggiato'], ['statoTicket', 'In lavorazione'], ['centroAssistenza', 'TIM SERVICE BOLOGNA']],
    }],
    phases: [
      ...delivered('74461200001', 7),
      // Company A's SIM change of the Area Clienti history (crm-reference.ts), delivered months ago.
      ...SHIPMENT_PHASES.map((phase, i) => ({ orderId: '73310245871', phase, reachedOn: daysAgo(125 - i) })),
    ],
  };
}
