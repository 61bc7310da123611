import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Opens (or creates) a stand-in's SQLite file. WAL with synchronous=FULL: a transaction that returned is on disk,
 * so an answer sent after a commit survives SIGKILL. `seed` runs once, on an empty database.
 */
export function openDatabase(dataDir: string, system: string, schemaSql: string, seed: (db: Db) => void): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, `${system}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(schemaSql);
  db.exec('CREATE TABLE IF NOT EXISTS seeded (at TEXT NOT NULL)');
  const seeded = db.prepare('SELECT 1 FROM seeded').get();
  if (!seeded) {
    db.transaction(() => {
      seed(db);
      db.prepare('INSERT INTO seeded (at) VALUES (?)').run(new Date().toISOString());
    })();
  }
  return db;
}

/** `?, ?, ?` for an `IN (…)` of `n` bound values: every stand-in's batched look-up builds its SQL with it. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
