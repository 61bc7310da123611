import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * How many changes an operation asks for: every field of a mutation's root selection is one change, each alias one
 * more (ten aliased `writeToUs` file ten pratiche, so they are ten changes), through inline fragments and fragment
 * spreads on Mutation. `__typename` changes nothing. A field under `@skip`/`@include` counts: the limit is decided
 * before the variables that would drop it are looked at, and a client gains nothing by hiding a change behind one.
 * A query is no change.
 */
export function changesIn(operation: OperationDefinitionNode, document: DocumentNode): number {
  if (operation.operation !== 'mutation') return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return countFields(operation.selectionSet, fragments, new Set());
}

function countFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, spread: Set<string>): number {
  let changes = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') changes++;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      changes += countFields(selection.selectionSet, fragments, spread);
    } else {
      const fragment = fragments.get(selection.name.value);
      // Validation refuses cycles and unknown fragments; the guard keeps a bad document from looping here first.
      if (!fragment || spread.has(fragment.name.value)) continue;
      changes += countFields(fragment.selectionSet, fragments, new Set([...spread, fragment.name.value]));
    }
  }
  return changes;
}
