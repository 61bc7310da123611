import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { failedOrSlow, keptWhenFailedOrSlow, OUTCOME_ATTRIBUTE, recordingLocalRoots } from '../../observability/trace-sampling';

/**
 * Issue 24 item 1: which spans the ratio drops are still recorded (a process's server span, nothing under it), and
 * which of those are exported when they end (failed or slow). The whole path, through a real stack and collector,
 * is tracing.test.ts's; these are the rule's edges.
 */
const NOT_RECORD = 0;
const RECORD = 1;
const dropAll = { shouldSample: () => ({ decision: NOT_RECORD }), toString: () => 'dropAll' };
const sampler = recordingLocalRoots(dropAll);
const TRACE = '0af7651916cd43dd8448eb211c80319c';
const parent = (isRemote: boolean) => trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE, spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.NONE, isRemote });
const decide = (context = ROOT_CONTEXT, kind = SpanKind.SERVER) => sampler.shouldSample(context, TRACE, 'POST', kind, {}, []).decision;

type Ended = Parameters<ReturnType<typeof keptWhenFailedOrSlow>['onEnd']>[0];
const ended = (ms: number, attributes: Record<string, unknown> = {}, status = SpanStatusCode.UNSET, flags = TraceFlags.NONE) => ({
  status: { code: status }, attributes, duration: [Math.floor(ms / 1000), (ms % 1000) * 1e6],
  spanContext: () => ({ traceId: TRACE, spanId: 'b7ad6b7169203331', traceFlags: flags }),
}) as unknown as Ended;

describe('trace sampling: failed and slow requests kept whatever the ratio', () => {
  it('records the server span that starts this process\'s part of a request (no parent, or the caller\'s), and nothing under it', () => {
    expect(decide()).toBe(RECORD);
    expect(decide(parent(true))).toBe(RECORD);
    expect(decide(parent(false))).toBe(NOT_RECORD);
    expect(decide(ROOT_CONTEXT, SpanKind.CLIENT)).toBe(NOT_RECORD);
  });

  it('keeps a span that failed (error status, 5xx, GraphQL errors) or took TRACE_SLOW_MS, and no other', () => {
    expect(failedOrSlow(ended(20), 1000)).toBe(false);
    expect(failedOrSlow(ended(20, { 'http.response.status_code': 200, [OUTCOME_ATTRIBUTE]: 'ok' }), 1000)).toBe(false);
    expect(failedOrSlow(ended(1000), 1000)).toBe(true);
    expect(failedOrSlow(ended(20, {}, SpanStatusCode.ERROR), 1000)).toBe(true);
    expect(failedOrSlow(ended(20, { 'http.response.status_code': 503 }), 1000)).toBe(true);
    expect(failedOrSlow(ended(20, { [OUTCOME_ATTRIBUTE]: 'partial' }), 1000)).toBe(true);
  });

  it('hands a kept span to the exporters flagged sampled, and leaves the ones the ratio sampled to them', () => {
    const exported: number[] = [];
    const exporter = { onStart() {}, onEnd: (span: Ended) => void exported.push(span.spanContext().traceFlags), forceFlush: async () => {}, shutdown: async () => {} };
    const kept = keptWhenFailedOrSlow([exporter], 1000);
    kept.onEnd(ended(20));
    kept.onEnd(ended(20, {}, SpanStatusCode.UNSET, TraceFlags.SAMPLED));
    expect(exported).toEqual([]);
    kept.onEnd(ended(1500));
    expect(exported).toEqual([TraceFlags.SAMPLED]);
  });
});
