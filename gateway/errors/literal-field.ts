import { Kind, parse, visit, type ASTNode, type GraphQLError } from 'graphql';

/**
 * graphql-js's validation of argument literals (`blockSim(input: { reason: FOO })`) says what is wrong with a value
 * but not where: these are the client's bad input as much as a bad variable is. This finds the input path of the
 * value the error points at (`input.reason`) by walking the operation text to the error's position.
 */
const VALUE_ERRORS = [
  /^Value ".*" does not exist in ".*" enum/, /^Expected value of type /, /^Field ".*" of required type ".*" was not provided/,
  /^Field ".*" is not defined by type/, /cannot represent/, /^Enum ".*" cannot represent/,
];

export const isValueLiteralError = (message: string) => VALUE_ERRORS.some((re) => re.test(message));

export function fieldOfLiteral(error: unknown): string | null {
  // Read by shape, not `instanceof`: Apollo Server and this file may load different copies of graphql (CJS and ESM,
  // as under vitest), and the error is still a GraphQLError with its nodes.
  const target = (error as Partial<GraphQLError> | null)?.nodes?.[0]?.loc;
  if (!target) return null;
  const path: string[] = [];
  let found: string | null = null;
  const named = (node: ASTNode) => node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD;
  visit(parse(target.source.body), {
    enter(node) {
      if (found !== null) return false;
      if (named(node)) path.push((node as { name: { value: string } }).name.value);
      if (node.loc?.start === target.start && node.loc.end === target.end && !named(node)) found = path.join('.');
      return undefined;
    },
    leave(node) {
      if (named(node)) path.pop();
    },
  });
  if (!found) return null;
  // "Field "BlockSimInput.reason" of required type … was not provided" points at the object missing it.
  const missing = /^Field "\w+\.(\w+)" of required type/.exec((error as GraphQLError).message)?.[1];
  return missing ? `${found}.${missing}` : found;
}
