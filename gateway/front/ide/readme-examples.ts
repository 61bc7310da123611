import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The example operations of the README (every ```graphql block that is a named query or mutation), preloaded as the
 * IDE's tabs: a newcomer opens the IDE and finds what the README told him to try. A block followed by
 * "with variables `{…}`" gets those variables. No README (an image without it): no tabs.
 */
export interface ExampleOperation { query: string; variables?: string }

export function readmeExampleOperations(path = resolve('README.md')): ExampleOperation[] {
  let readme: string;
  try {
    readme = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```\n+(?:with variables `(\{.*?\})`)?/g)]
    .filter((m) => /^(query|mutation) \w+/.test(m[1].trim()))
    .map((m) => ({ query: m[1].trim(), ...(m[2] && { variables: JSON.stringify(JSON.parse(m[2]), null, 2) }) }));
}
