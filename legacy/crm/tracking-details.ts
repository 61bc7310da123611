import type { Db } from '../runtime/db';
import type { StandInReply } from '../runtime/server';
import { legacyDate } from '../runtime/clock';
import { trackingFixture } from '../data/tracking-reference';
import { BATCH_LIMIT } from './operations';
import { keepRequestParameters, requestParameters } from './request-parameters';
import { invalidRequest, soapAnswer, texts, type SoapRecord } from './soap';

/**
 * Tracking details CRM keeps beside orders and pratiche (ARCHITECTURE.md "CRM — tracking details"):
 * - `GetTracciamentoSpedizioni` (`idOrdine`* ≤100): per order that ships products, its macro-phases with dates (TRK-02)
 *   and, where CRM has them, the delivery's states with their macro-phase and dates (`stato`*, issue 21);
 * - `GetDettaglioPratiche` (`id`* ≤100): per pratica, what it was asked with (`parametro`*), e.g. an all-risk ticket.
 */
export const TRACKING_SCHEMA = `
CREATE TABLE IF NOT EXISTS fasi_spedizione (id_ordine TEXT NOT NULL, progressivo INTEGER NOT NULL, fase TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (id_ordine, progressivo));
CREATE TABLE IF NOT EXISTS stati_spedizione (id_ordine TEXT NOT NULL, progressivo INTEGER NOT NULL, fase TEXT NOT NULL, stato TEXT NOT NULL,
  data TEXT NOT NULL, PRIMARY KEY (id_ordine, progressivo));
`;

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function seedTracking(db: Db): void {
  const f = trackingFixture();
  const order = db.prepare(`INSERT INTO ordini VALUES (?, ?, ?, ?, 'Fornitura', ?, ?, 'Lavorato', ?, ?, ?, ?)`);
  for (const o of f.orders) {
    order.run(o.id, o.contract, o.line ?? null, o.customerCode, o.description, o.channel, o.shipmentStatus, iso(o.createdOn), o.requestId ?? null, JSON.stringify(o.items));
  }
  const request = db.prepare(`INSERT INTO pratiche VALUES (?, ?, ?, ?, ?, ?, ?, 'In lavorazione', ?, NULL, ?)`);
  for (const r of f.requests) {
    request.run(r.id, r.description.toUpperCase(), r.description, r.contract, r.line, r.customerCode, r.origin ?? 'CONSIP8', iso(r.openedOn), r.orderId ?? null);
    keepRequestParameters(db, r.id, r.parameters);
  }
  const phase = db.prepare('INSERT INTO fasi_spedizione VALUES (?, ?, ?, ?)');
  f.phases.forEach((p, i) => phase.run(p.orderId, i, p.phase, iso(p.reachedOn)));
  const state = db.prepare('INSERT INTO stati_spedizione VALUES (?, ?, ?, ?, ?)');
  f.states.forEach((s, i) => state.run(s.orderId, i, s.phase, s.state, iso(s.reachedOn)));
}

function ids(params: SoapRecord, name: string): string[] {
  const values = texts(params, name);
  if (values.length > BATCH_LIMIT) throw invalidRequest(`al massimo ${BATCH_LIMIT} ${name}`);
  return values;
}

export function trackingOperations(db: Db): Record<string, (params: SoapRecord) => StandInReply> {
  return {
    GetTracciamentoSpedizioni(params) {
      const orders = ids(params, 'idOrdine');
      const of = <R>(table: string) => (orders.length === 0 ? [] : db.prepare(`SELECT * FROM ${table} WHERE id_ordine IN (${orders.map(() => '?').join(', ')})
        ORDER BY id_ordine, progressivo`).all(...orders) as R[]);
      const rows = of<{ id_ordine: string; fase: string; data: string }>('fasi_spedizione');
      // Issue 21: the delivery's states, each with the macro-phase it belongs to (seed 000 "Tracking").
      const states = of<{ id_ordine: string; fase: string; stato: string; data: string }>('stati_spedizione');
      const day = (iso: string) => legacyDate(new Date(`${iso}T12:00:00Z`));
      return soapAnswer('GetTracciamentoSpedizioni', {
        spedizione: [...new Set(rows.map((r) => r.id_ordine))].map((id) => ({
          idOrdine: id,
          fase: rows.filter((r) => r.id_ordine === id).map((r) => ({ descrizione: r.fase, data: day(r.data) })),
          stato: states.filter((r) => r.id_ordine === id).map((r) => ({ descrizione: r.stato, fase: r.fase, data: day(r.data) })),
        })),
      });
    },
    GetDettaglioPratiche: (params) => soapAnswer('GetDettaglioPratiche', {
      pratica: ids(params, 'id').map((id) => ({ id, parametro: requestParameters(db, id).map((p) => ({ nome: p.name, valore: p.value })) })),
    }),
  };
}
