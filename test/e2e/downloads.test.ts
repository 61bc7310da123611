import { setTimeout as tick } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * Issue 9 item 6, downloads (BIL-03): `Invoice.documentUrl` is a short-lived link signed by the billing subgraph;
 * a browser follows it without any header and the gateway streams the PDF from the system that issued the invoice.
 */
const TTL_SECONDS = 10;
const LINKS = `{
  invoice(number: "7X00412066") { documentUrl }
  invoices(kind: FIXED, first: 1) { nodes { number documentUrl } }
}`;

let stack: TestStack;
let mobileLink: URL;
let fixedLink: { number: string; url: URL };
/** When the links were signed: the expiry is counted from here. */
let signedAt: number;
beforeAll(async () => {
  stack = await startTestStack({ componentEnv: { billing: { DOWNLOAD_URL_TTL_SECONDS: String(TTL_SECONDS) } } });
  const token = await tokenFor(stack, 'ginevra.vallisneri');
  signedAt = Date.now();
  const { body } = await graphql(stack, LINKS, {}, token);
  expect(body.errors).toBeUndefined();
  mobileLink = new URL(body.data.invoice.documentUrl, stack.gatewayUrl);
  const [fixed] = body.data.invoices.nodes;
  fixedLink = { number: fixed.number, url: new URL(fixed.documentUrl, stack.gatewayUrl) };
});
afterAll(async () => {
  await stack?.stop();
});

/** A plain link, as a browser follows it: no Authorization header, no cookie. */
const follow = (url: URL | string) => fetch(url);

async function refusal(res: Response) {
  return { status: res.status, body: (await res.json()) as { errors: { message: string; extensions: { code: string } }[] } };
}

describe('BIL-03 invoice PDFs by signed link', () => {
  it('serves the mobile invoice PDF from eBill to a plain GET, with its file name', async () => {
    const res = await follow(mobileLink);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="7X00412066.pdf"');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('%%EOF');
  });

  it('serves the fixed invoice PDF from EBPFA the same way', async () => {
    const res = await follow(fixedLink.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${fixedLink.number}.pdf"`);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses a tampered link with 403: a changed byte in its content or in its tag, or a link not made by the graph', async () => {
    const token = mobileLink.pathname.split('/').pop()!;
    const [header, key, iv, ciphertext, tag] = token.split('.');
    const flip = (part: string) => `${part.slice(0, -2)}${part.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const forged of [[header, key, iv, flip(ciphertext), tag].join('.'), [header, key, iv, ciphertext, flip(tag)].join('.'), 'not-a-token']) {
      const { status, body } = await refusal(await follow(new URL(`/downloads/${forged}`, stack.gatewayUrl)));
      expect(status).toBe(403);
      expect(body.errors[0]).toMatchObject({ message: 'This download link is not valid.', extensions: { code: 'FORBIDDEN' } });
    }
  });

  it('shows whoever sees the link neither the file\'s place in eBill nor the viewer\'s CRM id (issue 19 item 10)', async () => {
    const decoded = mobileLink.pathname.split('/').pop()!.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1')).join('\n');
    for (const readable of ['/ebill/', '7X00412066', '1-U0001', 'ginevra']) expect(`${mobileLink.href}\n${decoded}`).not.toContain(readable);
  });

  it('refuses the same link once it has expired with 410, saying to ask for a new one', { timeout: 60_000 }, async () => {
    expect((await follow(mobileLink)).status).toBe(200);
    // Polled rather than slept for the whole lifetime: the link was signed in beforeAll, only the rest is left to wait.
    const deadline = signedAt + (TTL_SECONDS + 5) * 1000;
    let expired = await follow(mobileLink);
    while (expired.status === 200 && Date.now() < deadline) {
      await expired.body?.cancel();
      await tick(200);
      expired = await follow(mobileLink);
    }
    // Not before its time: the expiry has a one-second resolution.
    expect(Date.now() - signedAt).toBeGreaterThanOrEqual((TTL_SECONDS - 1) * 1000);
    const { status, body } = await refusal(expired);
    expect(status).toBe(410);
    expect(body.errors[0].message).toMatch(/expired.*new one/);
  });
});
