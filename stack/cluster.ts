import cluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { AggregatorRegistry } from 'prom-client';
import { logger } from '../observability/logger';
import { announceReady, onShutdown } from './process';

/**
 * Runs a server entry point as `workers` processes sharing one listening socket (node:cluster), so that a
 * CPU-bound server (the gateway plans, serialises and signs on one thread) can use every core. With one worker
 * nothing is forked: the process is the server, exactly as before.
 *
 * The primary prints the READY line once every worker listens (they share the port the first one was given, port 0
 * included) and forwards SIGTERM to the workers. A worker that dies unexpectedly is replaced. With an operators' port
 * (`OPS_PORT`), the primary serves it: one `/metrics` scrape is every worker's metrics summed (prom-client's
 * AggregatorRegistry), where a scrape of a worker would show only that worker.
 */
export interface ClusterServer { url: string; opsUrl?: string; stop(): Promise<void> }

/** `GATEWAY_WORKERS`-style setting: a positive integer, or `auto` for one worker per core. Default 1. */
export function workerCount(raw: string | undefined, name: string): number {
  if (raw === undefined || raw === '') return 1;
  if (raw === 'auto') return availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer or "auto", got "${raw}"`);
  return n;
}

export async function runClustered(
  name: string, { workers, opsPort, host = '127.0.0.1' }: { workers: number; opsPort?: number; host?: string }, startServer: () => Promise<ClusterServer>,
): Promise<void> {
  if (workers <= 1) {
    const server = await startServer();
    onShutdown(() => server.stop());
    announceReady({ name, url: server.url, ...(server.opsUrl && { opsUrl: server.opsUrl }) });
    return;
  }
  if (cluster.isWorker) {
    // Orphaned workers would keep the port: a worker goes when its primary does, however the primary ended.
    process.once('disconnect', () => process.exit(0));
    // prom-client answers the primary's requests for this worker's metrics once an AggregatorRegistry exists here.
    if (opsPort !== undefined) new AggregatorRegistry();
    const server = await startServer();
    onShutdown(() => server.stop());
    process.send!({ ready: server.url });
    return;
  }

  let stopping = false;
  const fork = () => {
    const worker = cluster.fork();
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      logger.error({ worker: worker.process.pid, code, signal }, `${name} worker exited; starting another`);
      fork();
    });
    return worker;
  };
  const urls = await Promise.all(Array.from({ length: workers }, () => waitReady(fork())));
  const opsUrl = opsPort === undefined ? undefined : await serveClusterMetrics(host, opsPort, () => !stopping);
  onShutdown(async () => {
    stopping = true;
    await Promise.all(Object.values(cluster.workers ?? {}).map((w) => w && stopWorker(w)));
  });
  announceReady({ name, url: urls[0]!, ...(opsUrl && { opsUrl }) });
}

/** The primary's operators' port: `/metrics` of every worker summed, `/health` and `/readiness` of the primary. */
async function serveClusterMetrics(host: string, port: number, ready: () => boolean): Promise<string> {
  const aggregator = new AggregatorRegistry();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/metrics') {
      aggregator.clusterMetrics().then((text) => {
        res.writeHead(200, { 'content-type': aggregator.contentType }).end(text);
      }, (err: unknown) => {
        logger.error({ err }, 'cluster metrics failed');
        res.writeHead(500).end();
      });
    } else if (path === '/health' || path === '/readiness') {
      const ok = path === '/health' || ready();
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ status: ok ? 'ok' : 'draining' }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  // Closed with the process: a scrape may come until the last worker has drained.
  server.unref();
  return `http://${host}:${(server.address() as AddressInfo).port}/`;
}

function waitReady(worker: Worker): Promise<string> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`worker ${worker.process.pid} exited (code ${code}) before listening`));
    worker.once('exit', onExit);
    worker.on('message', (message: { ready?: string }) => {
      if (!message?.ready) return;
      worker.off('exit', onExit);
      resolve(message.ready);
    });
  });
}

function stopWorker(worker: Worker): Promise<void> {
  if (worker.isDead()) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once('exit', () => resolve());
    worker.process.kill('SIGTERM');
  });
}
