import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { admissionControl } from '../../gateway/limits/admission';
import { admissionQueued } from '../../observability/metrics';
import { eventually } from '../support/eventually';

/**
 * Issue 24 item 5, the queue of gateway/limits/admission.ts on a real socket: what the stack test cannot time, the
 * order of a queue whose clients leave. One slot; each request holds it until the test releases it.
 */
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => {
  server?.closeAllConnections();
  server ? server.close(() => resolve()) : resolve();
}));

function slowServer(settings: Parameters<typeof admissionControl>[0]) {
  const admit = admissionControl(settings);
  const started: string[] = [];
  const releases: (() => void)[] = [];
  server = createServer((req, res) => {
    void admit(res, async () => {
      started.push(req.url!.slice(1));
      await new Promise<void>((resolve) => releases.push(resolve));
      res.end('served');
    });
  });
  return new Promise<{ url: (name: string) => string; started: string[]; releaseNext: () => void }>((resolve) => {
    server!.listen(0, '127.0.0.1', () => resolve({
      url: (name) => `http://127.0.0.1:${(server!.address() as AddressInfo).port}/${name}`,
      started,
      releaseNext: () => releases.shift()?.(),
    }));
  });
}

/** Waits until the gateway's queue gauge says `n` requests wait: they reached the queue, in the order sent. */
async function queuedAre(n: number): Promise<void> {
  const queued = async () => (await admissionQueued.get()).values[0]?.value ?? 0;
  expect(await eventually(5_000, queued, (now) => now === n)).toBe(n);
}

describe('admission queue (issue 24 item 5)', () => {
  it('runs waiting requests in order of arrival, skipping one whose client left, without losing the slot', async () => {
    const s = await slowServer({ maxConcurrent: 1, maxQueued: 5, maxWaitMs: 10_000 });
    const first = fetch(s.url('first'));
    expect(await eventually(5_000, () => [...s.started], (now) => now.length >= 1)).toEqual(['first']);
    const leaving = new AbortController();
    const gone = fetch(s.url('gone'), { signal: leaving.signal }).catch(() => 'aborted');
    await queuedAre(1);
    const second = fetch(s.url('second'));
    await queuedAre(2);
    const third = fetch(s.url('third'));
    await queuedAre(3);
    leaving.abort();
    expect(await gone).toBe('aborted');
    await queuedAre(2); // the gateway saw the client leave
    s.releaseNext();
    expect(await (await first).text()).toBe('served');
    expect(await eventually(5_000, () => [...s.started], (now) => now.length >= 2)).toEqual(['first', 'second']);
    s.releaseNext();
    expect(await (await second).text()).toBe('served');
    expect(await eventually(5_000, () => [...s.started], (now) => now.length >= 3)).toEqual(['first', 'second', 'third']);
    s.releaseNext();
    expect(await (await third).text()).toBe('served');
  });

  it('answers 503 with Retry-After and SERVICE_UNAVAILABLE when the queue is full, at once', async () => {
    const s = await slowServer({ maxConcurrent: 1, maxQueued: 1, maxWaitMs: 10_000 });
    const first = fetch(s.url('first'));
    expect(await eventually(5_000, () => [...s.started], (now) => now.length >= 1)).toEqual(['first']);
    const queued = fetch(s.url('queued'));
    await queuedAre(1);
    const refused = await fetch(s.url('refused'));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    s.releaseNext();
    await first;
    expect(await eventually(5_000, () => [...s.started], (now) => now.length >= 2)).toEqual(['first', 'queued']);
    s.releaseNext();
    expect((await queued).status).toBe(200);
  });
});
