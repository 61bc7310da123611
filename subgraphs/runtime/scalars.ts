import { GraphQLScalarType, Kind, valueFromASTUntyped, type ValueNode } from 'graphql';

/**
 * The custom scalars of the graph, one implementation shared by every subgraph that declares them (a subgraph adds
 * `Date: DateScalar` etc. to its resolvers). Values are strings on the wire and in the domain types alike; the
 * scalar only checks the format, both ways: a malformed value from a client is refused before any resolver runs,
 * and a malformed value from an adapter is a bug that must fail loudly (INTERNAL) instead of reaching a client.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Date, time to the second (fraction optional) and an explicit offset: a timestamp without one is ambiguous. */
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Euro amounts: a dot, never a comma, no exponent, no thousands separators ("221.12", "-5", "0.5"). */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** True for a real calendar date: the format alone would let 2026-02-30 through. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isIsoDateTime(value: string): boolean {
  const match = ISO_DATE_TIME.exec(value);
  return match !== null && isIsoDate(match[1]);
}

export function isDecimal(value: string): boolean {
  return DECIMAL.test(value);
}

/** A string scalar whose every value, in and out, must pass `isValid`. */
function stringScalar(name: string, description: string, isValid: (value: string) => boolean, example: string) {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !isValid(value)) {
      throw new TypeError(`${name} must be a string like "${example}", got ${JSON.stringify(value)}.`);
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: check,
    parseValue: check,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw new TypeError(`${name} must be a string like "${example}".`);
      return check(ast.value);
    },
  });
}

export const DateScalar = stringScalar('Date', 'Calendar date, ISO 8601 (YYYY-MM-DD).', isIsoDate, '2026-03-31');
export const DateTimeScalar = stringScalar('DateTime', 'Timestamp, ISO 8601 with offset, e.g. 2026-03-31T16:05:00Z.',
  isIsoDateTime, '2026-03-31T16:05:00Z');
export const DecimalScalar = stringScalar('Decimal', 'Euro amount as a decimal string with a dot, e.g. "221.12".',
  isDecimal, '221.12');


/**
 * ChangeInput: a change's input as its mutation takes it, an object, for the one summary query that serves every
 * change (each declaration validates its own input and names the field it refuses, as the mutation does).
 */
export const ChangeInputScalar = new GraphQLScalarType({
  name: 'ChangeInput',
  serialize: () => {
    throw new Error('ChangeInput is an input only');
  },
  parseValue: (value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TypeError('ChangeInput must be an object');
    return value;
  },
  parseLiteral: (ast, variables) => {
    if (ast.kind !== Kind.OBJECT) throw new TypeError('ChangeInput must be an object');
    return valueFromASTUntyped(ast, variables);
  },
});

/** Every custom scalar of the graph, by name: the gateway checks client input with the same code (gateway/schema/). */
export const GRAPH_SCALARS: readonly GraphQLScalarType[] = [DateScalar, DateTimeScalar, DecimalScalar, ChangeInputScalar];
