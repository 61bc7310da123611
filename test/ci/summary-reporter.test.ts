import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * CI reads the suite's last line, `N passed, N failed` (test/support/summary-reporter.ts). It must say "failed"
 * whenever vitest exits with 1: here vitest runs the reporter on the tiny files of
 * test/support/summary-reporter-fixtures/, one at a time, each failing in one way.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = 'test/support/summary-reporter-fixtures/vitest.config.ts';

function runFixture(name: string): { status: number | null; lastLine: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  const run = spawnSync(`${ROOT}node_modules/.bin/vitest`, ['run', '--config', CONFIG, `${name}.fixture.ts`], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, lastLine: run.stdout.trim().split('\n').at(-1) ?? '' };
}

describe('the summary line CI reads', () => {
  it.each([
    ['passes', 0, '1 passed, 0 failed'],
    ['fails-to-load', 1, '0 passed, 1 failed'],
    ['fails-to-collect', 1, '0 passed, 1 failed'],
    ['failing-hook', 1, '0 passed, 1 failed, 1 skipped'],
    ['failing-after-hook', 1, '1 passed, 1 failed'],
    ['unhandled-error', 1, '2 passed, 1 failed'],
  ])('%s: vitest exits %i and the line says "%s"', (fixture, status, line) => {
    expect(runFixture(fixture)).toEqual({ status, lastLine: line });
  }, 120_000);
});
