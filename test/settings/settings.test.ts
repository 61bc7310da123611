import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESILIENCE } from '../../adapters/resilience/settings';
import { readGatewaySettings } from '../../gateway/config/settings';
import { readStandInSettings } from '../../legacy/runtime/settings';
import { spawnEntryPoint } from '../../stack/launch';
import { SETTINGS_PAGES } from '../../stack/settings/readme';
import { readSubgraphSettings } from '../../subgraphs/runtime/settings';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = 'a-secret-of-at-least-32-characters!!';
const SUBGRAPH_ENV = { CRM_URL: 'http://crm', EBILL_URL: 'http://ebill', EBPFA_URL: 'http://ebpfa', GATEWAY_IDENTITY_SECRET: SECRET };
const GATEWAY_ENV = { AUTH_JWKS_URL: 'http://idp/jwks', CRM_URL: 'http://crm', GATEWAY_IDENTITY_SECRET: SECRET };

/** The message a process would print, or '' when the settings are accepted. */
function refusal(read: () => unknown): string {
  try {
    read();
    return '';
  } catch (err) {
    return (err as Error).message;
  }
}

describe('a bad environment is reported whole, each variable named with what it expects', () => {
  it('gateway: missing, malformed and out-of-range values in one message', () => {
    const message = refusal(() => readGatewaySettings({
      CRM_URL: 'ftp://crm', GATEWAY_IDENTITY_SECRET: 'short', PORT: 'eighty', MAX_COST: '0', LOG_LEVEL: 'loud',
      SUBGRAPH_URLS: '{"mobile":"not a url"}', GATEWAY_WORKERS: 'many', CRM_BREAKER_ERROR_RATE: '2',
    }));
    expect(message).toContain('AUTH_JWKS_URL must be set: an absolute http(s) URL');
    expect(message).toContain('CRM_URL must be an absolute http(s) URL, got "ftp://crm"');
    expect(message).toContain('PORT must be an integer ≥ 0, got "eighty"');
    expect(message).toContain('MAX_COST must be an integer ≥ 1, got "0"');
    expect(message).toContain('LOG_LEVEL must be one of "fatal", "error", "warn", "info", "debug", "trace", "silent", got "loud"');
    expect(message).toContain('SUBGRAPH_URLS.mobile must be an absolute http(s) URL');
    expect(message).toContain('GATEWAY_WORKERS must be a positive integer or "auto"');
    expect(message).toContain('CRM_BREAKER_ERROR_RATE must be a number between 0 and 1');
    // A secret is named, never echoed.
    expect(message).toContain('GATEWAY_IDENTITY_SECRET must be at least 32 characters');
    expect(message).not.toContain('short');
    expect(message.match(/^ {2}- /gm)).toHaveLength(9);
  });

  it('subgraph: every legacy endpoint it lacks, and garbage in the resilience variables', () => {
    const message = refusal(() => readSubgraphSettings({ GATEWAY_IDENTITY_SECRET: SECRET, LEGACY_READ_ATTEMPTS: 'two', VENDOR_TELEMETRY: 'yes' }));
    for (const name of ['CRM_URL', 'EBILL_URL', 'EBPFA_URL', 'LEGACY_READ_ATTEMPTS', 'VENDOR_TELEMETRY']) expect(message).toContain(name);
  });

  it('stand-in: its own tables (faults, generated customers) and the clock', () => {
    const message = refusal(() => readStandInSettings({ FAULTS: '[', LARGE_CUSTOMERS: 'big', LEGACY_TODAY: '23/11/2026', LATENCY_MS: '-1' }));
    for (const name of ['FAULTS', 'LARGE_CUSTOMERS', 'LEGACY_TODAY must be a date YYYY-MM-DD', 'LATENCY_MS']) expect(message).toContain(name);
  });

  it('a process started with a bad environment exits before READY, naming every offender', async () => {
    const start = spawnEntryPoint({
      name: 'account',
      entryPoint: 'subgraphs/account/main.ts',
      env: { ...process.env, ...SUBGRAPH_ENV, CRM_URL: '', EBILL_URL: 'ebill', SHUTDOWN_GRACE_MS: 'soon' },
      readyTimeoutMs: 60_000,
      forwardLogs: false,
    });
    await expect(start).rejects.toThrow(/exited \(code 1\) before READY[\s\S]*CRM_URL must be set[\s\S]*EBILL_URL must be[\s\S]*SHUTDOWN_GRACE_MS must be/);
  });
});

describe('test switches and demo keys are refused in production', () => {
  // What a production deployment sets from its secrets (deploy/): every key and password a process has a demo default for.
  const production = { NODE_ENV: 'production', CRM_PASSWORD: 'p', EBILL_API_KEY: 'k1', EBPFA_API_KEY: 'k2', PAYMENTS_SECRET_KEY: 'k3', IDP_ADMIN_KEY: 'k4' };

  it('a key or password left at its demo default stops a subgraph, naming each (issue 25 item 5)', () => {
    const message = refusal(() => readSubgraphSettings({ ...SUBGRAPH_ENV, NODE_ENV: 'production', EBILL_API_KEY: 'k1' }));
    for (const name of ['CRM_PASSWORD', 'EBPFA_API_KEY', 'PAYMENTS_SECRET_KEY', 'IDP_ADMIN_KEY']) {
      expect(message).toContain(`${name} is unset: its demo default is refused when NODE_ENV=production; set it from a secret`);
    }
    expect(message).not.toContain('EBILL_API_KEY');
    expect(message).not.toContain('onegraph'); // the demo values themselves are not echoed
  });

  it('a stand-in keeps its demo keys in production (it is a demo system, and warns at start)', () => {
    expect(readStandInSettings({ NODE_ENV: 'production' }).crm.password).toBe('onegraph');
  });

  it('POLICY_LAYER=off and LEGACY_TODAY stop a subgraph', () => {
    const message = refusal(() => readSubgraphSettings({ ...SUBGRAPH_ENV, ...production, POLICY_LAYER: 'off', LEGACY_TODAY: '2026-11-23' }));
    expect(message).toContain('POLICY_LAYER=off is a test switch, refused when NODE_ENV=production');
    expect(message).toContain('LEGACY_TODAY=2026-11-23 is a test switch, refused when NODE_ENV=production');
  });

  it('LEGACY_TODAY stops a stand-in', () => {
    expect(refusal(() => readStandInSettings({ ...production, LEGACY_TODAY: '2026-11-23' }))).toContain('LEGACY_TODAY');
  });

  it('the production values of the same variables are accepted, and the switches outside production', () => {
    expect(readSubgraphSettings({ ...SUBGRAPH_ENV, ...production, POLICY_LAYER: 'shield' })).toMatchObject({ policyLayer: 'shield', introspection: false });
    expect(readSubgraphSettings({ ...SUBGRAPH_ENV, NODE_ENV: 'test', POLICY_LAYER: 'off', LEGACY_TODAY: '2026-11-23' }).policyLayer).toBe('off');
  });
});

describe('values', () => {
  it('resilience: a system\'s own variable first, then LEGACY_, then the default', () => {
    const s = readSubgraphSettings({ ...SUBGRAPH_ENV, LEGACY_ATTEMPT_TIMEOUT_MS: '900', EBILL_ATTEMPT_TIMEOUT_MS: '800', LEGACY_BREAKER_ERROR_RATE: '0.3' });
    expect(s.ebill.resilience.attemptTimeoutMs).toBe(800);
    expect(s.crm.resilience.attemptTimeoutMs).toBe(900);
    expect(s.crm.resilience.breaker.errorRate).toBe(0.3);
    expect(s.ebpfa.resilience.maxQueued).toBe(DEFAULT_RESILIENCE.maxQueued);
  });

  it('an empty variable is unset; vendor telemetry is off unless asked for', () => {
    const s = readGatewaySettings({ ...GATEWAY_ENV, PORT: '', SUBGRAPH_TIMEOUT_MS: '' });
    expect(s).toMatchObject({ port: 0, subgraphTimeoutMs: 10_000, workers: 1 });
    expect(s.process.vendorTelemetry).toBe('off');
    expect(readGatewaySettings({ ...GATEWAY_ENV, VENDOR_TELEMETRY: 'on' }).process.vendorTelemetry).toBe('on');
  });
});

describe('the settings modules are the one source', () => {
  it('the settings tables of docs/ are not stale (npm run settings:readme)', () => {
    for (const [page, update] of Object.entries(SETTINGS_PAGES)) {
      const text = readFileSync(join(ROOT, page), 'utf8');
      expect(update(text), page).toBe(text);
    }
  });

  it('every settings row of docs/real-systems.md says its default and what it means (object-valued settings too)', () => {
    const rows = readFileSync(join(ROOT, 'docs/real-systems.md'), 'utf8').split('\n').filter((line) => /^\| `[A-Z][A-Z0-9_]+` \|/.test(line));
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) {
      const [, name, shownDefault, meaning] = row.split(' | ').map((cell) => cell.replace(/^\| /, ''));
      expect(shownDefault, name).not.toContain('[object Object]');
      expect(meaning?.replace(/ \|$/, '').trim(), `${name} has no meaning in docs/real-systems.md`).not.toBe('');
    }
    expect(rows.find((row) => row.startsWith('| `TRUSTED_DOCUMENTS`'))).toContain('"cm8-portal"');
  });

  it('no process code reads the environment outside them', () => {
    // The settings modules read it; the launcher hands it on to the processes it starts; vendor-telemetry writes
    // the one variable a library reads for itself.
    const allowed = new Set(['stack/launch.ts', 'observability/vendor-telemetry.ts',
      'gateway/config/settings.ts', 'subgraphs/runtime/settings.ts', 'legacy/runtime/settings.ts', 'stack/settings/launcher.ts', 'stack/settings/common.ts']);
    const offenders = ['gateway', 'subgraphs', 'adapters', 'legacy', 'stack', 'observability'].flatMap((dir) => filesUnder(join(ROOT, dir)))
      .filter((file) => file.endsWith('.ts') && /process\.env\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file))
      .filter((file) => !allowed.has(file));
    expect(offenders).toEqual([]);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
