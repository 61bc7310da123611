import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DOCS } from '../../../stack/doc-section';

/**
 * The example operations of the documentation a newcomer reads first (every ```graphql block that is a named query or
 * mutation in README.md, then docs/frontend.md), preloaded as the IDE's tabs: he opens the IDE and finds what the
 * pages told him to try. A block followed by "with variables `{…}`" gets those variables. A page that is missing (an
 * image without docs) gives no tabs.
 */
export interface ExampleOperation { query: string; variables?: string }

export const EXAMPLE_PAGES = [DOCS.readme, DOCS.frontend];

export function readmeExampleOperations(pages: string[] = EXAMPLE_PAGES.map((page) => resolve(page))): ExampleOperation[] {
  return pages.flatMap((path) => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return [];
    }
    return [...text.matchAll(/```graphql\n([\s\S]*?)```\n+(?:with variables `(\{.*?\})`)?/g)]
      .filter((m) => /^(query|mutation) \w+/.test(m[1].trim()))
      .map((m) => ({ query: m[1].trim(), ...(m[2] && { variables: JSON.stringify(JSON.parse(m[2]), null, 2) }) }));
  });
}
