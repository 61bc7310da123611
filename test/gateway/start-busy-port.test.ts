import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `npm start` on a busy port (issue 25 item 5): one line naming the port and the setting, before anything starts. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let busy: Server;
let port = 0;
beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  port = (busy.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

describe('npm start on a port already in use', () => {
  it('says which port and how to choose another, and starts nothing', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'stack/start.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PORT: String(port) }, timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`npm start: port ${port} is in use (another \`npm start\`?); stop it, or choose another port: PORT=4100 npm start`);
    expect(run.stdout).not.toContain('READY');
  }, 30_000);
});
