import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../runtime/db';
import { legacyDate, legacyDateTime, parseLegacyDate, today } from '../runtime/clock';
import type { StandInReply } from '../runtime/server';
import { LegacyFault } from '../runtime/server';
import { EXPORT_TYPES, type ExportFormat, type ExportType } from './export-files';
import { notFoundFault } from './operations';
import { invalidRequest, optionalText, soapAnswer, text, type SoapRecord } from './soap';

/**
 * CRM's export jobs (seed 002 §7.2.4 "I miei Export"; ARCHITECTURE.md "CRM — exports"). `RichiediExport` records a
 * job (RICHIESTO) and answers at once; the worker (export-worker.ts) takes it (IN ELABORAZIONE), writes the file and
 * marks it COMPLETATO. A job is committed before the answer is sent, so a job accepted is never lost; the worker
 * takes again whatever a crash left IN ELABORAZIONE, and marks it COMPLETATO once. The same `chiaveIdempotenza` and
 * `impronta` answer the first job again; the key with another `impronta` is fault SBL-IDM-00409, like CreaPratica.
 */
export const EXPORTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS export_richieste (
  progressivo INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, utente TEXT NOT NULL, numero_contratto TEXT NOT NULL,
  tipo TEXT NOT NULL, formato TEXT NOT NULL, stato TEXT NOT NULL, data_richiesta TEXT NOT NULL, completata_il TEXT,
  righe INTEGER, dimensione INTEGER, tentativi INTEGER NOT NULL DEFAULT 0, cancellata INTEGER NOT NULL DEFAULT 0,
  chiave_idempotenza TEXT NOT NULL UNIQUE, impronta TEXT NOT NULL, dal TEXT, al TEXT);
CREATE INDEX IF NOT EXISTS export_richieste_utente ON export_richieste (utente, cancellata);
`;

export interface ExportRow {
  progressivo: number; id: string; utente: string; numero_contratto: string; tipo: ExportType; formato: ExportFormat; stato: string;
  data_richiesta: string; completata_il: string | null; righe: number | null; dimensione: number | null; tentativi: number;
  cancellata: number; chiave_idempotenza: string; impronta: string;
  /** A history's days (ISO, inclusive); null for an inventory. */
  dal: string | null; al: string | null;
}

const FORMATS: readonly ExportFormat[] = ['CSV', 'XLSX'];
const EXTENSIONS: Record<ExportFormat, string> = { CSV: 'csv', XLSX: 'xlsx' };
export const exportsDir = (dataDir: string) => join(dataDir, 'crm-export');
export const exportFile = (dataDir: string, row: Pick<ExportRow, 'id' | 'formato'>) => join(exportsDir(dataDir), `${row.id}.${EXTENSIONS[row.formato]}`);

/** The file of a completed export: `GET /crm/export/<id>` (Basic auth; counted as `ScaricaExport`). */
export const EXPORT_FILE_PATH = /^\/crm\/export\/(EXP-\d+)$/;

function optionalDate(params: SoapRecord, name: string): string | null {
  const value = optionalText(params, name);
  if (value === null) return null;
  const d = parseLegacyDate(value);
  if (!d) throw invalidRequest(`${name} deve essere gg/mm/aaaa`);
  return d.toISOString().slice(0, 10);
}

const exportXml = (r: ExportRow) => ({
  id: r.id, numeroContratto: r.numero_contratto, tipo: r.tipo, formato: r.formato, stato: r.stato,
  dataRichiesta: legacyDate(new Date(`${r.data_richiesta}T12:00:00Z`)), completataIl: r.completata_il ? legacyDateTime(new Date(r.completata_il)) : '',
  righe: r.righe === null ? '' : String(r.righe), dimensione: r.dimensione === null ? '' : String(r.dimensione),
});

export function exportOperations(db: Db, dataDir: string): Record<string, (params: SoapRecord) => StandInReply> {
  const byId = (id: string, user: string) =>
    db.prepare('SELECT * FROM export_richieste WHERE id = ? AND utente = ? AND cancellata = 0').get(id, user) as ExportRow | undefined;
  const byKey = (key: string) => db.prepare('SELECT * FROM export_richieste WHERE chiave_idempotenza = ?').get(key) as ExportRow | undefined;

  return {
    RichiediExport(params) {
      const user = text(params, 'utente');
      const type = text(params, 'tipo') as ExportType;
      if (!(type in EXPORT_TYPES)) throw invalidRequest(`tipo ammessi: ${Object.keys(EXPORT_TYPES).join(', ')}`);
      const format = text(params, 'formato') as ExportFormat;
      if (!FORMATS.includes(format)) throw invalidRequest(`formato ammessi: ${FORMATS.join(', ')}`);
      // issue 20 (ACC-08): the company's users are exported by customer, every other type by contract.
      const ofCustomer = EXPORT_TYPES[type] === 'UTENTI';
      const contract = text(params, ofCustomer ? 'codiceCliente' : 'numeroContratto');
      const key = text(params, 'chiaveIdempotenza');
      const [from, to] = [optionalDate(params, 'dal'), optionalDate(params, 'al')];
      if (EXPORT_TYPES[type] === 'PRATICHE' || EXPORT_TYPES[type] === 'ORDINI') {
        if (!from || !to) throw invalidRequest('dal e al obbligatori per uno storico');
      }
      const fingerprint = text(params, 'impronta');
      const job = db.transaction(() => {
        const first = byKey(key);
        if (first) {
          if (first.impronta !== fingerprint) throw new LegacyFault(500, 'SBL-IDM-00409', 'Chiave di idempotenza già usata per un\'altra richiesta');
          return first;
        }
        if (ofCustomer ? !db.prepare('SELECT 1 FROM aziende WHERE codice_cliente = ?').get(contract)
          : !db.prepare("SELECT 1 FROM contratti WHERE numero = ? AND tipo = 'MOBILE'").get(contract)) throw notFoundFault(`contratto o cliente ${contract}`);
        const { n } = db.prepare('SELECT COALESCE(MAX(progressivo), 0) + 1 AS n FROM export_richieste').get() as { n: number };
        db.prepare(`INSERT INTO export_richieste (id, utente, numero_contratto, tipo, formato, stato, data_richiesta, chiave_idempotenza, impronta, dal, al)
          VALUES (?, ?, ?, ?, ?, 'RICHIESTO', ?, ?, ?, ?, ?)`).run(`EXP-${String(n).padStart(8, '0')}`, user, contract, type, format,
          today().toISOString().slice(0, 10), key, fingerprint, from, to);
        return byKey(key)!;
      })();
      return soapAnswer('RichiediExport', { esportazione: exportXml(job) });
    },

    ListaExport(params) {
      const rows = db.prepare('SELECT * FROM export_richieste WHERE utente = ? AND cancellata = 0 ORDER BY progressivo DESC')
        .all(text(params, 'utente')) as ExportRow[];
      return soapAnswer('ListaExport', { esportazione: rows.map(exportXml) });
    },

    /** Deletes the request and its file; a job still running is cancelled (the worker sees `cancellata`). */
    CancellaExport(params) {
      const row = byId(text(params, 'id'), text(params, 'utente'));
      if (!row) throw notFoundFault(`export ${text(params, 'id')}`);
      db.prepare('UPDATE export_richieste SET cancellata = 1 WHERE id = ?').run(row.id);
      rmSync(exportFile(dataDir, row), { force: true });
      return soapAnswer('CancellaExport', { id: row.id });
    },
  };
}

/** The bytes of a completed export; unknown, deleted or not yet completed is CRM's "not found". */
export async function exportFileReply(db: Db, dataDir: string, id: string): Promise<StandInReply> {
  const row = db.prepare("SELECT * FROM export_richieste WHERE id = ? AND cancellata = 0 AND stato = 'COMPLETATO'").get(id) as ExportRow | undefined;
  if (!row) throw notFoundFault(`export ${id}`);
  return {
    status: 200,
    headers: {
      'content-type': row.formato === 'CSV' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${row.tipo}-${row.id}.${EXTENSIONS[row.formato]}"`,
    },
    body: await readFile(exportFile(dataDir, row)),
  };
}
