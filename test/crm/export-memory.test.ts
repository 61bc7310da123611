import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExportFile, type ExportFormat } from '../../legacy/crm/export-files';
import { openCrmStore, type CrmStore } from '../../legacy/crm/store';
import { largeCustomer } from '../../legacy/data/large';

/**
 * MOB-09 (issue 10 item 8): CRM writes an export of 10,000 lines as it reads them, chunk by chunk, in CSV and XLSX,
 * with bounded memory. The writer runs here in the test's own process so that its memory is the one measured:
 * the heap is sampled at every chunk (500 rows), and its growth over the whole export must stay under a fixed bound
 * (measured: about 1 MB of live heap for CSV and for XLSX), whatever the number of rows.
 */
const ENTE = { id: 'MEM10K', lines: 10_000 };
const [contract] = largeCustomer(ENTE.id, ENTE.lines).mobileContracts;
const HEAP_GROWTH_BOUND_MB = 8;

let dir: string;
let store: CrmStore;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crm-export-memory-'));
  store = openCrmStore(dir, [ENTE]);
  // The generated Ente spreads its lines over contracts of 2,500; this test's own database puts all 10,000 under one.
  store.db.prepare('UPDATE linee_mobili SET numero_contratto = ? WHERE codice_cliente = ?').run(contract!.number, `1-${ENTE.id}`);
}, 120_000);
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

// What the export keeps alive, not the garbage it has not yet collected: how much of that a heap carries depends on
// the V8 version's young generation (Node 24's is larger than 20's), so each sample follows a full collection.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const liveHeap = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

/** Exports the contract's 10,000 lines, sampling the live heap at every chunk. */
async function exportLines(format: ExportFormat): Promise<{ path: string; rows: number; growthMb: number }> {
  const start = liveHeap();
  let peak = start;
  const path = join(dir, `lines.${format.toLowerCase()}`);
  const rows = await writeExportFile(store.db, 'ConsistenzaDettaglioLinee', format, { contract: contract!.number, from: null, to: null }, path, async () => {
    peak = Math.max(peak, liveHeap());
  });
  return { path, rows, growthMb: (peak - start) / 2 ** 20 };
}

describe('export files (§7.2.4)', () => {
  it('writes the 10,000 lines as CSV with the portal\'s columns, heap growth bounded', async () => {
    const { path, rows, growthMb } = await exportLines('CSV');
    console.log(`CSV export of ${rows} lines: heap growth ${growthMb.toFixed(1)} MB`);
    expect(rows).toBe(ENTE.lines);
    expect(growthMb).toBeLessThan(HEAP_GROWTH_BOUND_MB);
    const text = readFileSync(path, 'utf8').split('\r\n');
    expect(text[0]).toBe('Numero;One number;ICCID;Profilo tariffario;Data attivazione;Data cessazione;Stato');
    expect(text.filter(Boolean)).toHaveLength(10_001);
    expect(text[1]).toMatch(/^3\d{9};;8939\d{15};TIM BUSINESS (MOBILE|RICARICABILE);\d{2}\/\d{2}\/\d{4};;(ATTIVO|SOSPESO)$/);
  });

  it('writes them as XLSX with exceljs\'s streaming writer, heap growth bounded', async () => {
    const { path, rows, growthMb } = await exportLines('XLSX');
    console.log(`XLSX export of ${rows} lines: heap growth ${growthMb.toFixed(1)} MB, file ${statSync(path).size} bytes`);
    expect(rows).toBe(ENTE.lines);
    expect(growthMb).toBeLessThan(HEAP_GROWTH_BOUND_MB);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(10_001);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Numero', 'One number', 'ICCID', 'Profilo tariffario', 'Data attivazione', 'Data cessazione', 'Stato']);
  });

  it('writes the STS of 3312545213 as the seed shows them', async () => {
    const path = join(dir, 'sts.csv');
    const rows = await writeExportFile(store.db, 'ConsistenzaDettaglioSTS', 'CSV', { contract: '888010088938', from: null, to: null }, path, async () => undefined);
    const lines = readFileSync(path, 'utf8').split('\r\n').filter((l) => l.startsWith('3312545213;'));
    expect(rows).toBeGreaterThan(5);
    expect(lines).toContain('3312545213;RIF USCENTE;;25/01/2021;;ATTIVO;100;10,00');
    expect(lines).toHaveLength(5);
  });
});
