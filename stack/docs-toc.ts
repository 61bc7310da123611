import { DOCS, runDocGenerator } from './doc-section';

/**
 * `npm run docs:toc`: every page of docs/ gets the table of contents of its headings (the generators of the other
 * tables refresh it too); `--check` fails when one is stale.
 */
const pages = Object.values(DOCS).filter((page) => page.startsWith('docs/'));
runDocGenerator(Object.fromEntries(pages.map((page) => [page, (text: string) => text])), 'npm run docs:toc');
