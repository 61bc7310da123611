import { batchesOf } from '../batches';
import type { IsoDate } from '../domain';
import { isoDate } from '../legacy-values';
import { CRM_BATCH_LIMIT } from './client';
import type { CrmCall } from './inventory';
import { records, text, type CrmRecord } from './soap';

/**
 * Tracking details in CRM (ARCHITECTURE.md "CRM — tracking details"): the shipment phases and states of orders (TRK-02) and
 * what a pratica was asked with (its parameters: the ticket of an all-risk assistance request, TRK-04). Both are
 * look-ups by id, at most 100 per call, aligned with the ids asked.
 */
export interface ShipmentPhase { phase: string; reachedOn: IsoDate }
/** Issue 21: a delivery's state, within one of its macro-phases (seed 000 "Tracking": "tutti gli stati della consegna"). */
export interface ShipmentState { state: string; phase: string; reachedOn: IsoDate }
/** A delivery as CRM tracks it: its macro-phases and its states, each in order with the day reached. */
export interface Shipment { phases: ShipmentPhase[]; states: ShipmentState[] }
export interface RequestDetail { name: string; value: string }

export interface CrmTracking {
  /** Per order: its delivery; no phases nor states when it ships nothing. */
  getShipments(orderIds: readonly string[]): Promise<Shipment[]>;
  /** Per pratica: its parameters in the order CRM keeps them. */
  getRequestDetails(requestIds: readonly string[]): Promise<RequestDetail[][]>;
}

/** Per id, what `map` reads from its element; an id CRM does not answer gets `none`. */
async function lookup<T>(call: CrmCall, ids: readonly string[], operation: string, param: string, element: string, idOf: string,
  map: (r: CrmRecord) => T, none: () => T): Promise<T[]> {
  const answers = await Promise.all(batchesOf(ids, CRM_BATCH_LIMIT).map((batch) =>
    call(operation, { [param]: batch }, (a) => records(a, element).map((r) => [text(r, idOf), map(r)] as const))));
  const byId = new Map(answers.flat());
  return ids.map((id) => byId.get(id) ?? none());
}

export function createCrmTracking(call: CrmCall): CrmTracking {
  return {
    getShipments: (ids) => lookup(call, ids, 'GetTracciamentoSpedizioni', 'idOrdine', 'spedizione', 'idOrdine', (r) => ({
      phases: records(r, 'fase').map((f) => ({ phase: text(f, 'descrizione'), reachedOn: isoDate(text(f, 'data')) })),
      states: records(r, 'stato').map((s) => ({ state: text(s, 'descrizione'), phase: text(s, 'fase'), reachedOn: isoDate(text(s, 'data')) })),
    }), () => ({ phases: [], states: [] })),
    getRequestDetails: (ids) => lookup(call, ids, 'GetDettaglioPratiche', 'id', 'pratica', 'id',
      (r) => records(r, 'parametro').map((p) => ({ name: text(p, 'nome'), value: text(p, 'valore') })), () => []),
  };
}
