import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_PAGES, readmeExampleOperations } from '../../gateway/front/ide/readme-examples';
import { withDemoUsers } from '../../schema/demo-users-table';
import { DEMO_USERS } from '../../legacy/data/users';
import { DOCS, withTableOfContents } from '../../stack/doc-section';
import { readmeDashboardQuery } from '../e2e/dashboard-query';

/**
 * The documentation a newcomer meets (issue 14 item 7, issue 25 item 1): a README that fits on a screen or two and
 * links every page of docs/; each page's table of contents current; the demo users table is the users the
 * stand-ins hold; every example operation (the IDE's tabs) is valid against the client contract.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (page: string) => readFileSync(`${ROOT}/${page}`, 'utf8');

describe('README and docs/', () => {
  it('the README fits on two screens, says the prerequisites and how long each step takes, and links every page of docs/', () => {
    const readme = read(DOCS.readme);
    expect(readme.split('\n').length).toBeLessThanOrEqual(130);
    expect(readme).toMatch(/## Prerequisites/);
    expect(readme).toMatch(/Node\.js \d+/);
    for (const page of Object.values(DOCS).filter((p) => p.startsWith('docs/'))) expect(readme).toContain(`](${page})`);
  });

  it('each page of docs/ has a current table of contents', () => {
    for (const page of Object.values(DOCS).filter((p) => p.startsWith('docs/'))) {
      const text = read(page);
      expect(text, page).toContain('<!-- toc:start -->');
      expect(withTableOfContents(text), `${page}: run any docs generator, e.g. npm run users:readme`).toBe(text);
    }
  });

  it('docs/frontend.md lists every demo user with the profiles CRM gives him (npm run users:readme)', () => {
    const page = read(DOCS.frontend);
    expect(withDemoUsers(page)).toBe(page);
    for (const user of DEMO_USERS) expect(page).toContain(`| \`${user.username}\` | ${user.grants[0].profile} on `);
  });

  it('the README\'s dashboard query is the reference dashboard\'s document, in the manifest the gateway enforces for it', () => {
    expect(readmeDashboardQuery()).toBe(read('examples/dashboard/src/dashboard.graphql'));
    // The manifest is codegen's from that file (typed-clients.test.ts checks it is current): its one document is it.
    const manifest = Object.values(JSON.parse(read('examples/dashboard/src/gql/persisted-documents.json')) as Record<string, string>);
    expect(manifest).toEqual([expect.stringMatching(/^query Dashboard\(\$linesFirst: Int = 50, \$linesOffset: Int = 0\) \{/)]);
  });

  it('shows example operations, a change with its idempotency key among them, that the contract accepts', () => {
    const contract = buildSchema(read('schema/api-schema.graphql'));
    const operations = readmeExampleOperations(EXAMPLE_PAGES.map((page) => `${ROOT}/${page}`));
    expect(operations.map((op) => /^(query|mutation) (\w+)/.exec(op.query)![2])).toEqual(expect.arrayContaining(['Dashboard', 'BlockSim']));
    const change = operations.find((op) => op.query.startsWith('mutation'))!;
    expect(change.query).toContain('idempotencyKey');
    expect(JSON.parse(change.variables!)).toMatchObject({ key: expect.any(String) });
    for (const { query } of operations) expect(validate(contract, parse(query)).map((e) => e.message), query.slice(0, 40)).toEqual([]);
  });
});
