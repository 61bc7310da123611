import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The bench's OpenTelemetry collector: OTLP/HTTP with protobuf bodies (the SDK's default protocol, and the cheaper
 * one to produce), answering 200 to every export and counting the spans it received without keeping them. The
 * tests' collector (test/support/otlp-collector.ts) reads JSON, which the bench's processes do not send.
 */
export interface OtlpSink { url: string; readonly received: number; close(): Promise<void> }

export async function startOtlpSink(): Promise<OtlpSink> {
  let received = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'POST' && req.url === '/v1/traces') received += countSpans(Buffer.concat(chunks));
    res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get received() { return received; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Spans in an ExportTraceServiceRequest: field 1 (resource_spans) → field 2 (scope_spans) → field 2 (spans),
 * each a length-delimited message. Only the wire format is read; nothing is decoded beyond the nesting.
 */
export function countSpans(body: Buffer): number {
  let spans = 0;
  for (const resourceSpans of fields(body, 1)) {
    for (const scopeSpans of fields(resourceSpans, 2)) spans += fields(scopeSpans, 2).length;
  }
  return spans;
}

/** The length-delimited values of one field number in a protobuf message; other fields are skipped. */
function fields(message: Buffer, wanted: number): Buffer[] {
  const found: Buffer[] = [];
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = message[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  while (at < message.length) {
    const key = varint();
    const wireType = key & 7;
    if (wireType === 0) varint();
    else if (wireType === 1) at += 8;
    else if (wireType === 5) at += 4;
    else if (wireType === 2) {
      const length = varint();
      if (Math.floor(key / 8) === wanted) found.push(message.subarray(at, at + length));
      at += length;
    } else throw new Error(`unexpected protobuf wire type ${wireType}`);
  }
  return found;
}
