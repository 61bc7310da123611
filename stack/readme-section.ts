import { readFileSync, writeFileSync } from 'node:fs';

/**
 * README sections generated from code (the policy table, the settings tables) sit between two markers,
 * `<!-- <name>:start -->` and `<!-- <name>:end -->`, so that a generator rewrites them and a test can tell when they
 * are stale.
 */
const README = new URL('../README.md', import.meta.url);

export function replaceReadmeSection(readme: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`README.md needs the markers ${start} and ${end}`);
  return `${readme.slice(0, from)}${start}\n${body}\n${end}${readme.slice(to + end.length)}`;
}

/** The generator's command line: rewrite README.md, or with `--check` exit 1 when it is stale. */
export function runReadmeGenerator(update: (readme: string) => string, command: string): void {
  const readme = readFileSync(README, 'utf8');
  const updated = update(readme);
  if (!process.argv.includes('--check')) return writeFileSync(README, updated);
  if (updated !== readme) {
    console.error(`README.md is stale: run ${command}`);
    process.exit(1);
  }
}
