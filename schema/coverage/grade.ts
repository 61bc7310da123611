import type { AppendixRow, Capability, MatrixRow } from './requirements';
import type { TestTitle } from './test-titles';

/**
 * The grade of a capability or an Appendix row, from the titles of the tests that run the real stack:
 * - `full`: a test through the stack names it in its title (`MOB-03 …`, `Appendix row 22 …`), and the row has no
 *   `partial:` note;
 * - `partial`: the same, and its `partial:` note says what is left;
 * - `none`: no test through the stack names it (a `partial:` note then says what is built but not tested).
 * A title names a capability by its id, an Appendix row by "row N"; the tests of the coverage table itself do not
 * count (they name ids to check the table).
 */
export type Grade = 'full' | 'partial' | 'none';
export interface Graded { grade: Grade; tests: string[]; untested: string[] }

const NOT_COUNTED = 'test/coverage/';
const ROW_TITLE = /\brow (\d{1,3})\b/gi;

const counted = (tests: TestTitle[]) => tests.filter((t) => !t.file.startsWith(NOT_COUNTED));

export function namesCapability(title: string, id: string): boolean {
  return new RegExp(`\\b${id}\\b`).test(title);
}

export function namesAppendixRow(title: string, row: number): boolean {
  return [...title.matchAll(ROW_TITLE)].some(([, n]) => Number(n) === row);
}

function grade(naming: TestTitle[], partial: string | undefined): Graded {
  const through = naming.filter((t) => t.throughStack);
  const files = (ts: TestTitle[]) => [...new Set(ts.map((t) => t.file))].sort();
  const tests = files(through);
  const untested = files(naming).filter((f) => !tests.includes(f));
  return { grade: tests.length === 0 ? 'none' : partial ? 'partial' : 'full', tests, untested };
}

export function gradeCapability(capability: Capability, titles: TestTitle[]): Graded {
  return grade(counted(titles).filter((t) => namesCapability(t.title, capability.id)), capability.partial);
}

export function gradeAppendixRow(row: AppendixRow, titles: TestTitle[]): Graded {
  if (!row.mutation) return { grade: 'none', tests: [], untested: [] };
  return grade(counted(titles).filter((t) => namesAppendixRow(t.title, row.row)), row.partial);
}

/**
 * A cell of the conformance suite (test/support/conformance.ts), as vitest lists it:
 * `<user> > <PROFILE …>: 'ID' 'what' → 'outcome'`. A matrix row is walked where a cell names one of its capabilities as
 * a user of that matrix's portal (the profile the cell is labelled with is one of the matrix's columns).
 */
const CELL = /^([\w.]+) > ([A-Z_]+)[^>]*?: '?([A-Z]{3}-\d{2})'? .* → '?(data|empty|forbidden)'?$/;

export interface Walk { row: MatrixRow; walked: string[]; notWalked: string[]; users: string[] }

export function walks(rows: MatrixRow[], profiles: string[], titles: TestTitle[]): Walk[] {
  const cells = counted(titles).filter((t) => t.throughStack).flatMap((t) => {
    const match = CELL.exec(t.title);
    return match && profiles.includes(match[2]) ? [{ user: match[1], id: match[3] }] : [];
  });
  return rows.map((row) => {
    const walkedCells = cells.filter((c) => row.capabilities.includes(c.id));
    const walked = row.capabilities.filter((id) => walkedCells.some((c) => c.id === id));
    return { row, walked, notWalked: row.capabilities.filter((id) => !walked.includes(id)), users: [...new Set(walkedCells.map((c) => c.user))].sort() };
  });
}
