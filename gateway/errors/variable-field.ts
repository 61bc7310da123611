/**
 * The input path named by graphql-js's variable coercion errors, e.g.
 * `Variable "$input" got invalid value "X" at "input.reason"; Value "X" does not exist in "SimBlockReason" enum.`
 * → `input.reason`, and `Variable "$input" got invalid value {...}; Field "reason" of required type ... was not provided.`
 * → `input.reason`. Null when the message is not one of those.
 */
export function fieldOfVariableError(message: string): string | null {
  const variable = /^Variable "\$(\w+)"/.exec(message)?.[1];
  if (!variable) return null;
  const at = / at "([\w.[\]]+)";/.exec(message)?.[1] ?? variable;
  const missing = /Field "(\w+)" of required type .* was not provided/.exec(message)?.[1];
  const unknown = /Field "(\w+)" is not defined by type/.exec(message)?.[1];
  const child = missing ?? unknown;
  return child ? `${at}.${child}` : at;
}
