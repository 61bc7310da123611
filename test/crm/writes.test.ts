import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmClient, type CrmClient } from '../../adapters/crm';
import { crmStandIn } from '../../legacy/crm/standin';
import { startStandIn, type RunningStandIn } from '../../legacy/runtime/server';
import { PINNED_TODAY } from '../support/stand-in-admin';

/**
 * CreaPratica through the real adapter: idempotent, and durable across a restart of the stand-in on the same
 * DATA_DIR (which is why this file starts the stand-in itself instead of through the throw-away test helper).
 */
const LINE = '3343860505';
const dataDir = mkdtempSync(join(tmpdir(), 'crm-writes-'));
process.env.LATENCY_MS = '0';
process.env.JITTER_MS = '0';
process.env.LEGACY_TODAY = PINNED_TODAY;

let crm: RunningStandIn;
let client: CrmClient;
const start = async () => {
  crm = await startStandIn(crmStandIn({ ...process.env, DATA_DIR: dataDir }));
  client = createCrmClient({ url: crm.url });
};
const stop = async () => {
  await client?.close();
  await crm?.close();
};
beforeAll(start);
afterAll(async () => {
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const onLine = (description: string, lineNumber: string, idempotencyKey: string, withOrder = true, fingerprint = `fp-${idempotencyKey}`) =>
  client.createRequest({ description, withOrder, target: { kind: 'MobileLine', id: lineNumber }, channel: 'AREA CLIENTI', idempotencyKey, fingerprint });
const block = (idempotencyKey: string, lineNumber = LINE) => onLine('Furto/Smarrimento SIM', lineNumber, idempotencyKey);
const requestsOnLine = async () =>
  (await client.listRequests({ lineNumbers: [LINE] }, '2026-03-01', '2026-03-15')).filter((r) => r.description === 'Furto/Smarrimento SIM');

describe('CRM dispositive requests', () => {
  let requestId = '';

  it('blocks a SIM: a closed pratica and its ordine, the line SUSPENDED', async () => {
    const created = await block('block-a');
    expect(created.request).toMatchObject({
      id: expect.stringMatching(/^7-\d{11}$/), type: 'FURTO/SMARRIMENTO SIM', description: 'Furto/Smarrimento SIM', lineNumber: LINE,
      contractNumber: '888012170373', companyId: '1-VALL01', origin: 'AREA CLIENTI', status: 'CLOSED', openedOn: PINNED_TODAY,
    });
    expect(created.order).toMatchObject({ id: expect.stringMatching(/^\d{11}$/), requestId: created.request.id, lineNumber: LINE, createdOn: PINNED_TODAY });
    expect(created.request.orderId).toBe(created.order?.id);
    expect((await client.getMobileLines([LINE]))[0]?.status).toBe('SUSPENDED');
    requestId = created.request.id;
  });

  it('answers a retry with the same key with the first outcome, and writes nothing', async () => {
    const first = (await client.getRequests([requestId]))[0];
    const again = await block('block-a');
    expect(again.request.id).toBe(requestId);
    expect(again.request).toEqual(first);
    expect((await requestsOnLine()).map((r) => r.id)).toEqual([requestId]);
  });

  it('keeps the pratica, the ordine, the status and the key across a restart', async () => {
    await stop();
    await start();
    const [request] = await client.getRequests([requestId]);
    expect(request?.status).toBe('CLOSED');
    expect((await client.getOrders([request?.orderId ?? '']))[0]?.requestId).toBe(requestId);
    expect((await client.getMobileLines([LINE]))[0]?.status).toBe('SUSPENDED');
    expect((await block('block-a')).request.id).toBe(requestId);
    expect(await requestsOnLine()).toHaveLength(1);
  });

  it('refuses to block a SIM that is already blocked (new key) as LEGACY_REJECTED in our words', async () => {
    const failure = await block('block-b').catch((e: unknown) => e);
    expect(failure).toMatchObject({ extensions: { code: 'LEGACY_REJECTED', system: 'CRM' } });
    expect((failure as Error).message).not.toMatch(/SOSPESO|ammessa|SBL-/);
    expect(await requestsOnLine()).toHaveLength(1);
  });

  it('unblocks the SIM: "Ritrovamento SIM", the line ACTIVE again', async () => {
    const created = await onLine('Ritrovamento SIM', LINE, 'unblock-a');
    expect(created.request.description).toBe('Ritrovamento SIM');
    expect(created.order).not.toBeNull();
    expect((await client.getMobileLines([LINE]))[0]?.status).toBe('ACTIVE');
  });

  it('creates an ordine exactly when told: the same description has Appendix rows with and without one', async () => {
    // Two lines with TIM TUO active (legacy/crm/tim-tuo.ts): CRM ceases it in the pratica's transaction, so both close.
    const withOrder = await onLine('Cessazione TIM TUO', '3700801103', 'tuo-1', true);
    const without = await onLine('Cessazione TIM TUO', '3312548681', 'tuo-2', false);
    expect(withOrder.order?.status).toBe('Lavorato');
    expect(without.order).toBeNull();
    expect(without.request).toMatchObject({ orderId: null });
  });

  it('files a pratica on every kind of target, under the customer, contract and line it resolves to', async () => {
    const create = (target: Parameters<CrmClient['createRequest']>[0]['target'], idempotencyKey: string) =>
      client.createRequest({ description: 'Richiesta contatto', withOrder: false, target, channel: 'CONSIP8', idempotencyKey, fingerprint: idempotencyKey });
    expect((await create({ kind: 'FixedLine', id: '066633987' }, 'kind-1')).request)
      .toMatchObject({ lineNumber: '066633987', contractNumber: '066633987', companyId: '1-VALL01' });
    expect((await create({ kind: 'Contract', id: '888010088938' }, 'kind-2')).request)
      .toMatchObject({ lineNumber: null, contractNumber: '888010088938', companyId: '1-KRSH01' });
    expect((await create({ kind: 'Company', id: '1-KRSH01' }, 'kind-3')).request).toMatchObject({ lineNumber: null, contractNumber: null, companyId: '1-KRSH01' });
    expect((await create({ kind: 'Referent', id: 'vincenzo.roa', contractNumber: '888010088938' }, 'kind-4')).request)
      .toMatchObject({ contractNumber: '888010088938', companyId: '1-KRSH01' });
    expect((await create({ kind: 'None', companyId: '1-KRSH01' }, 'kind-5')).request).toMatchObject({ contractNumber: null, companyId: '1-KRSH01' });
    await expect(create({ kind: 'Contract', id: '999999999' }, 'kind-6')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('refuses a key used for another request (another fingerprint) with BAD_USER_INPUT, and replays it by key and fingerprint', async () => {
    const first = await onLine('Servizi di rete', '3343860902', 'net-1', false);
    await expect(onLine('Servizi di rete', '3343860902', 'net-1', false, 'another-fingerprint'))
      .rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' } });
    expect(await client.findCreatedRequest('net-1', 'fp-net-1')).toEqual(first);
    expect(await client.findCreatedRequest('never-used', 'fp')).toBeNull();
    await expect(client.findCreatedRequest('net-1', 'another-fingerprint')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses an unknown line with NOT_FOUND, without naming it', async () => {
    const failure = await block('unknown-1', '3999999999').catch((e: unknown) => e);
    expect(failure).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect((failure as Error).message).toBe('This record does not exist.');
  });
});
