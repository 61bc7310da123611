import autocannon from 'autocannon';
import { percentile } from './floor';
import type { RequestContext } from './scenarios';

/**
 * Drives one gateway with autocannon from this process (the gateways run in their own processes), for a bounded
 * time or a bounded number of requests. Latencies are kept one by one so that p95 can be read too (autocannon's
 * summary has p90 and p97.5, not p95). A response counts as failed on a non-2xx status, a socket error or timeout,
 * or a GraphQL `errors` entry: a fast error must not pass for throughput.
 */
export interface LoadOptions {
  url: string;
  token: string;
  connections: number;
  /** Bounded run: seconds, or a number of requests (for the serial probes). */
  durationS?: number;
  amount?: number;
  nextBody(context: RequestContext): string;
  done?(context: RequestContext, ok: boolean): void;
}

export interface LoadResult {
  requests: number;
  ok: number;
  failed: number;
  /** First failure seen, to say what went wrong. */
  firstFailure?: string;
  durationS: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

const REQUEST_TIMEOUT_S = 30;

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  const fail = (why: string) => {
    failed++;
    firstFailure ??= why;
  };

  const instance = autocannon({
    url: opts.url,
    method: 'POST',
    connections: opts.connections,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.durationS ?? 10 }),
    timeout: REQUEST_TIMEOUT_S,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
    requests: [{
      setupRequest: (request, context) => ({ ...request, body: opts.nextBody(context as RequestContext) }),
      onResponse: (status, body, context) => {
        let success = false;
        if (status < 200 || status > 299) fail(`HTTP ${status}: ${body.slice(0, 300)}`);
        else if (body.includes('"errors"')) fail(body.slice(0, 300));
        else success = true;
        if (success) ok++;
        opts.done?.(context as RequestContext, success);
      },
    }],
  }, () => {});
  // The event carries the client first; the typings leave it out.
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const errors: string[] = [];
  instance.on('reqError', (err: Error) => errors.push(err.message));
  const result = await new Promise<autocannon.Result>((resolve) => instance.on('done', resolve));
  for (const why of errors) fail(`socket: ${why}`);
  if (result.timeouts) fail(`${result.timeouts} timeouts`);

  latencies.sort((a, b) => a - b);
  const durationS = result.duration;
  return {
    requests: latencies.length,
    ok,
    failed,
    firstFailure,
    durationS,
    rps: ok / durationS,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? NaN,
  };
}
