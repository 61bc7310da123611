/**
 * A string a client chooses (an operation name, a header we log) is cut to a bound of ours before it reaches a log
 * line, a span, a metric label or an error message: a 30,000-character `operationName` must not write 30,000
 * characters per request into every process's log. The cut says how long the original was, so an operator sees
 * that it was cut.
 */
export const CLIENT_TEXT_MAX_CHARS = 100;

/**
 * The longest value a span attribute keeps; the OpenTelemetry SDK cuts longer ones (its span limits), unless
 * OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT or OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT says otherwise. It is there for
 * `graphql.source`, the client's document on the parse, validate and execute spans, as long as the client made it
 * (up to MAX_BODY_BYTES): cut rather than dropped, because its first lines (operation, name, the fields asked) are what
 * tells an operator what an unregistered document was, and its literal values are already `*` (the instrumentation's
 * `allowValues: false`), so it carries no personal data. A reviewed document fits (README's dashboard: ~1,000).
 */
export const SPAN_ATTRIBUTE_MAX_CHARS = 4096;

export function boundedClientText(text: string, max = CLIENT_TEXT_MAX_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}…(${text.length} characters)`;
}

/** Every quoted string of a message (graphql-js and Apollo quote the names they echo) cut to the bound. */
export function withQuotedTextBounded(message: string): string {
  return message.replace(new RegExp(`"([^"]{${CLIENT_TEXT_MAX_CHARS + 1},})"`, 'g'), (_, text: string) => `"${boundedClientText(text)}"`);
}
