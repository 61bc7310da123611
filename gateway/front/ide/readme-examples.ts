import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The example operations of the README (every ```graphql block that is a named query or mutation), preloaded as the
 * IDE's tabs: a newcomer opens the IDE and finds what the README told him to try. No README (an image without
 * it): no tabs.
 */
export function readmeExampleOperations(path = resolve('README.md')): string[] {
  let readme: string;
  try {
    readme = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)]
    .map((m) => m[1].trim())
    .filter((block) => /^(query|mutation) \w+/.test(block));
}
