import { describe, expect, it } from 'vitest';
import { counters, graphql, LEGACY_TODAY, resetCounters, tokenFor } from '../support/stack';
import { useStack } from '../support/use-stack';

/**
 * Issue 10 item 9 (seed 002 §7.3.1-§7.3.2; TRK-02, TRK-04, TRK-05): the CM8 requests and orders histories of the
 * 10 days before a date, the shipment tracking of an order that delivers products, and the ticket detail of an
 * "APERTURA TK SERVIZIO ALL RISK" pratica, as the ROA of Ente KRISHNA's prepaid contract (pasquale.eu) sees them.
 */
const tokens = new Map<string, string>();
const stack = useStack();
async function ask(username: string, query: string) {
  if (!tokens.has(username)) tokens.set(username, await tokenFor(stack, username));
  await resetCounters(stack, 'crm');
  const { body } = await graphql(stack, query, {}, tokens.get(username));
  const { GetProfiloUtente: _grants, ...crm } = await counters(stack, 'crm');
  return { body, crm };
}

const daysBefore = (days: number) => new Date(Date.parse(`${LEGACY_TODAY}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

describe('orders history (§7.3.2, TRK-05) with shipment tracking (TRK-02)', () => {
  const ORDERS = '{ ordersHistory { id createdOn channel status shipmentStatus shipmentTracking { phase reachedOn } } }';

  it('lists the supply orders of the last 10 days, newest first, the delivered one with its phases and dates', async () => {
    const { body, crm } = await ask('pasquale.eu', ORDERS);
    expect(body.errors).toBeUndefined();
    const orders = body.data.ordersHistory as { id: string; shipmentTracking: unknown }[];
    expect(orders.map((o) => o.id)).toEqual(['74458098909', '74461200001', '74443784358', '74440467686']);
    expect(orders[0]).toMatchObject({ createdOn: daysBefore(1), channel: 'Web', status: 'Lavorato', shipmentStatus: null, shipmentTracking: null });
    expect(orders[1]).toMatchObject({ shipmentStatus: 'Consegnato', shipmentTracking: [
      { phase: 'Ordine ricevuto', reachedOn: daysBefore(7) }, { phase: 'In preparazione', reachedOn: daysBefore(6) },
      { phase: 'Spedito', reachedOn: daysBefore(5) }, { phase: 'In consegna', reachedOn: daysBefore(4) }, { phase: 'Consegnato', reachedOn: daysBefore(3) },
    ] });
    // One list, one look-up of the phases for the orders that ship something.
    expect(crm).toEqual({ ListaOrdini: 1, GetTracciamentoSpedizioni: 1 });
  });

  it('shows the 10 days before the date asked, and only to the ROA', async () => {
    const earlier = await ask('pasquale.eu', `{ ordersHistory(before: "${daysBefore(8)}") { id } }`);
    expect(earlier.body.data.ordersHistory.map((o: { id: string }) => o.id)).toEqual(['74443784358', '74440467686']);
    const ebill = await ask('lavo.ebill', '{ ordersHistory { id } }');
    expect(ebill.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('requests history (§7.3.1, TRK-04): the all-risk ticket detail', () => {
  it('gives the ticket CRM keeps with an "APERTURA TK SERVIZIO ALL RISK" pratica, in one call for the page', async () => {
    const { body, crm } = await ask('pasquale.eu', '{ requestsHistory { id type contract { number } line { number } origin status openedOn closedOn details { name value } } }');
    expect(body.errors).toBeUndefined();
    const requests = body.data.requestsHistory as { id: string; type: string; details: { name: string; value: string }[] }[];
    expect(requests.map((r) => r.id)).toEqual(['7-64520000001', '7-64436898334', '7-64381940224', '7-64381938074', '7-64381931654']);
    expect(requests[0]).toMatchObject({ type: 'APERTURA TK SERVIZIO ALL RISK', contract: { number: '888012234558' }, line: { number: '3700801103' },
      origin: 'CONSIP8', status: 'IN_PROGRESS', openedOn: daysBefore(2), closedOn: null });
    expect(requests[0].details).toContainEqual({ name: 'ticket', value: 'TK-0045871203' });
    expect(requests[0].details).toContainEqual({ name: 'statoTicket', value: 'In lavorazione' });
    expect(requests[1].details).toEqual([]);
    expect(crm).toEqual({ ListaPratiche: 1, GetDettaglioPratiche: 1 });
  });
});
