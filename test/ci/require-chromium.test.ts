import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

/**
 * `npm test` runs test/support/require-chromium.ts first (package.json `pretest`): without a headless Chromium the
 * suite stops at once with one line saying how to install it, instead of failing minutes later in the browser test.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

it('without a Chromium, npm test stops before the suite with one line saying how to install it', () => {
  const run = spawnSync(`${ROOT}node_modules/.bin/tsx`, ['test/support/require-chromium.ts'], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium-headless-shell' },
  });
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^npm test needs a headless Chromium .*apt-get install -y chromium-headless-shell.*CHROMIUM_PATH/);
}, 60_000);
