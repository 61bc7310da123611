import type { ServerResponse } from 'node:http';
import { bulkhead } from 'cockatiel';
import { admissionQueued, admissionShed, admissionWait, metricsEnabled } from '../../observability/metrics';
import { refuse } from '../../stack/http/refuse';

export interface AdmissionSettings {
  /** GraphQL requests executing at once in this gateway process. */
  maxConcurrent: number;
  /** Requests waiting for a slot, first come first served; one more is refused at once. */
  maxQueued: number;
  /** How long a request may wait for a slot before it is refused. */
  maxWaitMs: number;
}

/**
 * One dashboard has at most two CRM calls under way at once on one subgraph (bench/scenarios.ts DASHBOARD_CHAIN):
 * 16 of them executing stay within each subgraph's 32 CRM calls in flight (MAX_IN_FLIGHT), its legacy queue empty,
 * so that an overload waits here, cheaply and in order, instead of timing out against the legacy systems. On the
 * bench's ladder (issue 24, 2 busy cores) 16 gave the unlimited gateway's best throughput at 100 connections, and no
 * error at 400 where the unlimited one failed; 8 answered everything too but with less throughput.
 */
export const DEFAULT_ADMISSION: AdmissionSettings = { maxConcurrent: 16, maxQueued: 1000, maxWaitMs: 20_000 };

/** What a refused client is told to wait before it tries again. */
const RETRY_AFTER_SECONDS = 2;

/** Runs `serve` once one of the process's slots is free, or answers a retryable 503 instead. */
export type Admission = (res: ServerResponse, serve: () => Promise<void>) => Promise<void>;

/**
 * Admission control at the gateway's front, as Apollo Router's concurrency limit: at most `maxConcurrent` GraphQL
 * requests execute, up to `maxQueued` more wait in a FIFO queue (cockatiel's bulkhead, as for legacy calls), each
 * for at most `maxWaitMs`. Beyond the queue or the wait: HTTP 503 with `Retry-After` and SERVICE_UNAVAILABLE, the
 * code of a draining gateway, which clients already retry; refuse() logs it once and counts it, without the request.
 * A request whose client leaves while it waits is dropped without running.
 */
export function admissionControl(s: AdmissionSettings): Admission {
  const slots = bulkhead(s.maxConcurrent, s.maxQueued);
  return async (res, serve) => {
    // Exact, the process being single-threaded: the bulkhead would refuse this one (BulkheadRejectedError).
    if (slots.executionSlots === 0 && slots.queueSlots === 0) return shed(res, 'queue_full');
    const queuedAt = performance.now();
    const waitedS = () => (performance.now() - queuedAt) / 1000;
    // The bulkhead keeps a request that gave up in its queue (it has no way to remove one): when its turn comes, it
    // returns at once and frees the slot for the next. An abort signal would not do: cockatiel would skip the
    // request without dequeuing the one after it.
    let state: 'waiting' | 'queued' | 'running' | 'gave up' = 'waiting';
    let timer: NodeJS.Timeout | undefined;
    let gaveUp: () => void = () => {};
    const leaveQueue = (next: typeof state) => {
      if (state === 'queued' && metricsEnabled) admissionQueued.dec();
      clearTimeout(timer);
      res.off('close', clientLeft);
      state = next;
      if (next === 'gave up') gaveUp();
    };
    const clientLeft = () => leaveQueue('gave up');
    const run = slots.execute(async () => {
      if (state === 'gave up') return;
      leaveQueue('running');
      if (metricsEnabled) admissionWait.observe({ outcome: 'admitted' }, waitedS());
      await serve();
    });
    if (state === 'waiting') {
      // It did not start at once: it waits in the queue.
      state = 'queued';
      if (metricsEnabled) admissionQueued.inc();
      res.once('close', clientLeft);
      timer = setTimeout(() => {
        leaveQueue('gave up');
        if (metricsEnabled) admissionWait.observe({ outcome: 'shed' }, waitedS());
        shed(res, 'wait_exceeded');
      }, s.maxWaitMs);
    }
    // A request that gave up is answered (or its client gone) now, not when its place in the queue comes up.
    await Promise.race([run, new Promise<void>((resolve) => { gaveUp = resolve; })]);
  };
}

function shed(res: ServerResponse, reason: 'queue_full' | 'wait_exceeded'): void {
  if (metricsEnabled) admissionShed.inc({ reason });
  res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
  refuse(res, 503, 'SERVICE_UNAVAILABLE', 'The service is busy; try again shortly.', true);
}
