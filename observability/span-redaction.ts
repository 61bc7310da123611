import type { Span } from '@opentelemetry/api';

/**
 * What the HTTP spans may say of a URL: the path with every segment that carries a digit replaced by `:id`, and no
 * query string. A download link's token, a customer code, an invoice or line number travel in paths and queries
 * (`/downloads/<token>`, `/ebill/fatture/7X00412066.pdf`, `?codiceCliente=…`); a trace is read by operators and kept
 * by a vendor, so none of them goes there. Applied by the HTTP and undici instrumentations' request hooks, which run
 * once the span has its attributes, and overwrite them.
 */
const URL_ATTRIBUTES = ['http.target', 'http.url', 'url.full', 'url.path', 'url.query'] as const;

export function redactedPath(path: string): string {
  const [withoutQuery] = path.split('?');
  return withoutQuery.split('/').map((segment) => (/\d/.test(segment) ? ':id' : segment)).join('/');
}

function redactedValue(key: (typeof URL_ATTRIBUTES)[number], value: string): string {
  if (key === 'url.query') return '';
  if (key === 'http.url' || key === 'url.full') {
    try {
      const url = new URL(value);
      return `${url.origin}${redactedPath(url.pathname)}`;
    } catch {
      return ':redacted';
    }
  }
  return redactedPath(value);
}

/** Overwrites the span's URL attributes with their redacted form. */
export function redactSpanUrl(span: Span): void {
  const attributes = (span as unknown as { attributes?: Record<string, unknown> }).attributes ?? {};
  for (const key of URL_ATTRIBUTES) {
    const value = attributes[key];
    if (typeof value === 'string') span.setAttribute(key, redactedValue(key, value));
  }
}
