import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readmeExampleOperations } from '../../gateway/front/ide/readme-examples';
import { readmeWithDemoUsers } from '../../schema/demo-users-table';
import { DEMO_USERS } from '../../legacy/data/users';

/**
 * README "For frontend teams" (issue 14 item 7): the demo users table is the users the stand-ins hold, and every
 * example operation (the IDE's tabs) is valid against the client contract.
 */
const README = new URL('../../README.md', import.meta.url);

describe('README for frontend teams', () => {
  it('lists every demo user with the profiles CRM gives him (npm run users:readme)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readmeWithDemoUsers(readme)).toBe(readme);
    for (const user of DEMO_USERS) expect(readme).toContain(`| \`${user.username}\` | ${user.grants[0].profile} on `);
  });

  it('shows example operations, a change with its idempotency key among them, that the contract accepts', () => {
    const contract = buildSchema(readFileSync(new URL('../../schema/api-schema.graphql', import.meta.url), 'utf8'));
    const operations = readmeExampleOperations(new URL(README).pathname);
    expect(operations.map((op) => /^(query|mutation) (\w+)/.exec(op.query)![2])).toEqual(expect.arrayContaining(['Dashboard', 'BlockSim']));
    const change = operations.find((op) => op.query.startsWith('mutation'))!;
    expect(change.query).toContain('idempotencyKey');
    expect(JSON.parse(change.variables!)).toMatchObject({ key: expect.any(String) });
    for (const { query } of operations) expect(validate(contract, parse(query)).map((e) => e.message), query.slice(0, 40)).toEqual([]);
  });
});
