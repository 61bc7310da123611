import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCS } from '../stack/doc-section';

/**
 * The "Performance" section of docs/operating.md quotes bench/RESULTS.md and nothing else: the bench rewrites it
 * between two markers after each run, so the docs never show a figure the bench did not produce.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START = '<!-- bench:start (written by npm run bench from bench/RESULTS.md) -->';
const END = '<!-- bench:end -->';
/** The sections of RESULTS.md the README quotes, by heading prefix. */
const QUOTED = ['## Side by side', '## Goals'];

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}`);
  if (start < 0) return '';
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start + 1, next < 0 ? undefined : next).trim();
}

export function quoteInReadme(resultsMarkdown: string): string {
  const path = join(ROOT, DOCS.operating);
  const readme = readFileSync(path, 'utf8');
  const when = /on (\d{4}-\d\d-\d\d \d\d:\d\d) UTC/.exec(resultsMarkdown)?.[1] ?? 'the last run';
  const quoted = QUOTED.map((h) => section(resultsMarkdown, h)).filter(Boolean)
    .map((text) => text.replace(/^## /, '#### '))
    .join('\n\n')
    .split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n');
  const body = [
    START,
    `From [bench/RESULTS.md](../bench/RESULTS.md) (run of ${when} UTC; machine, versions, every figure and the noise it carries are there):`,
    '',
    quoted,
    END,
  ].join('\n');
  const begin = readme.indexOf(START);
  const end = readme.indexOf(END);
  const next = begin >= 0 && end > begin
    ? readme.slice(0, begin) + body + readme.slice(end + END.length)
    : `${readme.trimEnd()}\n\n## Performance\n\n\`npm run bench\` (about 8 minutes) starts the stack at the stand-ins' default latencies, our gateway and Hive Gateway over the same subgraphs, loads both with autocannon and writes bench/RESULTS.md.\n\n${body}\n`;
  writeFileSync(path, next);
  return path;
}
