/**
 * A steady read load: `workers` loops each sending the next request as soon as the last one is answered, until
 * stopped. Every answer that is not a 200 with data and no error is kept, to be asserted on.
 */
export interface SteadyLoad {
  /** Resolves once `count` more requests have been answered from now. */
  answered(count: number): Promise<void>;
  /** Stops the loops, waits for the requests in flight, and gives what was sent and what failed. */
  stop(): Promise<{ sent: number; failures: { status: number; codes: string[] }[] }>;
}

export function steadyLoad(send: () => Promise<{ status: number; body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }>, workers = 2): SteadyLoad {
  let running = true;
  let sent = 0;
  let done = 0;
  const waiters: { at: number; resolve: () => void }[] = [];
  const failures: { status: number; codes: string[] }[] = [];
  const loop = async () => {
    while (running) {
      sent++;
      try {
        const { status, body } = await send();
        if (status !== 200 || !body.data || body.errors?.length) failures.push({ status, codes: (body.errors ?? []).map((e) => String(e.extensions?.code)) });
      } catch (err) {
        failures.push({ status: 0, codes: [err instanceof Error ? err.message : String(err)] });
      }
      done++;
      for (const w of waiters.filter((w) => w.at <= done)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const loops = Array.from({ length: workers }, loop);
  return {
    answered: (count) => new Promise((resolve) => waiters.push({ at: done + count, resolve })),
    async stop() {
      // A second stop (a finally after the test's own) gives the same figures.
      running = false;
      await Promise.all(loops);
      return { sent, failures };
    },
  };
}
