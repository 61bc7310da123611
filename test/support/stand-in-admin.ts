import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultTable } from '../../legacy/runtime/faults';
import { startStandIn, type RunningStandIn, type StandInOptions } from '../../legacy/runtime/server';

/**
 * One stand-in in the test process: fresh SQLite in a temp dir, no latency, the clock pinned. Talks to it through
 * its admin port, as the integration tests do with the whole stack.
 */
export const PINNED_TODAY = '2026-03-15';

export interface TestStandIn {
  url: string;
  counters(): Promise<Record<string, number>>;
  resetCounters(): Promise<void>;
  setFaults(table: Record<string, FaultTable[string] | null>): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestStandIn(
  build: (env: NodeJS.ProcessEnv) => StandInOptions,
  env: Record<string, string> = {},
): Promise<TestStandIn> {
  // The runtime reads latency and the clock from process.env; each test file runs in its own worker.
  process.env.LATENCY_MS = '0';
  process.env.JITTER_MS = '0';
  process.env.LEGACY_TODAY = PINNED_TODAY;
  const dataDir = mkdtempSync(join(tmpdir(), 'stand-in-'));
  const running: RunningStandIn = await startStandIn(build({ ...process.env, DATA_DIR: dataDir, ...env }));
  const admin = (path: string, init?: RequestInit) => fetch(`${running.adminUrl}${path}`, init);
  return {
    url: running.url,
    counters: async () => (await admin('/counters')).json() as Promise<Record<string, number>>,
    resetCounters: async () => void (await admin('/counters/reset', { method: 'POST' })),
    setFaults: async (table) => void (await admin('/faults', { method: 'PUT', body: JSON.stringify(table) })),
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A stand-in and one real adapter on it for the calling test file: started before its tests, stopped after (the
 * client first). Read them inside a test, once `beforeAll` has run.
 */
export function standInUnderTest<C extends { close(): Promise<void> }>(
  build: (env: NodeJS.ProcessEnv) => StandInOptions, connect: (url: string) => C,
): { standIn: () => TestStandIn; client: () => C } {
  let standIn: TestStandIn;
  let client: C;
  beforeAll(async () => {
    standIn = await startTestStandIn(build);
    client = connect(standIn.url);
  });
  afterAll(async () => {
    await client?.close();
    await standIn?.stop();
  });
  return { standIn: () => standIn, client: () => client };
}
