import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopChild } from '../../stack/stop-child';
import { freePort } from './free-port';

/**
 * Debian's redis-server and HAProxy as the tests' real shared store and load balancer (installed by .ci/run).
 * Each is a child process the test stops; `stop()` waits for its exit.
 */
export interface SystemServer { url: string; port: number; stop(): Promise<void> }

const START_TIMEOUT_MS = 10_000;

async function untilAccepting(port: number, child: ChildProcess, name: string, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited at start (code ${child.exitCode}): ${output()}`);
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (accepted) return;
    if (Date.now() > deadline) throw new Error(`${name} did not listen within ${START_TIMEOUT_MS} ms: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function spawnServer(command: string, args: string[], name: string) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-4000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.once('error', (err) => { output += `\n${name}: ${err.message}`; });
  return { child, output: () => output };
}

/** A throwaway redis-server on loopback: no persistence, nothing left behind. */
export async function startRedis(port?: number): Promise<SystemServer> {
  const chosen = port ?? await freePort();
  const { child, output } = spawnServer('redis-server', ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], 'redis-server');
  try {
    await untilAccepting(chosen, child, 'redis-server', output);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return { url: `redis://127.0.0.1:${chosen}`, port: chosen, stop: () => stopChild(child) };
}

/** HAProxy's frontends, one per pool, by the pool's name. */
export interface LoadBalancer { urls: Record<string, string>; stop(): Promise<void> }

/**
 * HAProxy with one frontend per pool, in front of that pool's instances (origins such as `http://127.0.0.1:4101`),
 * round robin per request, each instance checked on `/readiness` every 100 ms, as a Kubernetes Service's endpoints
 * or a cloud load balancer would. An instance may be named before it runs (a rolling update's next pod): it is
 * down until it answers.
 */
export async function startHaproxy(pools: Record<string, string[]>): Promise<LoadBalancer> {
  const dir = mkdtempSync(join(tmpdir(), 'onegraph-haproxy-'));
  const ports = Object.fromEntries(await Promise.all(Object.keys(pools).map(async (name) => [name, await freePort()] as const)));
  const sections = Object.entries(pools).flatMap(([name, origins]) => [
    `frontend ${name}`, `  bind 127.0.0.1:${ports[name]}`, `  default_backend ${name}-instances`,
    `backend ${name}-instances`, '  balance roundrobin', '  option httpchk GET /readiness',
    ...origins.map((origin, i) => `  server ${name}${i + 1} ${new URL(origin).host} check inter 100ms fall 1 rise 1`),
  ]);
  const config = join(dir, 'haproxy.cfg');
  writeFileSync(config, [
    'global', '  maxconn 512',
    // A request an instance refused (503 while draining) or never took (connection refused, closed unanswered) is
    // sent to another: HAProxy's own answer to a rolling update, before the gateway's retry.
    'defaults', '  mode http', '  timeout connect 2s', '  timeout client 30s', '  timeout server 30s',
    '  retries 3', '  option redispatch 1', '  retry-on conn-failure empty-response 503',
    ...sections, '',
  ].join('\n'));
  const { child, output } = spawnServer('haproxy', ['-f', config, '-db'], 'haproxy');
  const stop = async () => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const port of Object.values(ports)) await untilAccepting(port, child, 'haproxy', output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { urls: Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, `http://127.0.0.1:${port}/`])), stop };
}
