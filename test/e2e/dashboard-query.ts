import { readFileSync } from 'node:fs';

/**
 * The dashboard query is the one the README shows a newcomer; the tests read it from there, so the README can
 * never drift from a query that works.
 */
export function readmeDashboardQuery(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('## The dashboard in one request')[1];
  const query = section?.match(/```graphql\n([\s\S]*?)```/)?.[1];
  if (!query) throw new Error('README.md has no ```graphql block under "## The dashboard in one request"');
  return query;
}
