import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComponentName } from '../../stack/launch';
import { graphql, setFaults, startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * Crash suite: a bounded stream of SIM blocks and unblocks, each with its own idempotency key and retried by the
 * client (same key) after any failure or client timeout, while CRM answers too late for a while, then the CRM
 * stand-in, the mobile subgraph and the gateway are killed with SIGKILL and restarted (same ports). Afterwards every acknowledged
 * operation exists exactly once in CRM, and each retry got the first attempt's outcome.
 */
/** Each line's stream runs until the chaos is over and two operations more, within this bound. */
const MAX_OPS_PER_LINE = 150;
/** A user's pace: the stream spans the whole chaos without piling up thousands of requests. */
const PAUSE_BETWEEN_OPS_MS = 100;
/** Shorter than the write's budget in the graph (1.2 s attempt): while CRM is slow, the client gives up first. */
const CLIENT_TIMEOUT_MS = 1_000;
const OP_DEADLINE_MS = 45_000;
const BLOCK = 'mutation($input: BlockSimInput!) { blockSim(input: $input) { request { id } line { status } } }';
const UNBLOCK = 'mutation($input: UnblockSimInput!) { unblockSim(input: $input) { request { id } line { status } } }';

let stack: TestStack;
let token: string;
beforeAll(async () => {
  stack = await startTestStack({ env: { MUTATIONS_PER_MINUTE: '10000', LEGACY_BREAKER_HALF_OPEN_AFTER_MS: '500' } });
  token = await tokenFor(stack, 'ginevra.vallisneri');
});
afterAll(async () => {
  await stack?.stop();
});

interface Tally { sent: number; retries: number; clientTimeouts: number; failuresSeen: Record<string, number> }
const tally: Tally = { sent: 0, retries: 0, clientTimeouts: 0, failuresSeen: {} };

/** Outcomes a retry must never see: they would mean the first attempt's effect was lost or doubled. */
const FATAL = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'LEGACY_REJECTED']);

/** Sends one operation until it is acknowledged (same key every time), or gives up at the deadline. */
async function untilAcknowledged(query: string, input: Record<string, string>): Promise<{ requestId: string; status: string } | null> {
  const deadline = Date.now() + OP_DEADLINE_MS;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    if (attempt > 0) {
      tally.retries++;
      await sleep(200);
    }
    tally.sent++;
    try {
      const res = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables: { input } }),
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      });
      const body = (await res.json()) as { data?: Record<string, { request: { id: string }; line: { status: string } } | null>; errors?: { extensions: { code: string } }[] };
      const outcome = body.data && Object.values(body.data)[0];
      if (outcome) return { requestId: outcome.request.id, status: outcome.line.status };
      const code = body.errors?.[0]?.extensions?.code ?? `HTTP ${res.status}`;
      tally.failuresSeen[code] = (tally.failuresSeen[code] ?? 0) + 1;
      if (FATAL.has(code)) throw new Error(`${input.idempotencyKey}: ${code} on attempt ${attempt + 1}`);
    } catch (err) {
      if (err instanceof Error && err.name === 'TimeoutError') tally.clientTimeouts++;
      else if (err instanceof Error && err.message.includes(input.idempotencyKey)) throw err;
      // The gateway being unreachable is a failure like any other: retry with the same key.
      else tally.failuresSeen['gateway unreachable'] = (tally.failuresSeen['gateway unreachable'] ?? 0) + 1;
    }
  }
  return null;
}

/** The chaos: CRM too slow for the client, then CRM, the mobile subgraph and the gateway killed and restarted. */
async function chaos(): Promise<void> {
  await sleep(500);
  await setFaults(stack, 'crm', { CreaPratica: { latencyMs: 3_000 } });
  await sleep(4_000);
  await setFaults(stack, 'crm', { CreaPratica: null });
  for (const name of ['crm', 'mobile', 'gateway'] as ComponentName[]) {
    await sleep(1_500);
    await stack.kill(name, 'SIGKILL');
    await sleep(500);
    await stack.restart(name);
  }
}

describe('MOB-03 exactly-once SIM blocks across client retries, CRM and subgraph crashes', () => {
  it('creates one request per acknowledged key, and every retry gets the first outcome', async () => {
    const before = await graphql(stack, '{ requests { id } mobileLines(first: 50) { nodes { number status } } }', {}, token);
    const knownBefore = new Set((before.body.data.requests as { id: string }[]).map((r) => r.id));
    const lines = (before.body.data.mobileLines.nodes as { number: string; status: string }[])
      .filter((l) => l.status === 'ACTIVE' || l.status === 'SUSPENDED');
    expect(lines.length).toBeGreaterThanOrEqual(3);

    const acknowledged = new Map<string, string>();
    const unacknowledged: string[] = [];
    const finalStatus = new Map<string, string>();
    let chaosOver = false;
    const worker = async ({ number, status }: { number: string; status: string }) => {
      let suspended = status === 'SUSPENDED';
      let afterChaos = 0;
      for (let i = 0; i < MAX_OPS_PER_LINE && afterChaos < 2; i++) {
        if (chaosOver) afterChaos++;
        await sleep(PAUSE_BETWEEN_OPS_MS);
        const idempotencyKey = `crash-${number}-${i}`;
        const outcome = suspended
          ? await untilAcknowledged(UNBLOCK, { number, idempotencyKey })
          : await untilAcknowledged(BLOCK, { number, reason: 'LOSS', idempotencyKey });
        if (!outcome) {
          unacknowledged.push(idempotencyKey);
          return;
        }
        acknowledged.set(idempotencyKey, outcome.requestId);
        suspended = outcome.status === 'SUSPENDED';
        finalStatus.set(number, outcome.status);
      }
    };
    await Promise.all([chaos().finally(() => { chaosOver = true; }), ...lines.map(worker)]);

    const after = await graphql(stack, '{ requests { id } mobileLines(first: 50) { nodes { number status } } }', {}, token);
    expect(after.body.errors).toBeUndefined();
    const created = (after.body.data.requests as { id: string }[]).map((r) => r.id).filter((id) => !knownBefore.has(id));
    const ackedIds = [...acknowledged.values()];
    console.log(`crash suite: ${acknowledged.size + unacknowledged.length} operations on ${lines.length} lines, ${acknowledged.size} acknowledged, ${unacknowledged.length} not, `
      + `${tally.sent} requests sent (${tally.retries} retries, ${tally.clientTimeouts} client timeouts), failures seen ${JSON.stringify(tally.failuresSeen)}, `
      + `${created.length} requests created in CRM`);

    expect(unacknowledged).toEqual([]);
    expect(new Set(ackedIds).size).toBe(ackedIds.length);
    for (const id of ackedIds) expect(created.filter((c) => c === id), id).toHaveLength(1);
    expect(created.length).toBe(acknowledged.size);
    // The retries really happened: the stream went through the client timeouts and both crashes.
    expect(tally.retries).toBeGreaterThan(0);
    expect(unacknowledged.length + acknowledged.size, 'the stream ended before the chaos did').toBeLessThan(lines.length * MAX_OPS_PER_LINE);
    for (const line of after.body.data.mobileLines.nodes as { number: string; status: string }[]) {
      if (finalStatus.has(line.number)) expect(line.status, line.number).toBe(finalStatus.get(line.number));
    }
  }, 150_000);
});
