import { EXPORT_KINDS, type ExportFormat, type ExportJob, type ExportKind, type ExportStatus } from '../inventory-domain';
import { UnusableAnswer } from '../legacy-answer';
import type { IsoDate } from '../domain';
import { count, isoDate, isoDateTime, legacyDate } from '../legacy-values';
import { word } from './mapping';
import { optionalRecord, optionalText, records, text, type CrmRecord } from './soap';
import type { CrmCall } from './inventory';

/**
 * CRM's export jobs (seed 002 §7.2.4; ARCHITECTURE.md "CRM — exports"): `RichiediExport` (idempotent under the
 * key and fingerprint, like CreaPratica), `ListaExport`, `CancellaExport`; the file of a completed job is fetched by
 * the gateway from `exportFilePath(id)` when a signed link is followed.
 */
const status = word<ExportStatus>({ RICHIESTO: 'REQUESTED', 'IN ELABORAZIONE': 'PROCESSING', COMPLETATO: 'COMPLETED' }, 'export status');
const kindOf = word<ExportKind>(Object.fromEntries(Object.entries(EXPORT_KINDS).map(([kind, name]) => [name, kind as ExportKind])), 'export type');
const format = word<ExportFormat>({ CSV: 'CSV', XLSX: 'XLSX' }, 'export format');
const optionalCount = (r: CrmRecord, field: string) => {
  const value = optionalText(r, field);
  return value === null ? null : count(value);
};

function exportFromCrm(r: CrmRecord): ExportJob {
  const completedAt = optionalText(r, 'completataIl');
  return {
    id: text(r, 'id'), contractNumber: text(r, 'numeroContratto'), kind: kindOf(text(r, 'tipo')), typeName: text(r, 'tipo'),
    format: format(text(r, 'formato')), status: status(text(r, 'stato')), requestedOn: isoDate(text(r, 'dataRichiesta')),
    completedAt: completedAt && isoDateTime(completedAt), rows: optionalCount(r, 'righe'), sizeBytes: optionalCount(r, 'dimensione'),
  };
}

function oneExport(operation: string) {
  return (answer: CrmRecord) => {
    const job = optionalRecord(answer, 'esportazione');
    if (!job) throw new UnusableAnswer(`no esportazione in ${operation}Response`);
    return exportFromCrm(job);
  };
}

export interface ExportRequest {
  /** `contractNumber`: the contract; for COMPANY_USERS (issue 20) the customer code. */
  userId: string; contractNumber: string; kind: ExportKind; format: ExportFormat; idempotencyKey: string; fingerprint: string;
  /** A history's days (inclusive). */
  window?: { from: IsoDate; to: IsoDate };
}

export interface CrmExports {
  /** The job, new or the one first created under the key; NOT_FOUND-like null when CRM has no such contract. */
  request(input: ExportRequest): Promise<ExportJob | null>;
  /** The user's jobs not deleted, newest first. */
  list(userId: string): Promise<ExportJob[]>;
  /** Deletes a job of the user and its file; false when the user has no such job. */
  remove(userId: string, id: string): Promise<boolean>;
}

export function createCrmExports(call: CrmCall): CrmExports {
  return {
    request: (input) => call('RichiediExport', {
      utente: input.userId, [input.kind === 'COMPANY_USERS' ? 'codiceCliente' : 'numeroContratto']: input.contractNumber, tipo: EXPORT_KINDS[input.kind], formato: input.format,
      chiaveIdempotenza: input.idempotencyKey, impronta: input.fingerprint,
      ...(input.window && { dal: legacyDate(input.window.from), al: legacyDate(input.window.to) }),
    }, oneExport('RichiediExport'), () => null),
    list: (userId) => call('ListaExport', { utente: userId }, (a) => records(a, 'esportazione').map(exportFromCrm)),
    remove: (userId, id) => call('CancellaExport', { utente: userId, id }, () => true, () => false),
  };
}

/** Where CRM serves a completed export's file. */
export const exportFilePath = (id: string) => `/crm/export/${encodeURIComponent(id)}`;
