/**
 * A preload (`node --import`) for the egress test: records every outgoing connection attempt of the process it is
 * loaded into (TCP and TLS sockets, which undici and fetch use too; UDP; DNS look-ups) as JSON lines in
 * `$RECORD_CONNECTIONS_DIR/<pid>.jsonl`, then lets the call go on unchanged. Plain .mjs, so that it loads before tsx.
 *
 * It only observes: every patched function calls the original with the same arguments and returns its result, and
 * a failure to record is swallowed, so the process behaves as it would without it.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';
import { join } from 'node:path';

const dir = process.env.RECORD_CONNECTIONS_DIR;
if (dir) {
  const file = join(dir, `${process.pid}.jsonl`);
  const entryPoint = process.argv[1] ?? '';
  const record = (kind, host, port) => {
    try {
      appendFileSync(file, `${JSON.stringify({ entryPoint, kind, host: host === undefined ? undefined : String(host), port })}\n`);
    } catch {
      // Recording must never change what the process does.
    }
  };
  mkdirSync(dir, { recursive: true });
  // The first line proves the preload ran in this process, so that "no attempts" cannot mean "not recorded".
  record('start');

  /** Wraps `owner[name]` so that `describe(args)` is recorded before the original runs. */
  const observe = (owner, name, describe) => {
    const original = owner[name];
    if (typeof original !== 'function') return;
    owner[name] = function (...args) {
      try {
        describe(args);
      } catch {
        // ditto
      }
      return original.apply(this, args);
    };
  };

  // net.connect, tls.connect, http(s).request and undici all end in Socket.prototype.connect. Node calls it with
  // (options), (port, host), (path) or, internally, an already normalised [options, callback] array.
  observe(net.Socket.prototype, 'connect', (args) => {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (typeof first === 'object' && first !== null) {
      if (first.path) record('ipc', first.path);
      else record('tcp', first.host ?? 'localhost', first.port);
    } else if (typeof first === 'string' && Number.isNaN(Number(first))) {
      record('ipc', first);
    } else {
      record('tcp', typeof args[1] === 'string' ? args[1] : 'localhost', first);
    }
  });

  observe(dgram.Socket.prototype, 'connect', (args) => record('udp', typeof args[1] === 'string' ? args[1] : 'localhost', args[0]));
  observe(dgram.Socket.prototype, 'send', (args) => {
    // send(msg, [offset, length,] port, address, callback): the port is the first number after the message that is
    // followed by a string (or the only remaining number on a connected socket, already recorded by connect).
    const rest = args.slice(1);
    const portIndex = rest.findIndex((value, i) => typeof value === 'number' && typeof rest[i + 1] === 'string');
    if (portIndex >= 0) record('udp', rest[portIndex + 1], rest[portIndex]);
  });

  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveTxt']) {
    observe(dns, name, (args) => record('dns', args[0]));
    observe(dns.promises, name, (args) => record('dns', args[0]));
  }
  observe(dns.Resolver.prototype, 'resolve', (args) => record('dns', args[0]));
  observe(dns.promises.Resolver.prototype, 'resolve', (args) => record('dns', args[0]));
}
