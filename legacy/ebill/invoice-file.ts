import { legacyAmount } from '../runtime/amount';
import { legacyDate, parseLegacyDate } from '../runtime/clock';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { BATCH_LIMIT, invalid } from './operations';
import type { EbillStore, InvoiceRow } from './store';
import { csv } from './threshold-operations';

/**
 * Issue 22 (BIL-02, BIL-05; seed 000 "esportare l'intera lista"): `GET fatture/csv?cdCtr=a,b&dtDa&dtA&tipoFatt&stPag`,
 * the whole list of a search as a semicolon CSV, the columns of the seed's page (N° fattura, Contratto, Bimestre,
 * Pagamento, Importo, Scadenza) and the issue date; `stPag` one word or several, comma-separated.
 */
const COLUMNS = ['NUM_FATTURA', 'CONTRATTO', 'BIMESTRE', 'ANNO', 'STATO_PAGAMENTO', 'IMPORTO', 'DATA_EMISSIONE', 'DATA_SCADENZA'];
const day = (iso: string) => legacyDate(new Date(`${iso}T12:00:00Z`));
const cells = (r: InvoiceRow) => [r.nr_fatt, r.cd_ctr, String(r.bim), String(r.anno), r.st_pag, legacyAmount(r.imp_cent), day(r.dt_em), day(r.dt_scad)];

function isoParam(query: URLSearchParams, name: string): string {
  const d = parseLegacyDate(query.get(name) ?? '');
  if (!d) throw invalid(`${name} deve essere gg/mm/aaaa`);
  return d.toISOString().slice(0, 10);
}

export function invoicesCsv(store: EbillStore, query: URLSearchParams): StandInReply {
  const contracts = (query.get('cdCtr') ?? '').split(',').filter(Boolean);
  if (contracts.length === 0) throw invalid('cdCtr obbligatorio');
  if (contracts.length > BATCH_LIMIT) throw new LegacyFault(413, 'EB-413', `troppi elementi in cdCtr: massimo ${BATCH_LIMIT}`);
  const statuses = query.get('stPag')?.split(',').filter(Boolean);
  const { rows } = store.searchInvoices({
    contracts, kind: query.get('tipoFatt') ?? 'MOBILE', from: isoParam(query, 'dtDa'), to: isoParam(query, 'dtA'),
    statuses: statuses?.length ? statuses : undefined, offset: 0, limit: Number.MAX_SAFE_INTEGER,
  });
  return csv('fatture.csv', COLUMNS, rows.map(cells));
}
