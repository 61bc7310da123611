import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STAND_INS, type StandInName } from '../../stack/launch';
import { counters, resetCounters, startTestStack, tokenFor, type TestStack } from '../support/stack';
import { readmeDashboardQuery } from '../e2e/dashboard-query';
import { SPAN_ATTRIBUTE_MAX_CHARS } from '../../observability/client-text';
import { startOtlpCollector, type OtlpCollector, type ReceivedSpan } from '../support/otlp-collector';

/**
 * Issue 8, item 2: with an OTLP endpoint configured, one dashboard request is one trace from the client's
 * `traceparent` through the gateway and the subgraphs to every legacy call they made.
 */
const SYSTEM_OF: Record<StandInName, string> = { crm: 'CRM', ebill: 'eBill', ebpfa: 'EBPFA' };
const SPAN_KIND_CLIENT = 3;

/** Eleven processes on two shared cores, the OpenTelemetry SDK loaded in seven of them: minutes, not seconds. */
const STACK_START_TIMEOUT_MS = 300_000;
let collector: OtlpCollector;
let stack: TestStack;
/** The gateway's and the subgraphs' log lines, as JSON. */
const logLines: { name: string; line: Record<string, unknown> }[] = [];
beforeAll(async () => {
  collector = await startOtlpCollector();
  stack = await startTestStack({
    readyTimeoutMs: STACK_START_TIMEOUT_MS - 30_000,
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '100',
      // Generous legacy budgets: on a loaded machine a retried attempt would still match, but not `legacy.attempt: 1`.
      LEGACY_ATTEMPT_TIMEOUT_MS: '15000', LEGACY_CALL_BUDGET_MS: '30000',
    },
    // The access lines (info) of the gateway and of the mobile subgraph, to follow a line to its trace.
    componentEnv: { gateway: { LOG_LEVEL: 'info' }, mobile: { LOG_LEVEL: 'info' } },
    onLog: (name, line) => {
      if (line.startsWith('{')) logLines.push({ name, line: JSON.parse(line) as Record<string, unknown> });
    },
  });
}, STACK_START_TIMEOUT_MS);
afterAll(async () => {
  await stack?.stop();
  await collector?.close();
});

/** The spans of one trace, once the legacy-call spans number `expected` and nothing new arrived for a while. */
async function traceOf(traceId: string, expectedLegacySpans: number): Promise<ReceivedSpan[]> {
  let seen = -1;
  for (let waited = 0; waited < 15_000; waited += 500) {
    const spans = collector.spans.filter((s) => s.traceId === traceId);
    const legacy = spans.filter((s) => s.attributes['legacy.system'] !== undefined).length;
    if (legacy >= expectedLegacySpans && spans.length === seen) return spans;
    seen = spans.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return collector.spans.filter((s) => s.traceId === traceId);
}

describe('one trace from the client to the legacy call', () => {
  it('joins the gateway, the subgraphs and every legacy call of a dashboard request under the client traceparent', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    await Promise.all(STAND_INS.map((name) => resetCounters(stack, name)));
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${clientSpanId}-01` },
      body: JSON.stringify({ query: readmeDashboardQuery() }),
    });
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();

    const served: Record<string, number> = {};
    for (const name of STAND_INS) {
      for (const [operation, count] of Object.entries(await counters(stack, name))) served[`${SYSTEM_OF[name]} ${operation}`] = count;
    }
    const expectedLegacySpans = Object.values(served).reduce((a, b) => a + b, 0);
    const spans = await traceOf(traceId, expectedLegacySpans);

    // Every legacy call the stand-ins served is one span of this trace, with what an operator needs to read it.
    const legacy = spans.filter((s) => s.attributes['legacy.system'] !== undefined);
    const traced: Record<string, number> = {};
    for (const span of legacy) traced[span.name] = (traced[span.name] ?? 0) + 1;
    expect(traced).toEqual(served);
    for (const span of legacy) {
      expect(span.kind).toBe(SPAN_KIND_CLIENT);
      expect(span.attributes).toMatchObject({ 'legacy.attempt': 1, 'legacy.breaker_state': 'closed' });
      expect(span.attributes['legacy.batch_size']).toBeGreaterThanOrEqual(1);
      // One span per attempt: the HTTP request is the span itself (issue 24: no undici client span repeats it).
      expect(spans.filter((child) => child.parentSpanId === span.spanId), span.name).toEqual([]);
    }

    // The gateway (its grants lookup included) and the subgraphs the dashboard needs are all in it.
    const services = new Set(spans.map((s) => s.service));
    for (const service of ['gateway', 'account', 'mobile', 'consumption', 'fixed', 'billing', 'tracking']) expect(services).toContain(`onegraph-${service}`);
    expect(legacy.some((s) => s.service === 'onegraph-gateway' && s.name === 'CRM GetProfiloUtente')).toBe(true);
    // @apollo/gateway's own spans: the request, its plan and one fetch per subgraph call.
    const gatewaySpans = new Set(spans.filter((s) => s.service === 'onegraph-gateway').map((s) => s.name));
    for (const name of ['gateway.request', 'gateway.plan', 'gateway.fetch']) expect(gatewaySpans).toContain(name);

    // One tree: the gateway's server span is the child of the client's span, every other span has its parent here.
    const ids = new Set(spans.map((s) => s.spanId));
    const roots = spans.filter((s) => !ids.has(s.parentSpanId ?? ''));
    expect(roots.map((s) => [s.service, s.parentSpanId])).toEqual([['onegraph-gateway', clientSpanId]]);

    // Issue 23 item 8: a log line leads to its trace. The gateway's access line and the mobile subgraph's request
    // line carry this trace's id and the id of a span of it.
    for (const [name, msg] of [['gateway', 'graphql request'], ['mobile', 'subgraph request']]) {
      const line = logLines.find((l) => l.name === name && l.line.msg === msg && l.line.traceId === traceId)?.line;
      expect(line, `${name}: ${msg}`).toBeDefined();
      expect(ids).toContain(line!.spanId);
    }
  }, 120_000);

  it('cuts a 30,000-character operation name to our bound in the spans\' names and attributes of the gateway and the subgraph (issue 19 item 9)', async () => {
    const long = `Long${'Q'.repeat(29_996)}`;
    const traceId = randomBytes(16).toString('hex');
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json', authorization: `Bearer ${await tokenFor(stack, 'ginevra.vallisneri')}`,
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
      body: JSON.stringify({ query: `query ${long} { viewer { username } }`, operationName: long }),
    });
    expect(((await res.json()) as { data: { viewer: { username: string } } }).data.viewer.username).toBe('ginevra.vallisneri');
    await vi.waitFor(() => {
      const named = collector.spans.filter((s) => s.traceId === traceId && s.attributes['graphql.operation.name'] !== undefined);
      expect(new Set(named.map((s) => s.service)).size).toBeGreaterThanOrEqual(2);
    }, { timeout: 15_000, interval: 250 });
    const spans = collector.spans.filter((s) => s.traceId === traceId);
    for (const span of spans.filter((s) => s.attributes['graphql.operation.name'] !== undefined)) {
      expect(span.attributes['graphql.operation.name'], `${span.service} ${span.name}`).toMatch(/^LongQ{96}…\(\d+ characters\)$/);
    }
    for (const span of spans) {
      // The parse span's source is the document as the client sent it, cut by the span limit (issue 25: bounded).
      const { 'graphql.source': source, ...attributes } = span.attributes;
      expect(String(source ?? '').length, `${span.service} ${span.name}`).toBeLessThanOrEqual(SPAN_ATTRIBUTE_MAX_CHARS);
      const shown = JSON.stringify({ name: span.name, attributes, source: span.name === 'graphql.parse' ? '' : source });
      expect(shown, `${span.service} ${span.name}`).not.toContain('Q'.repeat(200));
    }
  });

  it('at the production default ratio, a request the caller did not sample leaves no span, and one whose answer carries an error leaves its server spans (issue 24 item 1)', async () => {
    const notSampled = async (user: string, query: string) => {
      const token = await tokenFor(stack, user);
      const traceId = randomBytes(16).toString('hex');
      const res = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-00` },
        body: JSON.stringify({ query }),
      });
      return { traceId, body: (await res.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] } };
    };
    const ok = await notSampled('ginevra.vallisneri', '{ viewer { username } }');
    expect(ok.body.errors).toBeUndefined();
    // A user (UT) has no invoices page: the billing subgraph's policy refuses it.
    const failed = await notSampled('giada.mantesi', '{ invoices(kind: FIXED, first: 1) { nodes { number } } }');
    expect(failed.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    // The failed request: the gateway's server span and the billing subgraph's, one each, under the caller's trace id.
    const kept = await vi.waitFor(() => {
      const found = collector.spans.filter((s) => s.traceId === failed.traceId);
      expect(found.map((s) => s.service)).toEqual(expect.arrayContaining(['onegraph-gateway', 'onegraph-billing']));
      return found;
    }, { timeout: 15_000, interval: 200 });
    expect(kept.every((s) => s.kind === 2 && s.attributes['onegraph.outcome'] !== undefined)).toBe(true);
    // The answer that succeeded was not sampled by its caller: nothing of it, although it was served after the other.
    expect(collector.spans.filter((s) => s.traceId === ok.traceId)).toEqual([]);
  }, 60_000);

  it('BIL-03: a followed download link leaves no token, invoice number or customer code in any span (issue 23 item 8)', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const asked = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ invoice(number: "7X00412066") { documentUrl } }' }),
    });
    const link = new URL(((await asked.json()) as { data: { invoice: { documentUrl: string } } }).data.invoice.documentUrl, stack.gatewayUrl);
    const downloadToken = link.pathname.split('/').pop()!;
    const traceId = randomBytes(16).toString('hex');
    const res = await fetch(link, { headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` } });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    // The gateway's server span and its call to eBill for the PDF.
    const spans = await vi.waitFor(() => {
      const found = collector.spans.filter((s) => s.traceId === traceId);
      expect(found.length).toBeGreaterThanOrEqual(2);
      return found;
    }, { timeout: 15_000, interval: 200 });
    const written = JSON.stringify(spans.map((s) => s.attributes));
    expect(written).toContain('/downloads/:id');
    for (const secret of [downloadToken, '7X00412066', '1-VALL01']) expect(written).not.toContain(secret);
  }, 60_000);
});
