import { beforeAll, describe, expect, it } from 'vitest';
import type { ComponentName } from '../../stack/launch';
import { graphql, setFaults, tokenFor } from '../support/stack';
import { useStack } from '../support/use-stack';

/**
 * The probes an orchestrator and an operator use, on the gateway and on a subgraph: liveness, readiness and the
 * detail view with each legacy system's breaker. A legacy system that is down shows in the details and never in
 * readiness: every replica would fail it at once, and partial answers would become no answers.
 */
let token: string;

const stack = useStack();
beforeAll(async () => {
  token = await tokenFor(stack, 'ginevra.vallisneri');
  // The gateway caches the user's grants from CRM: with CRM down later, the request still reaches the subgraph.
  expect((await graphql(stack, '{ viewer { profiles } }', {}, token)).status).toBe(200);
});
const origin = (name: ComponentName) => new URL(name === 'gateway' ? stack.gatewayUrl : stack.components.get(name)!.url).origin;
async function probe(name: ComponentName, path: string) {
  const res = await fetch(`${origin(name)}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('health and readiness', () => {
  it.each(['gateway', 'mobile'] as const)('%s answers /health and /readiness without a token', async (name) => {
    expect(await probe(name, '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await probe(name, '/readiness')).toMatchObject({ status: 200, body: { ready: true, draining: false } });
  });

  it('shows each legacy system of a process in /health?details: breaker, calls in flight, last failure', async () => {
    const gateway = await probe('gateway', '/health?details');
    expect(gateway.body).toMatchObject({ status: 'ok', ready: true, supergraphLoaded: true, legacySystems: { CRM: { breaker: 'closed', inFlight: 0, queued: 0 } } });
    const mobile = await probe('mobile', '/health?details');
    expect(Object.keys(mobile.body.legacySystems).sort()).toEqual(['CRM', 'EBPFA', 'Payments', 'eBill']);
    expect(mobile.body.legacySystems.eBill).toEqual({ breaker: 'closed', inFlight: 0, queued: 0, lastFailureAt: null });
  });

  it('stays ready while CRM is down and its breaker open, and says so in the details', async () => {
    await setFaults(stack, 'crm', { '*': { down: true } });
    try {
      // Each read is attempted twice; five failed attempts in a row open the breaker (README "When a legacy system fails").
      for (let i = 0; i < 3; i++) {
        const { body } = await graphql(stack, '{ mobileLines(first: 5) { totalCount } }', {}, token);
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'LEGACY_UNAVAILABLE', system: 'CRM' });
      }
      const details = await probe('mobile', '/health?details');
      expect(details.body).toMatchObject({ ready: true, legacySystems: { CRM: { breaker: 'open', lastFailureAt: expect.any(String) } } });
      expect(Date.now() - Date.parse(details.body.legacySystems.CRM.lastFailureAt)).toBeLessThan(60_000);
      expect(await probe('mobile', '/readiness')).toMatchObject({ status: 200, body: { ready: true } });
      expect(await probe('gateway', '/readiness')).toMatchObject({ status: 200, body: { ready: true } });
    } finally {
      await setFaults(stack, 'crm', { '*': { down: false } });
    }
  });

  it('reveals no address, credential or secret in the details', async () => {
    for (const name of ['gateway', 'mobile'] as const) {
      const text = JSON.stringify((await probe(name, '/health?details')).body);
      expect(text).not.toMatch(/http:|127\.0\.0\.1|onegraph|password|secret|token/i);
    }
  });
});
