import type { ApolloGateway } from '@apollo/gateway';
import type { GraphQLScalarType } from 'graphql';
import { GRAPH_SCALARS } from '../../subgraphs/runtime/scalars';

/**
 * The supergraph declares the custom scalars (Date, DateTime, Decimal, ChangeInput) by name only, so the gateway let any string
 * through and the subgraph refused it at its own validation with an HTTP 400 the gateway could only report as
 * INTERNAL (`requestsHistory(before: "not-a-date")`). Giving the gateway's schema the subgraphs' own input checks
 * refuses a malformed value where every other bad input is refused: in the gateway's validation (literals) and
 * variable coercion, as BAD_USER_INPUT naming the argument, before any subgraph is called. Output is left alone:
 * the subgraphs already check what they serialize.
 *
 * ApolloGateway builds a new graphql-js schema object on every (re)load and hands it to its listeners before it
 * serves with it, so the checks are put on each schema as it arrives.
 */
export function checkScalarInputs(gateway: ApolloGateway): void {
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    for (const scalar of GRAPH_SCALARS) {
      // Not graphql's isScalarType: @apollo/gateway may hold another copy of graphql (CJS beside ESM), whose types
      // that predicate refuses as "from another realm". A scalar is the one named type with a parseLiteral.
      const declared = apiSchema.getType(scalar.name) as Partial<GraphQLScalarType> | undefined;
      if (!declared || typeof declared.parseLiteral !== 'function') continue;
      declared.parseValue = scalar.parseValue;
      declared.parseLiteral = scalar.parseLiteral;
    }
  });
}
