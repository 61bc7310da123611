import { daysAgo } from '../runtime/clock';

/**
 * CRM's tracking details beyond the order and pratica records of crm-reference.ts (seed 002 §7.3.1-§7.3.2; TRK-02,
 * TRK-04, TRK-05): the shipment phases of the orders that deliver products, and, for Ente KRISHNA, one order that
 * ships spare SIMs and one "APERTURA TK SERVIZIO ALL RISK" pratica with the ticket's details CRM keeps with it.
 */
export interface ShipmentPhaseRecord { orderId: string; phase: string; reachedOn: Date }
/** Issue 21 (TRK-02, seed 000 "Tracking"): a delivery's states, finer than its macro-phases, each within one of them. */
export interface ShipmentStateRecord { orderId: string; phase: string; state: string; reachedOn: Date }
export interface TrackingFixture {
  orders: { id: string; contract: string; line?: string; customerCode: string; description: string; channel: string; shipmentStatus: string; createdOn: Date;
    requestId?: string; items: { description: string; status: string }[] }[];
  requests: { id: string; contract: string; line: string | null; customerCode: string; description: string; openedOn: Date;
    origin?: string; orderId?: string; parameters: [string, string][] }[];
  phases: ShipmentPhaseRecord[];
  states: ShipmentStateRecord[];
}

const KRSH = '1-KRSH01';
const VALL = '1-VALL01';
/** Company A's fixed line (spec/reference-data.md), on which a modem is on its way (issue 21: the fixed side's orders). */
const FIXED_LINE = '066633987';
const PREPAID = '888012234558';
/** The macro-phases of a delivery, in order (the portal's "stato della consegna dei prodotti"). */
export const SHIPMENT_PHASES = ['Ordine ricevuto', 'In preparazione', 'Spedito', 'In consegna', 'Consegnato'] as const;

/** The delivery states of each macro-phase, in order (the Area Clienti's stepper "con tutti gli stati della consegna"). */
export const SHIPMENT_STATES: Record<(typeof SHIPMENT_PHASES)[number], readonly string[]> = {
  'Ordine ricevuto': ['Approvato'],
  'In preparazione': ['In lavorazione', 'Pronto per la spedizione'],
  Spedito: ['Affidato al corriere', 'In transito'],
  'In consegna': ['In consegna'],
  Consegnato: ['Consegnato'],
};

/** A delivery that reached its first `phases` macro-phases, one a day from `firstDay` days ago, each with its states that day. */
function deliveryUpTo(orderId: string, firstDay: number, phases: number) {
  const reached = SHIPMENT_PHASES.slice(0, phases).map((phase, i) => ({ orderId, phase, reachedOn: daysAgo(firstDay - i) }));
  return { phases: reached, states: reached.flatMap((p) => SHIPMENT_STATES[p.phase as (typeof SHIPMENT_PHASES)[number]].map((state) => ({ ...p, state }))) };
}

export function trackingFixture(): TrackingFixture {
  const delivered = (orderId: string, firstDay: number) =>
    SHIPMENT_PHASES.map((phase, i) => ({ orderId, phase, reachedOn: daysAgo(firstDay - i) }));
  const fibreModem = deliveryUpTo('74530000001', 4, 3);
  return {
    orders: [{
      id: '74461200001', contract: PREPAID, customerCode: KRSH, description: 'Scorta calda SIM', channel: 'Web', shipmentStatus: 'Consegnato',
      createdOn: daysAgo(7), items: [{ description: 'SIM TIM Business x 10', status: 'Lavorato' }, { description: 'Spedizione SIM', status: 'Consegnato' }],
    }, {
      id: '74530000001', contract: FIXED_LINE, line: FIXED_LINE, customerCode: VALL, description: 'Attivazione TIM Business Fibra', channel: 'Web',
      shipmentStatus: 'In transito', createdOn: daysAgo(5), requestId: '7-64530000001',
      items: [{ description: 'TIM Business Fibra', status: 'In lavorazione' }, { description: 'Spedizione modem TIM HUB+', status: 'In transito' }],
    }],
    // Issue 21: the fixed side: company A's fibre activation on its fixed line, the modem shipped two days ago.
    requests: [{
      id: '7-64530000001', contract: FIXED_LINE, line: FIXED_LINE, customerCode: VALL, description: 'Attivazione offerta fisso', openedOn: daysAgo(5),
      origin: 'AREA CLIENTI', orderId: '74530000001', parameters: [['offerta', 'TIM Business Fibra']],
    }, {
      id: '7-64520000001', contract: PREPAID, line: '3700801103', customerCode: KRSH, description: 'APERTURA TK SERVIZIO ALL RISK', openedOn: daysAgo(2),
      parameters: [['ticket', 'TK-0045871203'], ['apparato', 'SAMSUNG GALAXY A54'], ['imei', '356938035643809'],
        ['guasto', 'Display danneggiato'], ['statoTicket', 'In lavorazione'], ['centroAssistenza', 'TIM SERVICE BOLOGNA']],
    }],
    phases: [
      ...delivered('74461200001', 7),
      // Company A's SIM change of the Area Clienti history (crm-reference.ts), delivered months ago.
      ...SHIPMENT_PHASES.map((phase, i) => ({ orderId: '73310245871', phase, reachedOn: daysAgo(125 - i) })),
      ...fibreModem.phases,
    ],
    states: fibreModem.states,
  };
}
