import { createServer } from 'node:net';

/**
 * Whether `port` can be listened on at `host`, asked before anything starts: a busy port found by the gateway,
 * after the stand-ins and subgraphs, costs the whole start and ends in a stack trace.
 */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  if (port === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
