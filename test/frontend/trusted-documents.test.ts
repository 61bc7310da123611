import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { frontendSettingsOf } from '../../gateway/config/frontend-settings';
import { sha256, trustedDocuments } from '../../gateway/front/trusted-documents/trusted-documents';

/**
 * Trusted documents per client (issue 14 item 4), on manifests in the format graphql-codegen's client preset
 * writes. The CM8 portal's manifest enforced by the running gateway: gateway-front.test.ts.
 */
const dir = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINES = 'query Lines { mobileLines { totalCount } }';
const OTHER = 'query Other { viewer { displayName } }';
function manifest(name: string, docs: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(Object.fromEntries(docs.map((d) => [`sha256:${sha256(d)}`, d]))));
  return path;
}

describe('a client in mode enforce', () => {
  const decide = trustedDocuments({ portal: { mode: 'enforce', manifest: manifest('portal.json', [LINES]) } });

  it('runs its manifest\'s documents, sent by hash (the text comes from the manifest) or as the exact text', () => {
    expect(decide({ name: 'portal' }, { documentId: `sha256:${sha256(LINES)}` })).toEqual({ ok: true, body: { query: LINES } });
    const apq = { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(LINES) } } };
    expect(decide({ name: 'portal' }, apq)).toEqual({ ok: true, body: { ...apq, query: LINES } });
    expect(decide({ name: 'portal' }, { query: LINES })).toEqual({ ok: true, body: { query: LINES } });
  });

  it('refuses any other document with a code saying why', () => {
    expect(decide({ name: 'portal' }, { query: OTHER })).toMatchObject({ ok: false, status: 400, code: 'QUERY_NOT_IN_SAFELIST' });
    expect(decide({ name: 'portal' }, { documentId: `sha256:${sha256(OTHER)}` })).toMatchObject({ ok: false, code: 'PERSISTED_QUERY_NOT_IN_LIST' });
    expect(decide({ name: 'portal' }, { query: `${LINES} ` })).toMatchObject({ ok: false }); // not the reviewed text
  });

  it('leaves other clients and tokens naming no client alone, unless unnamed clients are refused', () => {
    expect(decide({ name: 'another-app' }, { query: OTHER })).toEqual({ ok: true, body: { query: OTHER } });
    expect(decide({}, { query: OTHER })).toEqual({ ok: true, body: { query: OTHER } });
  });
});

describe('unnamed clients refused (TRUSTED_DOCUMENTS_UNNAMED_CLIENTS=refuse, production\'s default)', () => {
  it('runs nothing for a token naming no client or one not in the setting; `*` still covers them; a named client is unchanged', () => {
    const portal = manifest('portal-only.json', [LINES]);
    const decide = trustedDocuments({ portal: { mode: 'enforce', manifest: portal }, script: { mode: 'off', manifest: null } }, 'refuse');
    for (const unnamed of [{}, { name: 'not-configured' }]) {
      expect(decide(unnamed, { query: LINES })).toMatchObject({ ok: false, status: 400, code: 'QUERY_NOT_IN_SAFELIST', message: expect.stringMatching(/registered client/) });
    }
    expect(decide({ name: 'portal' }, { query: LINES }).ok).toBe(true);
    expect(decide({ name: 'script' }, { query: OTHER }).ok).toBe(true);
    const starred = trustedDocuments({ '*': { mode: 'enforce', manifest: portal } }, 'refuse');
    expect(starred({}, { query: LINES }).ok).toBe(true);
  });

  it('is the default with NODE_ENV=production only', () => {
    const v = { TRUSTED_DOCUMENTS: {} };
    expect(frontendSettingsOf(v, true).unnamedClients).toBe('refuse');
    expect(frontendSettingsOf(v, false).unnamedClients).toBe('allow');
    expect(frontendSettingsOf({ ...v, TRUSTED_DOCUMENTS_UNNAMED_CLIENTS: 'allow' }, true).unnamedClients).toBe('allow');
  });
});

describe('modes log and off, and `*`', () => {
  it('log runs an unknown document; off runs anything; `*` covers the clients not named', () => {
    const decide = trustedDocuments({
      watched: { mode: 'log', manifest: manifest('watched.json', [LINES]) },
      free: { mode: 'off', manifest: null },
      '*': { mode: 'enforce', manifest: manifest('any.json', [LINES]) },
    });
    expect(decide({ name: 'watched' }, { query: OTHER })).toEqual({ ok: true, body: { query: OTHER } });
    expect(decide({ name: 'free' }, { query: OTHER })).toEqual({ ok: true, body: { query: OTHER } });
    expect(decide({ name: 'unnamed-app' }, { query: OTHER })).toMatchObject({ ok: false, code: 'QUERY_NOT_IN_SAFELIST' });
    expect(decide({}, { query: LINES })).toMatchObject({ ok: true });
  });
});

describe('manifests', () => {
  // A manifest is looked at again at most once a second (stack/watched-file.ts, by Date): the clock is moved past
  // that second rather than waited out.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const aSecondLater = () => vi.setSystemTime(Date.now() + 1100);

  it('are read again when the file changes, without a restart; a broken one keeps the last good one', async () => {
    const path = manifest('reloaded.json', [LINES]);
    const decide = trustedDocuments({ portal: { mode: 'enforce', manifest: path } });
    expect(decide({ name: 'portal' }, { query: OTHER }).ok).toBe(false);
    manifest('reloaded.json', [LINES, OTHER]);
    aSecondLater();
    expect(decide({ name: 'portal' }, { query: OTHER }).ok).toBe(true);
    writeFileSync(path, '{ not json');
    aSecondLater();
    expect(decide({ name: 'portal' }, { query: OTHER }).ok).toBe(true);
  });

  it('name the registered operations, every manifest\'s whatever its mode, following a reload (the metrics\' operation label)', async () => {
    const path = manifest('named.json', [LINES]);
    const trusted = trustedDocuments({ portal: { mode: 'enforce', manifest: path }, watched: { mode: 'log', manifest: manifest('watched-names.json', [OTHER]) } });
    expect([...trusted.operationNames()].sort()).toEqual(['Lines', 'Other']);
    manifest('named.json', [LINES, 'query Invoices { invoices { totalCount } }']);
    aSecondLater();
    expect([...trusted.operationNames()].sort()).toEqual(['Invoices', 'Lines', 'Other']);
  });

  it('that are missing or broken stop the gateway at start', () => {
    expect(() => trustedDocuments({ portal: { mode: 'enforce', manifest: join(dir, 'missing.json') } })).toThrow();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ 'sha256:abc': 'query A { a }' }));
    expect(() => trustedDocuments({ portal: { mode: 'enforce', manifest: join(dir, 'bad.json') } })).toThrow(/sha256/);
    expect(() => trustedDocuments({ portal: { mode: 'enforce', manifest: manifest('unparsable.json', ['query {']) } })).toThrow(/does not parse/);
  });
});
