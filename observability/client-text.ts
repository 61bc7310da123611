/**
 * A string a client chooses (an operation name, a header we log) is cut to a bound of ours before it reaches a log
 * line, a span, a metric label or an error message: a 30,000-character `operationName` must not write 30,000
 * characters per request into every process's log. The cut says how long the original was, so an operator sees
 * that it was cut.
 */
export const CLIENT_TEXT_MAX_CHARS = 100;

export function boundedClientText(text: string, max = CLIENT_TEXT_MAX_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}…(${text.length} characters)`;
}

/** Every quoted string of a message (graphql-js and Apollo quote the names they echo) cut to the bound. */
export function withQuotedTextBounded(message: string): string {
  return message.replace(new RegExp(`"([^"]{${CLIENT_TEXT_MAX_CHARS + 1},})"`, 'g'), (_, text: string) => `"${boundedClientText(text)}"`);
}
