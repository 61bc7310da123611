import { legacyAmount } from '../runtime/amount';
import { today } from '../runtime/clock';
import type { StandInReply } from '../runtime/server';
import { unitHash } from '../data/billing-calendar';
import { idList, jsonBody, ok } from './operations';
import type { EbillStore } from './store';

/**
 * `linee/traffico-online` (seed 002 §7.4.3, §7.4.4; issue 11): the traffic not yet billed of the current month and
 * the previous one, per line and traffic type (quantity and what it cost beyond the bundles). The figures are
 * eBill's rating of the network's records, made up here deterministically from the line and the month, except the
 * paid amount of the current month, which is the spending the thresholds are eroded by (`spesa`), so that the two
 * pages agree.
 */
const TYPES = [
  { tipo: 'VOCE', unita: 'MIN', max: 900 },
  { tipo: 'DATI', unita: 'MB', max: 20_000 },
  { tipo: 'SMS', unita: 'SMS', max: 200 },
  { tipo: 'ROAMING_EXTRA_UE', unita: 'MB', max: 300 },
] as const;

const monthOf = (d: Date, back: number) => {
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1, 12));
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
};

export function onlineTraffic(store: EbillStore, raw: Buffer): StandInReply {
  const lines = idList(jsonBody(raw), 'nrLinee');
  const spent = new Map(store.thresholds.spending(lines).map((s) => [s.nr_linea, s]));
  const now = today();
  const traffico = lines.flatMap((line) => [0, 1].flatMap((back) => {
    const mese = monthOf(now, back);
    return TYPES.map(({ tipo, unita, max }, i) => {
      const quantity = Math.floor(unitHash(`${line}:${mese}:${tipo}`) * max);
      // Only the current month's paid traffic is known to the thresholds; the rest is rated here.
      const cents = back === 0 && i === 0 ? spent.get(line)?.mese_cent ?? 0
        : tipo === 'ROAMING_EXTRA_UE' ? (back === 0 ? spent.get(line)?.extra_ue_mese_cent ?? 0 : Math.floor(quantity * 5))
          : back === 0 ? 0 : Math.floor(unitHash(`${line}:${mese}:${tipo}:eur`) * 1_500);
      return { nrLinea: line, mese, tipoTraffico: tipo, quantita: String(quantity), unita, imp: legacyAmount(cents) };
    });
  }));
  return ok({ traffico });
}
