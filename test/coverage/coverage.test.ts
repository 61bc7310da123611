import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverageMarkdown } from '../../schema/coverage';

/**
 * COVERAGE.md is generated from the spec, the SDL and the tests (schema/coverage.ts): the committed file must be what
 * the generator writes today, or the table would claim coverage the code no longer has (or miss what it gained).
 */
describe('the coverage table', () => {
  it('is the one npm run coverage writes from the current SDL, Appendix table and tests', () => {
    const committed = readFileSync(new URL('../../COVERAGE.md', import.meta.url), 'utf8');
    expect(committed === coverageMarkdown(), 'COVERAGE.md is stale: run npm run coverage').toBe(true);
  });
});
