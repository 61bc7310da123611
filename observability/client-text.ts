/**
 * A string a client chooses (an operation name, a header we log) is cut to a bound of ours before it reaches a log
 * line, a span, a metric label or an error message: a 30,000-character `operationName` must not write 30,000
 * characters per request into every process's log. The cut says how long the original was, so an operator sees
 * that it was cut.
 */
export const CLIENT_TEXT_MAX_CHARS = 100;

/**
 * The longest value a span attribute keeps; the OpenTelemetry SDK cuts longer ones (its span limits), unless
 * OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT or OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT says otherwise. No span of ours carries
 * the client's document since graphql's instrumentation went (issue 24: it cost every request); the bound stays for
 * whatever an instrumentation may add, as long as a client made it (up to MAX_BODY_BYTES): cut rather than dropped.
 */
export const SPAN_ATTRIBUTE_MAX_CHARS = 4096;

export function boundedClientText(text: string, max = CLIENT_TEXT_MAX_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}…(${text.length} characters)`;
}

/** Every quoted string of a message (graphql-js and Apollo quote the names they echo) cut to the bound. */
export function withQuotedTextBounded(message: string): string {
  return message.replace(new RegExp(`"([^"]{${CLIENT_TEXT_MAX_CHARS + 1},})"`, 'g'), (_, text: string) => `"${boundedClientText(text)}"`);
}
