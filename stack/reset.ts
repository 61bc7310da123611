import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run reset`: the embedded default's demo data as it was on the first start. The stand-ins seed their SQLite
 * files from legacy/data/ only when the files are missing (ARCHITECTURE.md "Legacy stand-ins"), so removing them is
 * the reset; the next `npm start` seeds again. Refused while `npm start` runs: its stand-ins hold the files open.
 */
const DATA_DIR = '.data';

export function resetDemoData(dataDir = DATA_DIR): { removed: string[] } {
  if (existsSync(join(dataDir, 'stack.json'))) {
    throw new Error(`npm run reset: the stack is running (${join(dataDir, 'stack.json')}); stop \`npm start\` (Ctrl-C) first.`);
  }
  if (!existsSync(dataDir)) return { removed: [] };
  // The database and its WAL files; nothing else in the folder is demo data.
  const removed = readdirSync(dataDir).filter((file) => /\.sqlite(-wal|-shm)?$/.test(file));
  for (const file of removed) rmSync(join(dataDir, file));
  return { removed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { removed } = resetDemoData();
    console.log(removed.length === 0
      ? 'npm run reset: nothing to reset; the next `npm start` seeds the demo data.'
      : `npm run reset: removed ${removed.length} file(s) of demo data; the next \`npm start\` seeds them again.`);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
