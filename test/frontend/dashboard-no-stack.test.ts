import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm run dashboard` before `npm start` (issue 25 item 5): one line saying what to start, not a stack trace. */
const SERVE = fileURLToPath(new URL('../../examples/dashboard/serve.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/esm/index.mjs', import.meta.url));
const cwd = mkdtempSync(join(tmpdir(), 'dashboard-no-stack-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const runDashboard = () => spawnSync(process.execPath, ['--import', TSX, SERVE], { cwd, encoding: 'utf8', timeout: 30_000 });

describe('npm run dashboard without a running stack', () => {
  it('says that no stack was found and how to start one', () => {
    const run = runDashboard();
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('npm run dashboard: no running stack was found (.data/stack.json is missing). Start the graph first with `npm start` (in another terminal), then run this again.');
  }, 30_000);

  it('says when the recorded gateway does not answer (a stack that was killed)', () => {
    mkdirSync(join(cwd, '.data'));
    writeFileSync(join(cwd, '.data/stack.json'), JSON.stringify({ gatewayUrl: 'http://127.0.0.1:9', idpUrl: 'http://127.0.0.1:9' }));
    const run = runDashboard();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the gateway at http://127.0.0.1:9 does not answer. Start the graph first with `npm start`');
  }, 30_000);
});
