import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readmeDashboardQuery } from '../e2e/dashboard-query';
import { graphql, tokenFor } from '../support/stack';
import { useStack } from '../support/use-stack';

/**
 * Issue 23 item 8, operations' blind spots: with OPS_PORT, `/metrics` and `/health?details` leave the public port for
 * an operators' port; a gateway of two workers is scraped once for both (AggregatorRegistry in the primary); refusals
 * of the HTTP front and followed download links are counted; the `operation` label is bounded by the trusted
 * manifests' operation names.
 */
const stack = useStack({ componentEnv: { gateway: { OPS_PORT: '0', GATEWAY_WORKERS: '2' }, mobile: { OPS_PORT: '0' } } });

const opsUrl = (name: 'gateway' | 'mobile') => stack.components.get(name)!.opsUrl!;
const scrape = async (name: 'gateway' | 'mobile' = 'gateway') => (await fetch(new URL('/metrics', opsUrl(name)))).text();
/** The value of one series in a Prometheus text scrape (0 when absent). */
const valueOf = (text: string, series: string) => Number(text.split('\n').find((line) => line.startsWith(`${series} `))?.split(' ')[1] ?? 0);

describe('the operators\' port', () => {
  it('serves /metrics and /health?details, and the public port no longer shows them', async () => {
    const publicMetrics = await fetch(new URL('/metrics', stack.gatewayUrl));
    expect(await publicMetrics.text()).not.toContain('onegraph_');
    expect(await (await fetch(new URL('/health?details', stack.gatewayUrl))).json()).toEqual({ status: 'ok' });
    expect((await fetch(new URL('/readiness', stack.gatewayUrl))).status).toBe(200);

    expect(opsUrl('gateway')).not.toBe(stack.gatewayUrl);
    expect(await scrape()).toContain('onegraph_graphql_request_duration_seconds');
    const details = await (await fetch(new URL('/health?details', opsUrl('mobile')))).json() as { legacySystems: Record<string, unknown> };
    expect(Object.keys(details.legacySystems)).toContain('CRM');
    const mobileOnItsPublicPort = await fetch(new URL('/health?details', stack.components.get('mobile')!.url));
    expect(await mobileOnItsPublicPort.json()).toEqual({ status: 'ok' });
  });

  it('sums the two gateway workers in one scrape: every request counted once, whichever worker served it', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    // A name no trusted manifest holds: its requests are the `unregistered` series.
    const series = 'onegraph_graphql_request_duration_seconds_count{operation="unregistered",outcome="ok"}';
    const before = valueOf(await scrape(), series);
    for (let i = 0; i < 6; i++) {
      const { body } = await graphql(stack, 'query OpsPortProbe { viewer { username } }', {}, token);
      expect(body.errors).toBeUndefined();
    }
    expect(valueOf(await scrape(), series) - before).toBe(6);
  });

  it('counts the HTTP front\'s refusals and the download links followed, by code and outcome', async () => {
    const before = await scrape();
    for (let i = 0; i < 2; i++) expect((await fetch(new URL('/downloads/not-a-link', stack.gatewayUrl))).status).toBe(403);
    const after = await scrape();
    const refusals = 'onegraph_http_refusals_total{code="FORBIDDEN",status="403"}';
    expect(valueOf(after, refusals) - valueOf(before, refusals)).toBe(2);
    const invalid = 'onegraph_downloads_total{outcome="invalid"}';
    expect(valueOf(after, invalid) - valueOf(before, invalid)).toBe(2);
  });

  it('labels an operation of a trusted manifest by its name and any other as unregistered, on the gateway and on its subgraph fetches', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const madeUp = `MadeUp${randomBytes(4).toString('hex')}`;
    const before = { gateway: await scrape(), mobile: await scrape('mobile') };
    // `Dashboard` is in the reference dashboard's manifest, which TRUSTED_DOCUMENTS loads by default.
    const registered = await graphql(stack, readmeDashboardQuery(), {}, token);
    expect(registered.body.errors).toBeUndefined();
    const unregistered = await graphql(stack, `query ${madeUp} { mobileLines(first: 1) { totalCount } }`, {}, token);
    expect(unregistered.body.data.mobileLines.totalCount).toBe(5);
    const after = { gateway: await scrape(), mobile: await scrape('mobile') };
    const delta = (name: 'gateway' | 'mobile', series: string) => valueOf(after[name], series) - valueOf(before[name], series);

    expect(delta('gateway', 'onegraph_graphql_request_duration_seconds_count{operation="Dashboard",outcome="ok"}')).toBe(1);
    expect(delta('gateway', 'onegraph_graphql_request_duration_seconds_count{operation="unregistered",outcome="ok"}')).toBe(1);
    expect(delta('gateway', 'onegraph_operation_legacy_calls_total{operation="unregistered",system="CRM",legacy_operation="ListaLineeMobili"}')).toBe(1);
    // The subgraph names the fetch after the registered operation (the planner's name), and the other one not at all.
    expect(after.mobile).toMatch(/^onegraph_graphql_request_duration_seconds_count\{operation="Dashboard__mobile__\d+",outcome="ok"\} [1-9]/m);
    expect(delta('mobile', 'onegraph_graphql_request_duration_seconds_count{operation="unregistered",outcome="ok"}')).toBe(1);
    for (const text of [after.gateway, after.mobile]) expect(text).not.toContain(madeUp);
  });
});
