import { legacyAmount } from '../runtime/amount';
import { legacyDate, legacyDateTime } from '../runtime/clock';
import type { CreditRow, InvoiceRow, TrafficRow } from './store';

/** Rows as eBill writes them: its own abbreviated field names, strings everywhere, `221,12`, `dd/mm/yyyy`. */
const fromIso = (iso: string) => legacyDate(new Date(`${iso}T12:00:00Z`));

export const invoiceJson = (r: InvoiceRow) => ({
  nrFatt: r.nr_fatt, cdCtr: r.cd_ctr, cdCli: r.cd_cli, bim: String(r.bim), anno: String(r.anno),
  dtEm: fromIso(r.dt_em), dtScad: fromIso(r.dt_scad), imp: legacyAmount(r.imp_cent), stPag: r.st_pag, tipoFatt: r.tipo_fatt,
});

export const creditJson = (r: CreditRow) => ({
  nrLinea: r.nr_linea, credRes: legacyAmount(r.cred_cent), dtAgg: legacyDateTime(new Date(`${r.dt_agg}:00Z`)),
});

export const trafficJson = (r: TrafficRow) => ({
  nrLinea: r.nr_linea, gbTot: legacyAmount(r.gb_tot_cent), gbRes: legacyAmount(r.gb_res_cent),
  minTot: String(r.min_tot), minRes: String(r.min_res), smsTot: String(r.sms_tot), smsRes: String(r.sms_res),
});
