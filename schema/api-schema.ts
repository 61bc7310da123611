import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/**
 * The graph as clients see it: the API schema of schema/supergraph.graphql (no federation machinery).
 * Printed by federation-internals' graphql (CommonJS) and rebuilt by ours: graphql-js refuses a foreign schema.
 */
const cjsGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export function apiSchema(): GraphQLSchema {
  return apiSchemaOf(readFileSync(new URL('./supergraph.graphql', import.meta.url), 'utf8'));
}

/** The API schema of a supergraph's SDL (e.g. one just composed). */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return buildSchema(cjsGraphql.printSchema(Supergraph.build(supergraphSdl).schema.toAPISchema().toGraphQLJSSchema()));
}

/** The API schema as the committed contract prints it: sorted, so that a diff of the file shows only real changes. */
export function printContract(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
