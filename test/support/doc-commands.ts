import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The shell commands a reader of README.md and docs/ is told to type: every line of a fenced ```sh, ```bash or
 * ```console block (in a console block, the lines after a `$ ` prompt), continuation lines (`\`) joined, comments
 * dropped. A comment that follows a command and shows its answer (`# → {"step":"CODE"}`, `# → 204`, or a JSON line
 * `# { … }`), on its line or the next, is kept as the command's documented answer. test/docs/commands.test.ts runs
 * them.
 */
export interface DocCommand {
  /** The page, from the project's folder: `README.md`, `docs/frontend.md`. */
  page: string;
  /** Line of the page where the command starts (1-based). */
  line: number;
  /** The command as written, continuation lines joined with their `\` and newline, without its comment. */
  command: string;
  /** The answer the page shows for it, as written after `→` (or the JSON comment line), if any. */
  answer?: string;
}

const SHELL_FENCE = /^```(sh|bash|console)\s*$/;
/** A comment that starts after a blank outside quotes: ` # …` at the end of a line (none of the pages quote a `#`). */
const TRAILING_COMMENT = /\s+#\s.*$/;

/** README.md and every page of docs/, in that order: a page added to docs/ is read without being listed. */
export function documentationPages(root: string): string[] {
  const docs = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).sort();
  return ['README.md', ...docs.map((name) => `docs/${name}`)];
}

export function docCommands(root: string): DocCommand[] {
  return documentationPages(root).flatMap((page) => pageCommands(page, readFileSync(join(root, page), 'utf8')));
}

export function pageCommands(page: string, text: string): DocCommand[] {
  const lines = text.split('\n');
  const commands: DocCommand[] = [];
  let fence: string | undefined;
  let pending: { line: number; parts: string[] } | undefined;
  /** Whether the line above ended a command, so that a comment line under it may be its answer. */
  let afterCommand = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (fence === undefined) {
      fence = SHELL_FENCE.exec(raw.trim())?.[1];
      afterCommand = false;
      continue;
    }
    if (raw.trim() === '```') {
      fence = undefined;
      continue;
    }
    let line = raw;
    if (fence === 'console' && !pending) {
      if (!line.startsWith('$ ')) continue;
      line = line.slice(2);
    }
    const trimmed = line.trim();
    if (!pending && trimmed.startsWith('#')) {
      // A comment line: the answer of the command just above it, or prose.
      const answer = answerIn(trimmed, true);
      const last = commands.at(-1);
      if (afterCommand && answer !== undefined && last && last.answer === undefined) last.answer = answer;
      afterCommand = false;
      continue;
    }
    afterCommand = false;
    if (!trimmed) continue;
    const continues = line.trimEnd().endsWith('\\');
    const part = continues ? line.trimEnd() : line.replace(TRAILING_COMMENT, '').trimEnd();
    pending ??= { line: i + 1, parts: [] };
    pending.parts.push(pending.parts.length === 0 ? part.trimStart() : part);
    if (continues) continue;
    commands.push({ page, line: pending.line, command: pending.parts.join('\n'), answer: answerIn(line.slice(line.replace(TRAILING_COMMENT, '').length).trim(), false) });
    pending = undefined;
    afterCommand = true;
  }
  return commands;
}

/** `# → 202 {"step":"CODE"}` → `202 {"step":"CODE"}`; on a line of its own, `# { … }` (a JSON answer) too. */
function answerIn(comment: string, ownLine: boolean): string | undefined {
  const arrow = /^#\s*→\s*(.+)$/.exec(comment);
  if (arrow) return arrow[1].trim();
  if (ownLine && /^#\s*\{/.test(comment)) return comment.replace(/^#\s*/, '');
  return undefined;
}

/** What a documented answer promises: an HTTP status and/or a JSON object's fields (`…` is any value). */
export interface DocumentedAnswer {
  status?: number;
  fields?: Record<string, unknown>;
}

/**
 * Reads `202 {"registration_id":"…","step":"CODE"}`, `{"step":"ACCOUNT"}; 409 already_registered; 403 not_eligible`
 * (the first outcome is the one a reader following the page gets), `204`, `{ "legacyCalls": { … } }`.
 */
export function documentedAnswer(answer: string): DocumentedAnswer {
  const first = answer.split(/;\s/)[0];
  const status = /^(\d{3})\b/.exec(first)?.[1];
  const json = /\{.*\}/.exec(first)?.[0];
  return {
    ...(status && { status: Number(status) }),
    ...(json && { fields: JSON.parse(json.replace(/"…"|…/g, '"…"')) as Record<string, unknown> }),
  };
}

/** Where a documented answer writes `…`: any value. */
export const ANY_VALUE = '…';
