import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCrm, crmAuthorization, texts } from '../../adapters/crm/soap';
import { createLegacyHttp, type LegacyHttp } from '../../adapters/http';
import { attachmentCount } from '../../legacy/crm/attachments';
import { minimalPdf } from '../../legacy/runtime/pdf';
import { startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * Issue 9 item 6, uploads: POST /uploads on the gateway, the type from the content, the bytes in CRM's attachment
 * store under the uploader, and an id a pratica may use once, only for its owner and only of the type it needs.
 */
const MAX_BYTES = 64 * 1024;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const GINEVRA = '1-U0001';
const LUCA = '1-U0002';

let stack: TestStack;
let token: string;
let crm: LegacyHttp;
beforeAll(async () => {
  stack = await startTestStack({ componentEnv: { gateway: { UPLOAD_MAX_BYTES: String(MAX_BYTES) } } });
  token = await tokenFor(stack, 'ginevra.vallisneri');
  crm = createLegacyHttp({ system: 'CRM', url: stack.components.get('crm')!.url, headers: { authorization: crmAuthorization() } });
});
afterAll(async () => {
  await crm?.close();
  await stack?.stop();
});

const uploadsUrl = () => new URL('/uploads', stack.gatewayUrl);

/** What a browser does with a File: `fetch(url, { method: 'POST', body: file })`, the type guessed from its name. */
async function upload(body: BodyInit, opts: { claimedType?: string; bearer?: string | null } = {}) {
  const bearer = opts.bearer === undefined ? token : opts.bearer;
  const res = await fetch(uploadsUrl(), {
    method: 'POST',
    headers: { 'content-type': opts.claimedType ?? 'application/octet-stream', ...(bearer && { authorization: `Bearer ${bearer}` }) },
    body,
    ...(body instanceof ReadableStream && { duplex: 'half' }),
  } as RequestInit);
  return { status: res.status, body: (await res.json()) as { id?: string; contentType?: string; size?: number; errors?: { extensions: { code: string } }[] } };
}

/** CRM's claim, as CreaPratica makes it, through the adapter: `input.document` is the client's field for the id. */
function claim(ids: string[], owner: string, allowedTypes: string[]) {
  return callCrm(crm, 'UsaAllegati', { allegato: ids, utente: owner, tipoAmmesso: allowedTypes }, (answer) => texts(answer, 'allegato'), undefined,
    Object.fromEntries(ids.map((id) => [id, 'input.document'])));
}

function storedAttachments(): number {
  const db = new Database(join(stack.dataDir, 'crm.sqlite'), { readonly: true });
  try {
    return attachmentCount(db);
  } finally {
    db.close();
  }
}

describe('POST /uploads', () => {
  it('stores a PDF for the signed-in user and answers its id, type and size', async () => {
    const pdf = minimalPdf('denuncia di furto');
    const { status, body } = await upload(new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), { claimedType: 'application/pdf' });
    expect(status).toBe(201);
    expect(body).toEqual({ id: expect.stringMatching(/^ALL-/), contentType: 'application/pdf', size: pdf.length });
  });

  it('takes the type from the content, not from the name: PNG bytes named .pdf are a PNG', async () => {
    const { status, body } = await upload(new Uint8Array(PNG), { claimedType: 'application/pdf' });
    expect(status).toBe(201);
    expect(body.contentType).toBe('image/png');
  });

  it('takes a semicolon list of SIMs as CSV, and refuses text that is no list (415)', async () => {
    expect((await upload('numero;iccid\n3471000001;8939010000000000001\n')).body.contentType).toBe('text/csv');
    const prose = await upload('questa non è una lista di SIM\n', { claimedType: 'application/pdf' });
    expect(prose.status).toBe(415);
    expect(prose.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a file over the limit with 413 and keeps nothing, whether its length is declared or not', async () => {
    const before = storedAttachments();
    const large = Buffer.concat([minimalPdf('grande'), Buffer.alloc(MAX_BYTES)]);
    const declared = await upload(new Uint8Array(large), { claimedType: 'application/pdf' });
    expect(declared.status).toBe(413);
    const streamed = await upload(new ReadableStream({
      start(controller) {
        for (let at = 0; at < large.length; at += 8_192) controller.enqueue(large.subarray(at, at + 8_192));
        controller.close();
      },
    }));
    expect(streamed.status).toBe(413);
    expect(storedAttachments()).toBe(before);
  });

  it('refuses an upload without a bearer token with 401 and keeps nothing', async () => {
    const before = storedAttachments();
    const { status, body } = await upload(new Uint8Array(minimalPdf('anonimo')), { bearer: null });
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(storedAttachments()).toBe(before);
  });
});

describe('an uploaded id is used once, by its owner, for the type asked', () => {
  it('refuses another user, accepts the owner once, then refuses the second use: BAD_USER_INPUT naming the field', async () => {
    const { body } = await upload(new Uint8Array(minimalPdf('documento di identità')));
    const id = body.id!;
    await expect(claim([id], LUCA, ['application/pdf'])).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.document' } });
    await expect(claim([id], GINEVRA, ['application/pdf'])).resolves.toEqual([id]);
    await expect(claim([id], GINEVRA, ['application/pdf'])).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.document' } });
  });

  it('refuses a list uploaded under a .pdf name where a PDF is required, and an unknown id', async () => {
    const { body } = await upload('numero;iccid\n3471000001;8939010000000000001\n', { claimedType: 'application/pdf' });
    expect(body.contentType).toBe('text/csv');
    await expect(claim([body.id!], GINEVRA, ['application/pdf', 'image/jpeg', 'image/png'])).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(claim(['ALL-unknown'], GINEVRA, ['application/pdf'])).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    // The refused claim used nothing: the list is still there for the operation that takes CSV.
    await expect(claim([body.id!], GINEVRA, ['text/csv'])).resolves.toEqual([body.id]);
  });
});
