import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The title of every test of the suite, as vitest itself collects them (`vitest list --json`: every `describe` and
 * `it.each` expanded, nothing run), and whether the test's file runs the real stack. The coverage table is graded
 * from these titles (COVERAGE.md's header says the convention), not from which fields a test happens to select.
 */
export interface TestTitle { file: string; title: string; throughStack: boolean }

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Calling it starts the gateway, subgraphs, IdP and stand-ins as processes (test/support/stack.ts, which defines it). */
const STARTS_STACK = /\bstartTestStack\s*\(/;
const DEFINES_STACK = join(ROOT, 'test/support/stack.ts');
const RELATIVE_IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

/** A test file runs the stack when it, or a module under test/ it imports, starts one. */
function startsStack(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file) || file === DEFINES_STACK || !existsSync(file)) return false;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  if (STARTS_STACK.test(text)) return true;
  return [...text.matchAll(RELATIVE_IMPORT)]
    .map(([, specifier]) => resolve(dirname(file), specifier.endsWith('.ts') ? specifier : `${specifier}.ts`))
    .some((imported) => imported.startsWith(join(ROOT, 'test')) && startsStack(imported, seen));
}

/** vitest's list, without the variables of a vitest run this may be called from (the coverage test). */
function listTests(): { name: string; file: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'coverage-titles-'));
  const out = join(dir, 'tests.json');
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'TEST'));
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/vitest'), ['list', `--json=${out}`], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    return JSON.parse(readFileSync(out, 'utf8'));
  } catch (err) {
    // The table cannot be graded without the titles: say why in a line or two, not as a stack of this module's.
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '').trim().split('\n').slice(-5).join('\n');
    console.error(`coverage: vitest could not list the tests, so the table cannot be graded:\n${stderr || (err as Error).message}`);
    process.exit(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function readTestTitles(): TestTitle[] {
  const throughStack = new Map<string, boolean>();
  return listTests().map(({ name, file }) => {
    if (!throughStack.has(file)) throughStack.set(file, startsStack(file));
    return { file: relative(ROOT, file), title: name, throughStack: throughStack.get(file)! };
  });
}
