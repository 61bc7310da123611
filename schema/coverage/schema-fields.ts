import { Kind, type DocumentNode } from 'graphql';
import { loadTypeDefs, SUBGRAPH_NAMES } from '../../subgraphs/runtime/sdl';
import { CAPABILITY_ID } from './requirements';

/**
 * Capability id → the schema coordinates that serve it (`Invoice`, `Invoice.documentUrl`, `Mutation.blockSim`),
 * read from the SDL descriptions, which name the ids they serve: "Block a SIM after theft or loss (MOB-03)".
 */
export function coordinatesByCapability(documents: DocumentNode[] = SUBGRAPH_NAMES.map(loadTypeDefs)): Map<string, Set<string>> {
  const served = new Map<string, Set<string>>();
  const note = (description: string | undefined, coordinate: string) => {
    for (const [id] of (description ?? '').matchAll(CAPABILITY_ID)) {
      if (!served.has(id)) served.set(id, new Set());
      served.get(id)!.add(coordinate);
    }
  };
  for (const document of documents) {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION
        && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
      const typeName = definition.name.value;
      if ('description' in definition) note(definition.description?.value, typeName);
      for (const field of definition.fields ?? []) note(field.description?.value, `${typeName}.${field.name.value}`);
    }
  }
  return served;
}
