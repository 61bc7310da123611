import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { request } from 'undici';
import type { LegacySystem } from '../../adapters/errors';
import { logLegacyFailure } from '../../adapters/http';
import { DOWNLOAD_ROUTE, verifyDownload } from '../../subgraphs/runtime/downloads';
import { currentRequestScope } from '../../observability/request-scope';
import { withTraceContext } from '../../observability/trace-context';
import { refuse } from '../../stack/http/refuse';
import { logger } from '../../observability/logger';
import { downloads, metricsEnabled } from '../../observability/metrics';
import type { FileSources } from './file-sources';

const tracer = trace.getTracer('onegraph-gateway');

/**
 * The file's fetch as a span of the download's trace, `<system> download`, until the system's answer starts: like
 * a legacy call's (adapters/call-telemetry.ts), with neither the path nor the file's ids.
 */
function fetchSpan<T>(system: LegacySystem, fetch: () => Promise<T>): Promise<T> {
  const attributes = { 'legacy.system': system, 'legacy.operation': 'download' };
  return tracer.startActiveSpan(`${system} download`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      return await fetch();
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'LEGACY_UNAVAILABLE' });
      throw err;
    } finally {
      span.end();
    }
  });
}

/**
 * `GET /downloads/<token>`: a link signed by a subgraph (subgraphs/runtime/downloads.ts). The signature is the
 * authorisation, so a browser needs no header; the file streams from the system that holds it, never held whole in
 * the gateway. Refusals carry our words only: 403 (not a link of ours, or altered), 410 (expired: ask the graph for
 * a new one), 404 (the system has no such file), 503 (the system is unavailable).
 */
export function downloadRoute(deps: { secret: Uint8Array; sources: FileSources; timeoutMs: number }) {
  return async function serveDownload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'BAD_REQUEST', 'Downloads are fetched with GET.');
    const { correlationId } = currentRequestScope()!;
    const token = new URL(req.url ?? '/', 'http://gateway').pathname.slice(DOWNLOAD_ROUTE.length + 1);
    const file = await verifyDownload(token, deps.secret);
    const counted = (outcome: 'served' | 'expired' | 'invalid' | 'not_found' | 'unavailable') => {
      if (metricsEnabled) downloads.inc({ outcome });
    };
    if (file === 'expired' || file === 'invalid') counted(file);
    if (file === 'expired') return refuse(res, 410, 'FORBIDDEN', 'This download link has expired; ask for the document again to get a new one.');
    if (file === 'invalid') return refuse(res, 403, 'FORBIDDEN', 'This download link is not valid.');

    const source = deps.sources[file.system];
    const unavailable = () => {
      counted('unavailable');
      refuse(res, 503, 'LEGACY_UNAVAILABLE', `${file.system} is not available right now; try again later.`);
    };
    if (!source) return unavailable();
    const origin = new URL(source.url);
    let upstream: Awaited<ReturnType<typeof request>>;
    try {
      const url = new URL(origin.pathname.replace(/\/$/, '') + file.path, origin);
      upstream = await fetchSpan(file.system, () => request(url, {
        headers: withTraceContext({ ...source.headers, 'x-correlation-id': correlationId }),
        headersTimeout: deps.timeoutMs,
        bodyTimeout: deps.timeoutMs,
      }));
    } catch (err) {
      logLegacyFailure(file.system, 'download', correlationId, err);
      return unavailable();
    }
    if (upstream.statusCode !== 200) {
      // The system's own error text stays in the log.
      logLegacyFailure(file.system, 'download', correlationId, `HTTP ${upstream.statusCode}: ${(await upstream.body.text()).slice(0, 300)}`);
      if (upstream.statusCode === 404) {
        counted('not_found');
        return refuse(res, 404, 'NOT_FOUND', 'This document does not exist.');
      }
      return unavailable();
    }
    // The system and the file's type only: the user id and the file's path are personal data (README "Logs").
    counted('served');
    logger.info({ system: file.system, contentType: file.contentType }, 'download');
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, '_')}"`,
      ...(upstream.headers['content-length'] && { 'content-length': String(upstream.headers['content-length']) }),
      // A signed link is personal: no shared cache keeps the file.
      'cache-control': 'private, no-store',
    });
    if (req.method === 'HEAD') {
      upstream.body.destroy();
      res.end();
      return;
    }
    // A transfer cut by the system ends the response early: the browser reports a failed download, never a short file.
    await pipeline(upstream.body, res).catch((err) => logLegacyFailure(file.system, 'download', correlationId, err));
  };
}
