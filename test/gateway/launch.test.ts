import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchStack } from '../../stack/launch';

const dataDir = mkdtempSync(join(tmpdir(), 'onegraph-launch-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('launchStack', () => {
  it('fails naming the process that did not become ready, with the tail of its stderr', async () => {
    const launch = launchStack({
      dataDir,
      forwardLogs: false,
      // An invalid setting makes the IdP refuse to start, whatever else is already in the tree.
      componentEnv: { idp: { LARGE_CUSTOMERS: 'not a spec' } },
    });
    await expect(launch).rejects.toThrow(/idp \(legacy\/idp\/main\.ts\) exited \(code 1\) before READY[\s\S]*last stderr[\s\S]*LARGE_CUSTOMERS/);
  });

  it('issue 23: a process late for its READY deadline is named, with the machine\'s load and the setting that raises the deadline', async () => {
    const launch = launchStack({ dataDir, forwardLogs: false, readyTimeoutMs: 1 });
    await expect(launch).rejects.toThrow(/crm \(legacy\/crm\/main\.ts\) did not print READY within 1 ms \(started \d+ ms ago; load average [\d.]+ on \d+ cores; a slow machine can raise STACK_READY_TIMEOUT_MS\)/);
  });
});
