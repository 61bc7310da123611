import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { projectFile } from '../../stack/artefact';

/** The six subgraphs. The SDL of each lives in schema/<name>.graphql, the file rover.yaml composes. */
export const SUBGRAPH_NAMES = ['account', 'fixed', 'mobile', 'billing', 'consumption', 'tracking'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export function loadTypeDefs(name: SubgraphName): DocumentNode {
  return parse(readFileSync(projectFile('schema', `${name}.graphql`), 'utf8'));
}
