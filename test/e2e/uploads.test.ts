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
 * Issue 19 item 8: only users who may run an operation that takes a file (the IMEI block, the deferred activation:
 * the ROA) upload, at most UPLOADS_PER_HOUR files each.
 */
/** Above the 64 KiB the type is read from, so that a streamed upload is cut off on its way to CRM. */
const MAX_BYTES = 256 * 1024;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const UPLOADS_PER_HOUR = 20;
/** vincenzo.roa: the ROA who blocks an IMEI with the documents he uploads. */
const VINCENZO = '1-U0030';
const LUCA = '1-U0002';

let stack: TestStack;
let token: string;
let crm: LegacyHttp;
beforeAll(async () => {
  stack = await startTestStack({ componentEnv: { gateway: { UPLOAD_MAX_BYTES: String(MAX_BYTES), UPLOADS_PER_HOUR: String(UPLOADS_PER_HOUR) } } });
  token = await tokenFor(stack, 'vincenzo.roa');
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
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as { id?: string; contentType?: string; size?: number; errors?: { message: string; extensions: { code: string } }[] },
  };
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

  it('does not count uploads cut off over the limit against CRM: after six of them a good upload is stored', async () => {
    const large = Buffer.concat([minimalPdf('grande'), Buffer.alloc(MAX_BYTES)]);
    for (let i = 0; i < 6; i++) {
      const cutOff = await upload(new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(large));
          controller.close();
        },
      }));
      expect(cutOff.status).toBe(413);
    }
    expect((await upload(new Uint8Array(minimalPdf('dopo')))).status).toBe(201);
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
    await expect(claim([id], VINCENZO, ['application/pdf'])).resolves.toEqual([id]);
    await expect(claim([id], VINCENZO, ['application/pdf'])).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.document' } });
  });

  it('refuses a list uploaded under a .pdf name where a PDF is required, and an unknown id', async () => {
    const { body } = await upload('numero;iccid\n3471000001;8939010000000000001\n', { claimedType: 'application/pdf' });
    expect(body.contentType).toBe('text/csv');
    await expect(claim([body.id!], VINCENZO, ['application/pdf', 'image/jpeg', 'image/png'])).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(claim(['ALL-unknown'], VINCENZO, ['application/pdf'])).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    // The refused claim used nothing: the list is still there for the operation that takes CSV.
    await expect(claim([body.id!], VINCENZO, ['text/csv'])).resolves.toEqual([body.id]);
  });
});

describe('who may upload, and how much (issue 19 item 8)', () => {
  it('refuses a UT, whom no operation lets send a file, with 403 before a byte reaches CRM', async () => {
    const before = storedAttachments();
    const ut = await upload(new Uint8Array(minimalPdf('non serve a nulla')), { bearer: await tokenFor(stack, 'giada.mantesi') });
    expect(ut.status).toBe(403);
    expect(ut.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/No operation you may run takes a file/) });
    expect(storedAttachments()).toBe(before);
  });

  it(`takes ${UPLOADS_PER_HOUR} files an hour from one ROA, then answers 429 with Retry-After and stores nothing more; another ROA has his own quota`, async () => {
    const pasquale = await tokenFor(stack, 'pasquale.eu');
    const stored = await Promise.all(Array.from({ length: UPLOADS_PER_HOUR }, () => upload(new Uint8Array(PNG), { bearer: pasquale })));
    expect(stored.map((u) => u.status)).toEqual(Array(UPLOADS_PER_HOUR).fill(201));
    const before = storedAttachments();
    const over = await upload(new Uint8Array(PNG), { bearer: pasquale });
    expect(over.status).toBe(429);
    expect(over.body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(over.retryAfter)).toBeGreaterThan(3_000);
    expect(storedAttachments()).toBe(before);
    expect((await upload(new Uint8Array(PNG), { bearer: await tokenFor(stack, 'massimiliano.roa') })).status).toBe(201);
    const metrics = await (await fetch(new URL('/metrics', stack.gatewayUrl))).text();
    expect(metrics).toMatch(/onegraph_uploads_total\{outcome="quota"\} 1/);
    expect(metrics).toMatch(/onegraph_uploads_total\{outcome="no_operation"\} [1-9]/);
  });
});
