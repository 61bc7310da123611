import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageMarkdown, withConformanceWalk } from '../../schema/coverage';
import { gradeAppendixRow, gradeCapability, namesAppendixRow, namesCapability } from '../../schema/coverage/grade';
import { CAPABILITY_ID, readAppendix, readCapabilities } from '../../schema/coverage/requirements';
import { readTestTitles, type TestTitle } from '../../schema/coverage/test-titles';

/**
 * COVERAGE.md grades every capability and Appendix row from the titles of the tests that run the stack
 * (schema/coverage.ts). The committed file must be what the generator writes from today's titles, and every row it
 * grades full or partial must have a test through the stack that names it: a served row that loses its test fails here.
 */
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The rows COVERAGE.md grades full or partial, as committed: `| MOB-03 | … | **full** |`, `| 22 | … | **partial** |`. */
function servedRows(markdown: string): { capabilities: string[]; appendixRows: number[] } {
  const served = [...markdown.matchAll(/^\| ([A-Z]{3}-\d{2}|\d+) \|.*\*\*(full|partial)\*\*/gm)].map(([, key]) => key);
  return { capabilities: served.filter((k) => k.includes('-')), appendixRows: served.filter((k) => !k.includes('-')).map(Number) };
}

describe('the coverage table', () => {
  let titles: TestTitle[];
  beforeAll(() => {
    // vitest list imports every test file to collect its titles: a minute on a busy machine.
    titles = readTestTitles();
  }, 300_000);

  it('every capability COVERAGE.md grades full or partial has a test through the stack naming its id in its title', () => {
    const { capabilities } = servedRows(read('COVERAGE.md'));
    expect(capabilities.length).toBeGreaterThan(0);
    const untested = capabilities.filter((id) => !titles.some((t) => t.throughStack && namesCapability(t.title, id) && !t.file.startsWith('test/coverage/')));
    expect(untested, 'graded served without a test through the stack that names it').toEqual([]);
  });

  it('every Appendix row COVERAGE.md grades full or partial has a test through the stack naming "row N" in its title', () => {
    const { appendixRows } = servedRows(read('COVERAGE.md'));
    expect(appendixRows.length).toBeGreaterThan(0);
    const untested = appendixRows.filter((row) => !titles.some((t) => t.throughStack && namesAppendixRow(t.title, row)));
    expect(untested, 'graded served without a test through the stack that names it').toEqual([]);
  });

  it('every capability id a test title or an Appendix row names is one of schema/capabilities.yaml', () => {
    const known = new Set(readCapabilities().map((c) => c.id));
    const named = titles.filter((t) => !t.file.startsWith('test/coverage/')).flatMap((t) => t.title.match(CAPABILITY_ID) ?? []);
    const rows = readAppendix().flatMap((r) => (r.capability ? [r.capability] : []));
    expect([...new Set([...named, ...rows])].filter((id) => !known.has(id))).toEqual([]);
  });

  it('is the one npm run coverage writes from the current YAML, SDL and test titles', () => {
    expect(read('COVERAGE.md') === coverageMarkdown({ titles }), 'COVERAGE.md is stale: run npm run coverage').toBe(true);
  });

  it("docs/who-sees-what.md's conformance walk is the one npm run coverage writes from the conformance cells", () => {
    const page = read('docs/who-sees-what.md');
    expect(withConformanceWalk(page, { titles }) === page, 'docs/who-sees-what.md is stale: run npm run coverage').toBe(true);
  });
});

describe('grading a row from test titles', () => {
  const blockSim = readCapabilities().find((c) => c.id === 'MOB-03')!;
  const row13 = readAppendix().find((r) => r.row === 13)!;
  const title = (text: string, throughStack = true): TestTitle => ({ file: 'test/e2e/x.test.ts', title: text, throughStack });

  it('a title naming the id through the stack makes it full; a partial: note makes it partial', () => {
    expect(gradeCapability(blockSim, [title('MOB-03 blocks the SIM')]).grade).toBe('full');
    expect(gradeCapability({ ...blockSim, partial: 'no unblock' }, [title('MOB-03 blocks the SIM')]).grade).toBe('partial');
  });

  it('a unit test naming the id, a test selecting its field without naming it, or another id do not count', () => {
    expect(gradeCapability(blockSim, [title('MOB-03 validates the reason', false)])).toMatchObject({ grade: 'none', untested: ['test/e2e/x.test.ts'] });
    expect(gradeCapability(blockSim, [title('blockSim suspends the line')]).grade).toBe('none');
    expect(gradeCapability(blockSim, [title('MOB-30 and MOB-033 run')]).grade).toBe('none');
  });

  it('an Appendix row counts by "row N" and never by a longer number', () => {
    expect(gradeAppendixRow(row13, [title('Appendix row 13, MOB-12: Gestione servizi di rete')]).grade).toBe('full');
    expect(gradeAppendixRow({ ...row13, partial: 'not as the seed says' }, [title('Appendix row 13, MOB-12')]).grade).toBe('partial');
    expect(gradeAppendixRow(row13, [title('Appendix row 1, ACC-09'), title('row 130')]).grade).toBe('none');
  });
});
