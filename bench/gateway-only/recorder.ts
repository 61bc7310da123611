import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { HOP_BY_HOP, replayKey, requestBody, userOf, type Recordings } from './replay-key';

/**
 * A recording proxy in front of the real subgraphs: the gateways under test are pointed at it (SUBGRAPH_URLS), it
 * forwards each fetch unchanged (identity and correlation headers included, so the real subgraphs verify them as
 * always) and keeps the answer under its replay key. The plans and payloads replayed later are therefore the
 * real ones, for each gateway's own plan. A key answered twice with other data or errors is counted: the replay
 * would then hide a difference the real stack has (the extensions, e.g. the legacy calls a fetch made, which the
 * grants cache varies, do not count).
 */
export interface Recorder {
  /** Subgraph name → the proxy's URL for it. */
  urls: Record<string, string>;
  recordings(): Recordings;
  /** Keys seen again with another answer (the first is kept). */
  conflicts(): number;
  /** The first such key and where the two answers part, to say what differs. */
  firstConflict(): string | undefined;
  close(): Promise<void>;
}

export async function startRecorder(subgraphUrls: Record<string, string>): Promise<Recorder> {
  const recordings: Recordings = {};
  let conflicts = 0;
  let firstConflict: string | undefined;
  const server = createServer(async (req, res) => {
    try {
      const subgraph = (req.url ?? '').slice(1);
      const target = subgraphUrls[subgraph];
      if (!target) throw new Error(`no subgraph ${subgraph}`);
      const sent = await requestBody(req);
      const headers = Object.fromEntries(Object.entries(req.headers)
        .filter(([name, value]) => value !== undefined && name !== 'host' && name !== 'accept-encoding' && !HOP_BY_HOP.has(name))) as Record<string, string>;
      const answer = await request(target, { method: 'POST', headers, body: sent });
      const body = await answer.body.text();
      const kept = Object.fromEntries(Object.entries(answer.headers)
        .filter(([name, value]) => typeof value === 'string' && !HOP_BY_HOP.has(name))) as Record<string, string>;
      const key = replayKey(subgraph, userOf(req.headers), JSON.parse(sent));
      const earlier = recordings[key];
      if (!earlier) recordings[key] = { status: answer.statusCode, headers: kept, body };
      else if (!sameAnswer(earlier.body, body)) {
        conflicts++;
        firstConflict ??= describeConflict(key, earlier.body, body);
      }
      res.writeHead(answer.statusCode, kept).end(body);
    } catch (err) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`recorder: ${(err as Error).message}`);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    urls: Object.fromEntries(Object.keys(subgraphUrls).map((name) => [name, `http://127.0.0.1:${port}/${name}`])),
    recordings: () => recordings,
    conflicts: () => conflicts,
    firstConflict: () => firstConflict,
    async close() {
      if (!server.listening) return;
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function describeConflict(key: string, first: string, second: string): string {
  let at = 0;
  while (at < first.length && first[at] === second[at]) at++;
  const around = (text: string) => text.slice(Math.max(0, at - 80), at + 80);
  return `${key.slice(0, 200)}\n  first:  …${around(first)}…\n  second: …${around(second)}…`;
}

/** The same data and errors (the extensions aside). */
function sameAnswer(first: string, second: string): boolean {
  if (first === second) return true;
  try {
    const [a, b] = [JSON.parse(first), JSON.parse(second)];
    return JSON.stringify([a.data, a.errors]) === JSON.stringify([b.data, b.errors]);
  } catch {
    return false;
  }
}
