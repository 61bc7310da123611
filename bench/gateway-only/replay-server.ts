import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { announceReady } from '../../stack/process';
import { replayKey, requestBody, userOf, type RecordedAnswer, type Recordings } from './replay-key';

/**
 * The six subgraphs of the gateway-only benchmark in one process: every fetch answered from memory with what the
 * real subgraph answered when it was recorded (bench/gateway-only/recorder.ts), so that only the gateways load
 * the cores, as in The Guild's federation benchmark. POST /<subgraph>; a request that was not recorded is refused
 * loudly (HTTP 500 with a GraphQL error naming it, and a line on stderr): a replay that guessed would measure
 * something else. GET /stats says how many were answered and refused.
 *
 * Env: RECORDINGS (the recordings file), HOST, PORT (0: one the OS picks).
 */
const recordings = JSON.parse(readFileSync(process.env.RECORDINGS!, 'utf8')) as Recordings;
const answers = new Map(Object.entries(recordings).map(([key, answer]) => [key, prepared(answer)]));
/**
 * The user and the exact bytes a gateway sent → their answer, filled on the first hit: gateways send the same bytes for the
 * same fetch, so most requests skip the JSON parse and the query normalisation. Bounded by the recordings' size.
 */
const byExactBody = new Map<string, Prepared>();
let answered = 0;
let refused = 0;

interface Prepared { status: number; headers: Record<string, string | number>; body: Buffer }

function prepared(answer: RecordedAnswer): Prepared {
  const body = Buffer.from(answer.body);
  return { status: answer.status, headers: { ...answer.headers, 'content-length': body.length }, body };
}

function lookUp(subgraph: string, user: string, sent: string): Prepared | undefined {
  const exact = `${subgraph}\n${user}\n${sent}`;
  const known = byExactBody.get(exact);
  if (known) return known;
  const found = answers.get(replayKey(subgraph, user, JSON.parse(sent)));
  if (found && byExactBody.size < answers.size * 16) byExactBody.set(exact, found);
  return found;
}

const server = createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ answered, refused, recordings: answers.size }));
    return;
  }
  const subgraph = (req.url ?? '').slice(1);
  const sent = await requestBody(req);
  let answer: Prepared | undefined;
  try {
    answer = lookUp(subgraph, userOf(req.headers), sent);
  } catch {
    answer = undefined;
  }
  if (!answer) {
    refused++;
    if (refused <= 5) process.stderr.write(`replay: no recording for a fetch to ${subgraph}: ${sent.slice(0, 400)}\n`);
    res.writeHead(500, { 'content-type': 'application/json' })
      .end(JSON.stringify({ errors: [{ message: `replay: no recording for this fetch to ${subgraph}` }] }));
    return;
  }
  answered++;
  res.writeHead(answer.status, answer.headers).end(answer.body);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
await once(server, 'listening');
const { port } = server.address() as AddressInfo;
announceReady({ name: 'replay', url: `http://127.0.0.1:${port}` });
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
