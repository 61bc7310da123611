import type { StandInReply } from '../runtime/server';
import { fixedLineXml } from './answers';
import { withMoves } from './line-move';
import { filterOf } from './operations';
import { invalidRequest, optionalText, soapAnswer, text, type SoapRecord } from './soap';
import type { CrmStore } from './store';

/**
 * `ConsistenzaLineeFisse` (seed 004: "Consistenze > Telefonia fissa > Consistenza per Sede o per Servizio"; FIX-01):
 * the fixed lines of a `filtro` grouped by the site they stand at (`raggruppamento` SEDE, after a completed trasloco
 * its new site) or by the service they carry (SERVIZIO: FONIA, FONIA_DATI, RETE_INTELLIGENTE), a page of groups at a
 * time (`pagina`, `dimensionePagina` ≤100), each group with its line count and its line numbers. `totale` counts groups.
 */
type Grouping = 'SEDE' | 'SERVIZIO';

interface Group { sede?: Record<string, string>; servizio?: string; numeri: string[] }

export function fixedInventoryOperations(store: CrmStore): Record<string, (params: SoapRecord) => StandInReply> {
  return {
    ConsistenzaLineeFisse(params) {
      const grouping = text(params, 'raggruppamento') as Grouping;
      if (grouping !== 'SEDE' && grouping !== 'SERVIZIO') throw invalidRequest('raggruppamento ammessi: SEDE, SERVIZIO');
      const size = Number(optionalText(params, 'dimensionePagina') ?? '20');
      const page = Number(optionalText(params, 'pagina') ?? '1');
      if (!Number.isInteger(size) || size < 1 || size > 100 || !Number.isInteger(page) || page < 1) throw invalidRequest('pagina o dimensionePagina fuori intervallo');
      const filter = filterOf(params);
      const { total } = store.listFixedLines(filter, 'NUMERO', 0, 1);
      const lines = withMoves(store.db, store.listFixedLines(filter, 'NUMERO', 0, Math.max(total, 1)).rows.map(fixedLineXml));
      const groups = new Map<string, Group>();
      for (const line of lines) {
        const key = grouping === 'SEDE' ? Object.values(line.sede).join('|') : line.tipoLinea;
        const group: Group = groups.get(key) ?? (grouping === 'SEDE' ? { sede: line.sede, numeri: [] } : { servizio: line.tipoLinea, numeri: [] });
        group.numeri.push(line.numero);
        groups.set(key, group);
      }
      const ordered = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, g]) => g);
      return soapAnswer('ConsistenzaLineeFisse', {
        totale: String(ordered.length),
        gruppo: ordered.slice((page - 1) * size, page * size).map((g) => ({
          ...(g.sede && { sede: g.sede }), ...(g.servizio && { servizio: g.servizio }), numeroLinee: String(g.numeri.length), numeroLinea: g.numeri,
        })),
      });
    },
  };
}
