import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../stack/cluster';
import { graphql, tokenFor } from '../support/stack';
import { useStack } from '../support/use-stack';

/** Cluster mode (GATEWAY_WORKERS): several workers answer on the one URL, and they go when the gateway goes. */
const workersOf = (pid: number): number[] => {
  try {
    return execFileSync('ps', ['--ppid', String(pid), '-o', 'pid='], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // ps exits 1 when it lists nothing
  }
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('gateway cluster mode', () => {
  const stack = useStack({ componentEnv: { gateway: { GATEWAY_WORKERS: '2' } } });
  it('reads GATEWAY_WORKERS: a count, or auto for one per core; refuses anything else', () => {
    expect(workerCount(undefined, 'GATEWAY_WORKERS')).toBe(1);
    expect(workerCount('3', 'GATEWAY_WORKERS')).toBe(3);
    expect(workerCount('auto', 'GATEWAY_WORKERS')).toBeGreaterThanOrEqual(1);
    expect(() => workerCount('0', 'GATEWAY_WORKERS')).toThrow(/GATEWAY_WORKERS/);
  });

  it('answers through two workers and stops them with the gateway', async () => {
    const gatewayPid = stack.components.get('gateway')!.pid;
    const workers = workersOf(gatewayPid);
    expect(workers).toHaveLength(2);

    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const answers = await Promise.all(Array.from({ length: 4 }, () => graphql(stack, '{ viewer { username } }', {}, token)));
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect(body.data.viewer.username).toBe('ginevra.vallisneri');
    }

    // SIGTERM: the primary passes it on, waits for the workers to drain, and exits 0.
    expect(await stack.kill('gateway')).toEqual({ code: 0, signal: null });
    expect(workers.filter(alive)).toEqual([]);
  });
});
