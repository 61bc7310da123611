import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Sections of README.md and docs/ generated from code (the policy table, the settings and demo users tables, the
 * bench's figures, each page's table of contents) sit between two markers, `<!-- <name>:start -->` and
 * `<!-- <name>:end -->`, so that a generator rewrites them and a test can tell when they are stale.
 */

/** Where each audience's documentation lives (README "Documentation"); paths from the project's folder. */
export const DOCS = {
  readme: 'README.md',
  frontend: 'docs/frontend.md',
  pages: 'docs/pages.md',
  whoSeesWhat: 'docs/who-sees-what.md',
  realSystems: 'docs/real-systems.md',
  production: 'docs/production.md',
  operating: 'docs/operating.md',
  addingAnOperation: 'docs/adding-an-operation.md',
} as const;

export function replaceDocSection(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`the page needs the markers ${start} and ${end}`);
  return `${text.slice(0, from)}${start}\n${body}\n${end}${text.slice(to + end.length)}`;
}

/** A page's table of contents: its `##` and `###` headings (outside code blocks), as GitHub anchors. */
export function withTableOfContents(text: string): string {
  if (!text.includes('<!-- toc:start -->')) return text;
  let inCode = false;
  const entries: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    const heading = !inCode && /^(##|###) (.+)$/.exec(line);
    if (!heading) continue;
    const title = heading[2].trim();
    const anchor = title.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
    entries.push(`${heading[1] === '##' ? '-' : '  -'} [${title}](#${anchor})`);
  }
  return replaceDocSection(text, 'toc', entries.join('\n'));
}

/**
 * A generator's command line: rewrite each page (and its table of contents), or with `--check` exit 1 naming the
 * stale ones. `updates`: page path → how its generated sections are written.
 */
export function runDocGenerator(updates: Record<string, (text: string) => string>, command: string): void {
  const stale: string[] = [];
  for (const [page, update] of Object.entries(updates)) {
    const path = resolve(page);
    const text = readFileSync(path, 'utf8');
    const updated = withTableOfContents(update(text));
    if (updated === text) continue;
    if (process.argv.includes('--check')) stale.push(page);
    else writeFileSync(path, updated);
  }
  if (stale.length > 0) {
    console.error(`${stale.join(', ')} stale: run ${command}`);
    process.exit(1);
  }
}
