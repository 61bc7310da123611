import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeCustomer } from '../../legacy/data/large';
import { graphql, startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * Issue 10 item 8, "I miei Export" (seed 002 §7.2.4; MOB-09): an export is a job CRM holds (REQUESTED → PROCESSING
 * → COMPLETED), listed with request date, type and status, downloadable when complete, deletable, idempotent under
 * its key. A job accepted is never lost: CRM is killed with SIGKILL while it writes the file, restarted on the same
 * DATA_DIR, and the job completes exactly once with a whole file. CRM's worker is slowed down here (FAULTS entry
 * "ElaboraExport": a pause per chunk of 500 rows) so that the kill lands while the file is being written.
 */
const ENTE = { id: 'EXP10K', lines: 10_000 };
const [BIG_CONTRACT] = largeCustomer(ENTE.id, ENTE.lines).mobileContracts;
const PAUSE_PER_CHUNK_MS = 400;

let stack: TestStack;
const tokens = new Map<string, string>();
beforeAll(async () => {
  stack = await startTestStack({
    env: { LARGE_CUSTOMERS: `${ENTE.id}:${ENTE.lines}` },
    componentEnv: { crm: { FAULTS: JSON.stringify({ ElaboraExport: { latencyMs: PAUSE_PER_CHUNK_MS } }) } },
    readyTimeoutMs: 180_000,
  });
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

async function ask(username: string, query: string, variables: Record<string, unknown> = {}) {
  if (!tokens.has(username)) tokens.set(username, await tokenFor(stack, username));
  return (await graphql(stack, query, variables, tokens.get(username))).body;
}

const REQUEST = `mutation ($input: RequestExportInput!) {
  requestExport(input: $input) { id contractNumber kind typeName format status requestedOn download { url } } }`;
const MINE = '{ myExports { id kind typeName format status requestedOn completedAt rows download { fileName contentType url } } }';
const DELETE = 'mutation ($id: ID!) { deleteExport(input: { id: $id }) }';

interface Job { id: string; status: string; rows: number | null; typeName: string; download: { fileName: string; contentType: string; url: string } | null }

async function until(username: string, id: string, status: string, timeoutMs = 60_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await ask(username, MINE);
    const job = (body.data?.myExports as Job[] | undefined)?.find((j) => j.id === id);
    if (job?.status === status) return job;
    if (Date.now() > deadline) throw new Error(`export ${id} not ${status} in time: ${JSON.stringify(job ?? body)}`);
    await sleep(100);
  }
}

const download = async (job: Job) => {
  const res = await fetch(new URL(job.download!.url, stack.gatewayUrl));
  expect(res.status).toBe(200);
  return res;
};

describe('my exports (§7.2.4, MOB-09)', () => {
  it('takes an export request once per key, lists it, and serves its CSV once completed', async () => {
    const input = { kind: 'INVENTORY_LINE_SERVICES', format: 'CSV', idempotencyKey: 'export-sts-0001' };
    const first = await ask('vincenzo.roa', REQUEST, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data.requestExport).toMatchObject({
      contractNumber: '888010088938', kind: 'INVENTORY_LINE_SERVICES', typeName: 'ConsistenzaDettaglioSTS', format: 'CSV', download: null,
    });
    const again = await ask('vincenzo.roa', REQUEST, { input });
    expect(again.data.requestExport.id).toBe(first.data.requestExport.id);
    const reused = await ask('vincenzo.roa', REQUEST, { input: { ...input, format: 'XLSX' } });
    expect(reused.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });

    const job = await until('vincenzo.roa', first.data.requestExport.id, 'COMPLETED');
    expect(job).toMatchObject({ typeName: 'ConsistenzaDettaglioSTS', rows: 23 });
    expect(job.download).toMatchObject({ contentType: 'text/csv', fileName: `ConsistenzaDettaglioSTS-${job.id}.csv` });
    const csv = await (await download(job)).text();
    expect(csv.split('\r\n')[0]).toBe('Numero;Descrizione;APN;Data attivazione;Data cessazione;Stato;% a carico Ente;Canone €');
    expect(csv).toContain('3312545213;RIF USCENTE;;25/01/2021;;ATTIVO;100;10,00');
    const mine = await ask('vincenzo.roa', MINE);
    expect(mine.data.myExports.filter((j: Job) => j.id === job.id)).toHaveLength(1);
  });

  it('MOB-08: serves an XLSX of the TIM TUO prepaid lines, which are only ever exported', async () => {
    const { data } = await ask('pasquale.eu', REQUEST, { input: { kind: 'INVENTORY_TIM_TUO_PREPAID', format: 'XLSX', idempotencyKey: 'export-tuo-ric-1' } });
    const job = await until('pasquale.eu', data.requestExport.id, 'COMPLETED');
    expect(job.rows).toBe(4);
    const res = await download(job);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('shows each user his own exports only, and lets only him delete them', async () => {
    const { data } = await ask('vincenzo.roa', REQUEST, { input: { kind: 'INVENTORY_DEVICES', format: 'CSV', idempotencyKey: 'export-dev-0001' } });
    const id = data.requestExport.id as string;
    const others = await ask('lavo.ebill', MINE);
    expect(others.data.myExports.map((j: Job) => j.id)).not.toContain(id);
    expect((await ask('lavo.ebill', DELETE, { id })).data.deleteExport).toBe(false);
    expect((await ask('vincenzo.roa', DELETE, { id })).data.deleteExport).toBe(true);
    expect((await ask('vincenzo.roa', MINE)).data.myExports.map((j: Job) => j.id)).not.toContain(id);
  });

  it('exports the requests history of the 10 days (§7.3.1) for the ROA only, through its own mutation', async () => {
    const HISTORY = `mutation ($input: RequestHistoryExportInput!) { requestHistoryExport(input: $input) { id typeName status } }`;
    const input = { kind: 'REQUESTS_HISTORY', format: 'CSV', idempotencyKey: 'export-history-01' };
    const { data, errors } = await ask('pasquale.eu', HISTORY, { input });
    expect(errors).toBeUndefined();
    expect(data.requestHistoryExport.typeName).toBe('StoricoPratiche');
    const job = await until('pasquale.eu', data.requestHistoryExport.id, 'COMPLETED');
    const csv = (await (await download(job)).text()).split('\r\n').filter(Boolean);
    expect(csv[0]).toBe('N pratica;Tipo pratica;Contratto;Linea;Provenienza;Stato;Apertura;Chiusura');
    expect(csv.slice(1).map((l) => l.split(';')[0])).toEqual(['7-64520000001', '7-64436898334', '7-64381940224', '7-64381938074', '7-64381931654']);
    expect((await ask('lavo.ebill', HISTORY, { input })).errors[0].extensions.code).toBe('FORBIDDEN');
    const wrongWay = await ask('pasquale.eu', REQUEST, { input: { ...input, idempotencyKey: 'export-history-02' } });
    expect(wrongWay.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
  });

  it('refuses the traffic manager, who has no inventory', async () => {
    const body = await ask('umberto.traffic', REQUEST, { input: { kind: 'INVENTORY_LINES', format: 'CSV', idempotencyKey: 'export-tm-00001' } });
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('an accepted export survives a CRM crash (SIGKILL while writing)', () => {
  it('completes exactly once, with a whole file, after CRM restarts on the same data', async () => {
    const user = `${ENTE.id.toLowerCase()}.roa`;
    const { data, errors } = await ask(user, REQUEST, {
      input: { kind: 'INVENTORY_LINES', format: 'CSV', contractNumber: BIG_CONTRACT!.number, idempotencyKey: 'export-crash-001' },
    });
    expect(errors).toBeUndefined();
    const id = data.requestExport.id as string;
    await until(user, id, 'PROCESSING');
    await sleep(PAUSE_PER_CHUNK_MS);
    const exit = await stack.kill('crm', 'SIGKILL');
    expect(exit).toMatchObject({ signal: 'SIGKILL' });
    await stack.restart('crm');

    const job = await until(user, id, 'COMPLETED');
    expect(job.rows).toBe(BIG_CONTRACT!.lineNumbers.length);
    const lines = (await (await download(job)).text()).split('\r\n').filter(Boolean).slice(1).map((l) => l.split(';')[0]);
    expect(lines).toHaveLength(BIG_CONTRACT!.lineNumbers.length);
    expect(new Set(lines)).toEqual(new Set(BIG_CONTRACT!.lineNumbers));

    // CRM's own record: taken twice (before and after the crash), completed once, listed once.
    const db = new Database(join(stack.dataDir, 'crm.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT stato, tentativi FROM export_richieste WHERE id = ?').get(id)).toEqual({ stato: 'COMPLETATO', tentativi: 2 });
      expect(db.prepare("SELECT COUNT(*) AS n FROM export_richieste WHERE chiave_idempotenza LIKE '%:export-crash-001'").get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});
