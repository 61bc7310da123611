import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resetDemoData } from '../../stack/reset';

/** `npm run reset` (issue 25 item 5): the demo data back as on the first start, never under a running stack. */
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run reset', () => {
  it('removes the stand-ins\' databases (and their WAL files) and nothing else', () => {
    dir = mkdtempSync(join(tmpdir(), 'reset-'));
    for (const file of ['crm.sqlite', 'crm.sqlite-wal', 'ebill.sqlite', 'notes.txt']) writeFileSync(join(dir, file), 'x');
    expect(resetDemoData(dir).removed.sort()).toEqual(['crm.sqlite', 'crm.sqlite-wal', 'ebill.sqlite']);
    expect(existsSync(join(dir, 'crm.sqlite'))).toBe(false);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
  });

  it('refuses while npm start runs, and removes nothing', () => {
    dir = mkdtempSync(join(tmpdir(), 'reset-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'stack.json'), '{}');
    writeFileSync(join(dir, 'crm.sqlite'), 'x');
    expect(() => resetDemoData(dir)).toThrow(/the stack is running .*stop `npm start`/);
    expect(existsSync(join(dir, 'crm.sqlite'))).toBe(true);
  });
});
