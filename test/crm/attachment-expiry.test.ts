import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAttachmentUploader, type AttachmentUploader } from '../../adapters/crm';
import { callCrm, crmAuthorization, texts } from '../../adapters/crm/soap';
import { createLegacyHttp, type LegacyHttp } from '../../adapters/http';
import { crmStandIn } from '../../legacy/crm/standin';
import { minimalPdf } from '../../legacy/runtime/pdf';
import { BREAKER_NEVER_OPENS } from '../support/resilience';
import { startTestStandIn, type TestStandIn } from '../support/stand-in-admin';

/**
 * Issue 19 item 8: an upload no pratica claims does not stay in CRM for ever. The CRM stand-in on a real socket with
 * ATTACHMENT_TTL_SECONDS=1, the gateway's own uploader, and CRM's claim (UsaAllegati) as CreaPratica makes it.
 */
const OWNER = '1-U0030';
const dataDir = mkdtempSync(join(tmpdir(), 'crm-expiry-'));
let crm: TestStandIn;
let uploader: AttachmentUploader;
let soap: LegacyHttp;
beforeAll(async () => {
  crm = await startTestStandIn(crmStandIn, { ATTACHMENT_TTL_SECONDS: '1', DATA_DIR: dataDir });
  uploader = createAttachmentUploader({ url: crm.url, resilience: BREAKER_NEVER_OPENS, timeoutMs: 5_000, connections: 2 });
  soap = createLegacyHttp({ system: 'CRM', url: crm.url, headers: { authorization: crmAuthorization() } });
});
afterAll(async () => {
  await uploader?.close();
  await soap?.close();
  await crm?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Whether CRM still holds the attachment (read from its database, as an operator would). */
function stored(id: string): boolean {
  const db = new Database(join(dataDir, 'crm.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT 1 FROM allegati WHERE id = ?').get(id) !== undefined;
  } finally {
    db.close();
  }
}

const upload = () => uploader.upload({ owner: OWNER, contentType: 'application/pdf', content: Readable.from([minimalPdf('denuncia')]) });
const claim = (id: string) => callCrm(soap, 'UsaAllegati', { allegato: [id], utente: OWNER, tipoAmmesso: ['application/pdf'] },
  (answer) => texts(answer, 'allegato'), undefined, { [id]: 'input.theftReport' });

describe('unclaimed uploads expire in CRM', () => {
  it('deletes a file no pratica claimed within ATTACHMENT_TTL_SECONDS: its id is then refused like an unknown one', async () => {
    const kept = await upload();
    const forgotten = await upload();
    await expect(claim(kept)).resolves.toEqual([kept]);
    expect(stored(forgotten)).toBe(true);
    await vi.waitFor(() => expect(stored(forgotten)).toBe(false), { timeout: 5_000, interval: 200 });
    expect(stored(kept)).toBe(true);
    await expect(claim(forgotten)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.theftReport' } });
    // The claimed one stays with its use: claiming it again is refused as used, not swept away silently.
    await expect(claim(kept)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
