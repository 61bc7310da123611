/**
 * Where CRM serves the summary module of a change before it is confirmed (seed 002 §10 Appendice 1's pages: "il modulo
 * riepilogativo ... Il download dei documenti è obbligatorio per confermare la richiesta"; legacy/crm/summary-module.ts):
 * the path of a signed download link, which the gateway fetches with CRM's credentials. Records that read alike are
 * one group (a threshold asked on 100 lines is one set of terms and 100 lines), so that the path stays short.
 */
export const SUMMARY_MODULE_PATH = '/crm/riepilogo/riepilogo.csv';

export interface SummaryModule {
  /** The pratica the change will create ("Descrizione Pratica"). */
  pratica: string;
  /** The records and, per record, the module's lines (name, value). */
  records: { id: string; lines: [string, string][] }[];
  /** A short print of the confirmation reference, for the user to match module and request. */
  reference: string;
}

export function summaryModulePath(module: SummaryModule): string {
  const groups = new Map<string, string[]>();
  for (const { id, lines } of module.records) {
    const terms = JSON.stringify(lines.filter(([, value]) => value !== id));
    groups.set(terms, [...(groups.get(terms) ?? []), id]);
  }
  const query = new URLSearchParams({ pratica: module.pratica, rif: module.reference });
  for (const [terms, ids] of groups) query.append('gruppo', JSON.stringify({ record: ids, voci: JSON.parse(terms) }));
  return `${SUMMARY_MODULE_PATH}?${query}`;
}
