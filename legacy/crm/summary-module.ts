import { LegacyFault, type StandInReply } from '../runtime/server';

/**
 * The summary module of a change (seed 002 §10 Appendice 1's pages: "il modulo riepilogativo"), as CRM prints it
 * before the request is confirmed: `GET /crm/riepilogo/riepilogo.csv?pratica=&rif=&gruppo=` (Basic auth as for SOAP;
 * counted as `ScaricaRiepilogo`), a semicolon CSV: the pratica, the reference, then one row per record and term.
 * `gruppo` (repeated) is `{"record": [ids], "voci": [[name, value]]}`: records that read alike. The adapters never
 * fetch it: the graph hands out a signed link and the gateway streams it (ARCHITECTURE.md "Download links").
 */
export const SUMMARY_MODULE_PATH = '/crm/riepilogo/riepilogo.csv';

const cell = (value: string) => (/[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function summaryModule(url: URL): StandInReply {
  const pratica = url.searchParams.get('pratica') ?? '';
  const groups = url.searchParams.getAll('gruppo').map(group);
  if (!pratica || groups.length === 0) throw new LegacyFault(400, 'SBL-EXL-00151', 'riepilogo senza pratica o senza record');
  const rows = [['Riepilogo della richiesta', pratica], ['Riferimento', url.searchParams.get('rif') ?? ''], ['Record', 'Voce', 'Valore']];
  for (const { record, voci } of groups) {
    for (const id of record) rows.push(...(voci.length ? voci.map(([name, value]) => [id, name, value]) : [[id, '', '']]));
  }
  return {
    status: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="riepilogo.csv"' },
    body: Buffer.from(`${rows.map((r) => r.map(cell).join(';')).join('\n')}\n`, 'utf8'),
  };
}

function group(raw: string): { record: string[]; voci: [string, string][] } {
  try {
    const parsed = JSON.parse(raw) as { record: unknown; voci: unknown };
    const ok = Array.isArray(parsed.record) && parsed.record.every((id) => typeof id === 'string')
      && Array.isArray(parsed.voci) && parsed.voci.every((v) => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string'));
    if (ok) return parsed as { record: string[]; voci: [string, string][] };
  } catch { /* answered below */ }
  throw new LegacyFault(400, 'SBL-EXL-00151', 'gruppo del riepilogo non valido');
}
