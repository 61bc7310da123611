import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema, getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';

/**
 * Bad values for every argument of every field of the composed supergraph, generated from schema/supergraph.graphql
 * so that a field or argument added tomorrow is fuzzed without anyone listing it. For each argument (and each field
 * of an input object argument): wrong-typed, empty, huge and out-of-range values, each as an operation sending it as a
 * variable and one sending it as a literal; the other required arguments get a plausible value that names no
 * record (a mutation built from it can only answer NOT_FOUND or BAD_USER_INPUT, never write).
 */
export interface FuzzCase {
  /** `Query.invoices(first)`, `Mutation.blockSim(input.number)`: what a failing assertion names. */
  target: string;
  value: unknown;
  query: string;
  variables: Record<string, unknown>;
}

const SUPERGRAPH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));
const HUGE_TEXT = 'x'.repeat(20_000);

export function supergraphSchema(): GraphQLSchema {
  return buildSchema(readFileSync(SUPERGRAPH, 'utf8'));
}

/**
 * Object types below the root whose fields take arguments, and the query that reaches them (their fields are fuzzed
 * inside it; a line of the fuzzing user's company). A field with arguments on any other type must be added here.
 */
export const REACHED_THROUGH: Record<string, (inner: string) => string> = {
  MobileInventory: (inner) => `mobileInventory { ${inner} }`,
  MobileLine: (inner) => `mobileLine(number: "3343860505") { ${inner} }`,
  PersonalConsumption: (inner) => `mobileLine(number: "3343860505") { personalConsumption { ${inner} } }`,
  // Issue 22: the customer area's consumption of a company line (CON-01 to CON-03).
  LineConsumption: (inner) => `mobileLine(number: "3343860505") { consumption { ${inner} } }`,
  // Issue 21: the customer area's mobile services of company A's contract (MOB-06).
  MobileContractServices: (inner) => `mobileServices(contractNumber: "888012170373") { ${inner} }`,
};

/** Fields with arguments outside the root types: the generator reaches only root fields, so it must be told. */
export function nonRootFieldsWithArguments(schema: GraphQLSchema): string[] {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), ...Object.keys(REACHED_THROUGH).map((n) => schema.getType(n))]
    .filter(Boolean).map((t) => t!.name));
  return Object.values(schema.getTypeMap()).filter(isObjectType).filter((t) => !t.name.startsWith('__') && !roots.has(t.name))
    .flatMap((t) => Object.values(t.getFields()).filter((f) => f.args.length > 0).map((f) => `${t.name}.${f.name}`));
}

/** Values that are wrong for a named type: wrong-typed, empty, huge, out of range. */
function badValues(type: GraphQLInputType): unknown[] {
  const named = getNamedType(type);
  const wrongShapes = [{}, [], true];
  if (isInputObjectType(named)) return [null, '', 'x', 0, [], {}, { notAField: 1 }];
  if (isEnumType(named)) return ['NOT_A_VALUE', named.getValues()[0].name.toLowerCase(), '', 1, null, ...wrongShapes];
  switch (named.name) {
    case 'Int':
      return [-1, 0, -(2 ** 31), 2 ** 31 - 1, 2 ** 31, 1e20, 1.5, '1', '', null, ...wrongShapes];
    case 'Float':
      return [-1, 1e308, '1', '', null, ...wrongShapes];
    case 'Boolean':
      return ['true', 0, '', null, {}];
    default: // String, ID and the custom string scalars (Date, DateTime, Decimal)
      return ['', ' ', 'not-a-value', '0000-00-00', '9999-12-31', '-1', '9'.repeat(40), "'; DROP TABLE x--", '\u0000', '🙂',
        HUGE_TEXT, 12.5, -1, null, ...wrongShapes];
  }
}

/** A plausible value that names no record: what the other required arguments get. */
function harmlessValue(type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    return Object.fromEntries(Object.values(named.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, harmlessValue(f.type)]));
  }
  if (isEnumType(named)) return named.getValues()[0].name;
  if (named.name === 'Int' || named.name === 'Float') return 1;
  if (named.name === 'Boolean') return false;
  if (named.name === 'Date') return '2026-11-20';
  return named.name === 'ID' ? '3999999999' : 'fuzz-harmless-key';
}

/** The value as GraphQL literal text; enum values bare when they could be one. */
function literal(value: unknown, type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, isListType(type) ? type.ofType : type)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? named as GraphQLInputType)}`).join(', ')} }`;
  }
  if (isEnumType(named) && typeof value === 'string' && /^[A-Za-z_]\w*$/.test(value)) return value;
  return JSON.stringify(value);
}

function selection(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
}

/** One argument (or input field, at `path`) set to `value`, every other required argument harmless. */
function casesFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, arg: GraphQLArgument, value: unknown, path: string[],
  owner = kind === 'query' ? 'Query' : 'Mutation', wrap = (call: string) => call): FuzzCase[] {
  const argValue = path.length === 0 ? value : { ...(harmlessValue(arg.type) as object), [path[0]]: value };
  const others = field.args.filter((a) => a !== arg && isNonNullType(a.type));
  const othersLiteral = others.map((a) => `${a.name}: ${literal(harmlessValue(a.type), a.type)}`);
  const target = `${owner}.${field.name}(${[arg.name, ...path].join('.')})`;
  const call = (argText: string) => wrap(`${field.name}(${[argText, ...othersLiteral].join(', ')})${selection(field)}`);
  return [
    { target, value, query: `${kind} ($v: ${arg.type}) { ${call(`${arg.name}: $v`)} }`, variables: { v: argValue } },
    { target, value, query: `${kind} { ${call(`${arg.name}: ${literal(argValue, arg.type)}`)} }`, variables: {} },
  ];
}

export function fuzzCases(schema: GraphQLSchema): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const roots = [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const;
  for (const [kind, root] of roots) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      for (const arg of field.args) {
        for (const value of badValues(arg.type)) cases.push(...casesFor(kind, field, arg, value, []));
        const named = getNamedType(arg.type);
        if (!isInputObjectType(named)) continue;
        for (const inputField of Object.values(named.getFields())) {
          for (const value of badValues(inputField.type)) cases.push(...casesFor(kind, field, arg, value, [inputField.name]));
        }
      }
    }
  }
  for (const [typeName, wrap] of Object.entries(REACHED_THROUGH)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) for (const value of badValues(arg.type)) cases.push(...casesFor('query', field, arg, value, [], typeName, wrap));
    }
  }
  return cases;
}
