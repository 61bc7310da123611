import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, type GraphQLSchema } from 'graphql';

/**
 * The graph as clients see it: the API schema of schema/supergraph.graphql (no federation machinery).
 * Printed by federation-internals' graphql (CommonJS) and rebuilt by ours: graphql-js refuses a foreign schema.
 */
const cjsGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export function apiSchema(): GraphQLSchema {
  const supergraph = readFileSync(new URL('./supergraph.graphql', import.meta.url), 'utf8');
  return buildSchema(cjsGraphql.printSchema(Supergraph.build(supergraph).schema.toAPISchema().toGraphQLJSSchema()));
}
