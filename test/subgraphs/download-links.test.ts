import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDownloadSigner, verifyDownload, type DownloadableFile } from '../../subgraphs/runtime/downloads';
import { signIdentity } from '../../subgraphs/runtime/identity';

/** The download link convention: what a subgraph signs is what the gateway reads back, and nothing else passes. */
const secret = new TextEncoder().encode('a-test-secret-of-at-least-32-characters!');
const PDF: DownloadableFile = { system: 'eBill', path: '/ebill/v1/fatture/7X00412066/pdf', fileName: '7X00412066.pdf', contentType: 'application/pdf' };
const tokenOf = (url: string) => url.split('/downloads/')[1];

describe('download links', () => {
  it('name the file, its name and type and the viewer, under the gateway route (absolute with a base URL)', async () => {
    const url = await createDownloadSigner({ secret, ttlSeconds: 300, baseUrl: 'https://graph.example.it/' }).urlFor(PDF, '1-U0001');
    expect(url).toMatch(/^https:\/\/graph\.example\.it\/downloads\/[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/); // a JWE, `dir`: no key part
    expect(await verifyDownload(tokenOf(url), secret)).toEqual({ ...PDF, userId: '1-U0001' });
    expect(await createDownloadSigner({ secret, ttlSeconds: 300, baseUrl: '' }).urlFor(PDF, '1-U0001')).toMatch(/^\/downloads\//);
  });

  it('are opaque (issue 19 item 10): no part of the token, decoded, shows the legacy path, the file name or the user id', async () => {
    const token = tokenOf(await createDownloadSigner({ secret, ttlSeconds: 300, baseUrl: '' }).urlFor(PDF, '1-U0001'));
    const decoded = [token, ...token.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1'))].join('\n');
    for (const secretPart of ['/ebill/', '7X00412066', '1-U0001']) expect(decoded).not.toContain(secretPart);
  });

  it('are refused when signed with another key, or when they are a gateway identity and not a link', async () => {
    const foreign = await createDownloadSigner({ secret: new TextEncoder().encode('another-secret-of-at-least-32-characters'), ttlSeconds: 300, baseUrl: '' })
      .urlFor(PDF, '1-U0001');
    expect(await verifyDownload(tokenOf(foreign), secret)).toBe('invalid');
    const identity = await signIdentity({ userId: '1-U0001', username: 'ginevra.vallisneri', name: 'GINEVRA VALLISNERI', grants: [] }, secret);
    expect(await verifyDownload(identity, secret)).toBe('invalid');
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('expire after their time', async () => {
    // The clock is moved past the lifetime rather than waited out: the link's expiry is read from Date.
    vi.useFakeTimers({ toFake: ['Date'] });
    const url = await createDownloadSigner({ secret, ttlSeconds: 1, baseUrl: '' }).urlFor(PDF, '1-U0001');
    expect(await verifyDownload(tokenOf(url), secret)).toEqual({ ...PDF, userId: '1-U0001' });
    vi.setSystemTime(Date.now() + 2_100);
    expect(await verifyDownload(tokenOf(url), secret)).toBe('expired');
  });
});
