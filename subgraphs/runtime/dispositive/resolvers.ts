import type { GraphQLFieldResolver } from 'graphql';
import type { SubgraphContext } from '../server';
import type { AnyDeclaration } from './declaration';
import { runDispositive, runDispositiveList } from './engine';
import { itemResultFields, outcomeFields } from './outcome';

/** Mutation inputs reach the engine as sent: each declaration validates its own. */
interface MutationArgs { input: Record<string, unknown> }

/**
 * The Mutation resolvers of a subgraph's dispositive operations, one per declaration: what makes adding an operation
 * a declaration and an SDL field, with no resolver to write. A list operation answers one result per item, keyed by
 * the item's record id (`number`).
 */
export function dispositiveMutations(declarations: readonly AnyDeclaration[]): Record<string, GraphQLFieldResolver<unknown, SubgraphContext, MutationArgs>> {
  // A plain map of field resolvers, so that a subgraph can add mutations of its own beside them.
  return Object.fromEntries(declarations.map((declaration) => [declaration.field, declaration.listField
    ? async (_root: unknown, { input }: MutationArgs, context: Parameters<typeof runDispositive>[2]) =>
      itemResultFields(await runDispositiveList(declaration, input, declaration.listField!, context), 'number', declaration.target.outcomeField)
    : async (_root: unknown, { input }: MutationArgs, context: Parameters<typeof runDispositive>[2]) =>
      outcomeFields(await runDispositive(declaration, input, context), declaration.target.outcomeField),
  ]));
}
